import Foundation
import Testing

@testable import DossierKit

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Change log between as-of dates")
struct ChangeLogTests {
    static let notification = page(
        """
        title: "Niger notifies its withdrawal"
        date: "2025-09-30"
        status: unconfirmed
        kind: withdrawal-notification
        treaty: "Rome Statute"
        entities: [Niger]
        sources: [untc]
        """, "A notice is reported [@untc].\n")

    /// Two editions in git: as of 1 October 2025 with Niger's notification unconfirmed, and
    /// as of 15 January 2026 with it confirmed, an event added and two pages edited.
    func twoEditions(_ site: TempSite) throws {
        let repository = try TestRepository(at: site.root)
        try site.edit("site.yml", replacing: "as_of: \"2026-01-15\"", with: "as_of: \"2025-10-01\"")
        try site.write("events/2025-09-30-niger-notifies.md", Self.notification)
        try repository.commitAll("Edition of 1 October", at: "2025-10-01T09:00:00Z")

        try site.edit("events/2025-09-30-niger-notifies.md", replacing: "status: unconfirmed", with: "status: confirmed")
        try site.write(
            "events/2025-12-01-mali-statement.md",
            page("title: \"Mali restates its withdrawal\"\ndate: \"2025-12-01\"\nstatus: reported\nentities: [Mali]\nsources: [comm-2025]"))
        try site.edit(
            "briefings/sahel-overview.md", replacing: "tags: [icc]", with: "tags: [icc]\nchange_note: \"Adds the UN's confirmation\"")
        try site.edit("entities/countries/mali.md", replacing: "A West African state", with: "A landlocked West African state")
        try repository.commitAll("Niger's notice confirmed", at: "2025-12-20T08:00:00Z")
        try site.edit("site.yml", replacing: "as_of: \"2025-10-01\"", with: "as_of: \"2026-01-15\"")
        try repository.commitAll("Edition of 15 January", at: "2026-01-15T09:00:00Z")
    }

