import Foundation
import Testing

@testable import DossierKit

@Suite struct TimelineExportsTests {
    @Test func escapesTextValuesAsRFC5545Says() {
        #expect(TimelineExports.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(TimelineExports.escape("Goïta; Niamey,\r\nBamako") == "Goïta\\; Niamey\\,\r\\nBamako")
        #expect(TimelineExports.escape("Plain — as is") == "Plain — as is")
    }

    @Test func foldsLongLinesAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = TimelineExports.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        for (index, part) in physical.enumerated() {
            #expect(part.utf8.count <= 75)
            if index > 0 { #expect(part.hasPrefix(" ")) }
        }
        // Unfolding (removing CRLF + space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func shortLinesAreNotFolded() {
        #expect(TimelineExports.fold("VERSION:2.0") == "VERSION:2.0")
    }
}

/// The real dossier in `Content/`: what the timeline issue asks it to show.
@Suite struct RealDossierTests {
    static func buildRealDossier() async throws -> SiteBuilder.Report {
        let root = TestPaths.packageRoot()
        let builder = SiteBuilder(options: SiteBuilder.Options(projectRoot: root, outputFolder: nil))
        return try await builder.build()
    }

    @Test func buildsWithoutWarnings() async throws {
        let report = try await Self.buildRealDossier()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func hungarysNotificationYieldsTheDateItTakesEffect() async throws {
        let timeline = try #require(try await Self.buildRealDossier().timeline)
        let derived = timeline.events.filter { $0.derivation != nil && $0.entities.contains { $0.title == "Hungary" } }
        #expect(derived.count == 1)
        #expect(derived.first?.date.description == "2026-06-02")
        #expect(derived.first?.status == .projected)
        #expect(derived.first?.derivation?.article.contains("127") == true)
    }

    @Test func nigersDisputedNotificationGivesADisputedDate() async throws {
        let timeline = try #require(try await Self.buildRealDossier().timeline)
        let derived = timeline.events.filter { $0.derivation != nil && $0.entities.contains { $0.title == "Niger" } }
        #expect(derived.map(\.date.description) == ["2027-06-18"])
        #expect(derived.first?.status == .disputed)
    }

    @Test func theAESAnnouncementHasNoComputableDateForMaliAndBurkinaFaso() async throws {
        let timeline = try #require(try await Self.buildRealDossier().timeline)
        let states = timeline.pending.filter { $0.announcement.path.contains("2025-09-22") }.map(\.state.title).sorted()
        #expect(states == ["Burkina Faso", "Mali"])
    }

    @Test func everySourceIsCitedAndEveryEventHasASource() async throws {
        let report = try await Self.buildRealDossier()
        let catalog = try #require(report.catalog)
        let site = try #require(report.site)
        #expect(Sourcing.uncitedSources(site).isEmpty)
        #expect(catalog.events.allSatisfy { !$0.sources.isEmpty })
    }

    /// What holds however the dossier grows, where counts of its pages would not.
    @Test func everyRecordedEventIsOnTheTimelineOnceAndEveryOtherRowIsDerived() async throws {
        let report = try await Self.buildRealDossier()
        let catalog = try #require(report.catalog)
        let timeline = try #require(report.timeline)
        #expect(timeline.events.compactMap(\.page?.path).sorted() == catalog.events.map(\.header.path).sorted())
        for row in timeline.events where row.page == nil {
            let derivation = try #require(row.derivation, "\(row.anchor) has neither a page nor a cause")
            #expect(catalog.events.contains { $0.header.path == derivation.cause.path })
        }
        #expect(timeline.events.map(\.date) == timeline.events.map(\.date).sorted())
    }

    @Test func maliListsThePagesThatMentionItWithContext() async throws {
        let site = try #require(try await Self.buildRealDossier().site)
        let backlinks = site.backlinks["entities/countries/mali/"] ?? []
        #expect(backlinks.contains { $0.from.section == .briefing && !$0.context.isEmpty })
        #expect(backlinks.contains { $0.from.section == .event })
        let relations = site.relationsByEntity["entities/countries/mali/"] ?? []
        #expect(relations.contains { $0.type == .memberOf && $0.object.title == "Alliance of Sahel States" })
    }

    @Test func calendarExportHasOneEventPerTimelineRow() async throws {
        let report = try await Self.buildRealDossier()
        let timeline = try #require(report.timeline)
        let ics = String(decoding: TimelineExports.iCalendar(timeline, site: report.catalog!.site), as: UTF8.self)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == timeline.events.count)
        #expect(ics.contains("DTSTART;VALUE=DATE:20260602"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