    @Test("a status that changes between two as-of dates, with the pages and events around it")
    func statusChange() async throws {
        try await withTempSite { site in
            try twoEditions(site)
            let report = try await site.build()
            let log = try #require(report.changeLog)
            #expect(log.fromGit)
            #expect(log.entries.map(\.asOf.description) == ["2026-01-15", "2025-10-01"], "newest first")
            let newest = log.entries[0]
            #expect(newest.previousAsOf?.description == "2025-10-01")
            let changes = newest.statusChanges.map { "\($0.event.title): \($0.from.rawValue) → \($0.to.rawValue)" }
            #expect(changes.contains("Niger notifies its withdrawal: unconfirmed → confirmed"))
            // The derived date takes the doubt of its cause: unconfirmed, then projected.
            #expect(changes.contains("Niger’s withdrawal from the Rome Statute takes effect: unconfirmed → projected"))
            #expect(newest.eventsAdded.map(\.title) == ["Mali restates its withdrawal"])
            let notes = Dictionary(uniqueKeysWithValues: newest.updated.map { ($0.page.title, $0.note ?? "") })
            #expect(notes["Sahel overview"] == "Adds the UN's confirmation", "front matter's note wins")
            #expect(notes["Mali"] == "Niger's notice confirmed", "else the subject of the last commit touching the file")
            #expect(notes["Niger"] == nil, "unchanged pages are not listed")
            #expect(newest.standings.map(\.state) == ["Niger"])
            #expect(newest.standings.first?.before?.contains("notification 30 September 2025 (unconfirmed)") == true)
            #expect(newest.standings.first?.after.contains("notification 30 September 2025 (confirmed)") == true)
            let first = log.entries[1]
            #expect(first.isFirst)
            #expect(first.counts.map { "\($0.count) \($0.section.pluralTitle)" } == ["1 Briefings", "5 Entities", "2 Events", "2 Sources"])

            let html = try site.html("updates/index.html")
            #expect(html.contains("<h2 id=\"as-of-2026-01-15-title\">Current to <time datetime=\"2026-01-15\">15 January 2026</time></h2>"))
            #expect(
                html.contains(
                    "<span class=\"badge badge-unconfirmed\">unconfirmed</span> → <span class=\"badge badge-confirmed\">confirmed</span>"))
            #expect(html.contains("Adds the UN&#39;s confirmation") || html.contains("Adds the UN's confirmation"))
            #expect(html.range(of: "as-of-2026-01-15")!.lowerBound < html.range(of: "as-of-2025-10-01")!.lowerBound)

            let feed = try Data(contentsOf: site.output.appendingPathComponent("updates.xml"))
            let parser = XMLParser(data: feed)
            #expect(parser.parse(), "updates.xml is well-formed")
            let text = String(decoding: feed, as: UTF8.self)
            #expect(
                text.contains("<id>https://example.org/test/updates/#as-of-2026-01-15</id>\n    <updated>2026-01-15T00:00:00Z</updated>"))
            #expect(text.contains("Niger notifies its withdrawal (unconfirmed → confirmed)"))
            #expect(try site.html("feed.xml") != text, "apart from the content feed")
        }
    }

    @Test("edits after as_of last moved belong to the edition being built")
    func uncommittedEdits() async throws {
        try await withTempSite { site in
            try twoEditions(site)
            try site.edit("events/2025-12-01-mali-statement.md", replacing: "status: reported", with: "status: confirmed")
            let log = try #require(try await site.build().changeLog)
            #expect(log.entries.count == 2)
            #expect(log.entries[0].eventsAdded.map(\.title) == ["Mali restates its withdrawal"])
            #expect(log.entries[0].statusChanges.allSatisfy { $0.event.title != "Mali restates its withdrawal" }, "new, not changed")
        }
    }

    @Test("a new as_of not yet committed is an edition of its own")
    func newEditionInWorkingTree() async throws {
        try await withTempSite { site in
            try twoEditions(site)
            try site.edit("site.yml", replacing: "as_of: \"2026-01-15\"", with: "as_of: \"2026-03-01\"")
            try site.edit("events/2025-12-01-mali-statement.md", replacing: "status: reported", with: "status: disputed")
            let log = try #require(try await site.build().changeLog)
            #expect(log.entries.map(\.asOf.description) == ["2026-03-01", "2026-01-15", "2025-10-01"])
            #expect(log.entries[0].statusChanges.map(\.to) == [.disputed])
            #expect(log.entries[0].updated.map(\.page.title) == ["Mali restates its withdrawal"])
        }
    }

    @Test("without git: one edition, and the pages whose front matter says they were updated")
    func withoutGit() async throws {
        try await withTempSite { site in
            try site.edit(
                "entities/countries/mali.md", replacing: "kind: country",
                with: "kind: country\nupdated: \"2026-01-10\"\nchange_note: \"New head of state\"")
            let log = try #require(try await site.build().changeLog)
            #expect(!log.fromGit)
            #expect(log.entries.count == 1)
            #expect(log.entries[0].isFirst)
            #expect(log.entries[0].updated.map(\.note) == ["updated 10 January 2026: New head of state"])
            #expect(try site.html("updates/index.html").contains("This copy has no history to compare with"))
        }
    }

    @Test("as_of changes are read from the diff of site.yml; a rewrite to the same date is no new edition")
    func asOfChanges() {
        let rs = GitHistory.recordSeparator
        let c = String(repeating: "c", count: 40), b = String(repeating: "b", count: 40), a = String(repeating: "a", count: 40)
        let log =
            "\(rs)\(c)\n\ndiff\n-as_of: \"2026-01-15\"\n+as_of: \"2026-01-15\" # quoted now\n\(rs)\(b)\n\n-as_of: 2025-10-01\n+as_of: '2026-01-15'\n\(rs)\(a)\n\n+as_of: 2025-10-01\n"
        let editions = GitEditions.asOfChanges(log)
        #expect(editions.map(\.commit) == [b, a])
        #expect(editions.map(\.asOf.description) == ["2026-01-15", "2025-10-01"])
    }
}
