import Foundation
import Testing

@testable import DossierKit

/// The site-wide pages past their limits (`PageLimits`), on the small fixture with limits
/// set low: the graph draws the most connected entities, the timeline has a page per year,
/// the print edition is in volumes.
@Suite("Rendering: site-wide pages past their limits")
struct PageLimitsTests {
    static func build(_ site: TempSite, _ change: (inout PageLimits) -> Void) async throws {
        var options = site.options()
        change(&options.limits)
        _ = try await SiteBuilder(options: options).build()
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Values of `attribute="…"` in `html`, in order.
    static func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theGraphDrawsTheMostConnectedEntitiesAndListsEveryRelation() async throws {
        try await withTempSite { site in
            try await site.build()
            let whole = try site.html("graph/index.html")
            let nodes = Self.count("class=\"node kind-", in: whole)
            let relations = Self.count("</a></li>", in: String(whole[whole.range(of: "relation-list")!.lowerBound...]))
            #expect(nodes > 2)
            #expect(!whole.contains("class=\"graph-rule\""), "under the limit, no rule")

            try await Self.build(site) { $0.graphEntities = 2 }
            let limited = try site.html("graph/index.html")
            #expect(Self.count("class=\"node kind-", in: limited) == 2)
            #expect(limited.contains("The drawing shows the 2 of \(nodes) related entities with the most relations (ties by title)"))
            // Mali has the most relations in the fixture; the list in words keeps every relation.
            #expect(limited.contains("aria-label=\"Mali (country,"))
            #expect(Self.count("</a></li>", in: String(limited[limited.range(of: "relation-list")!.lowerBound...])) == relations)
        }
    }

    @Test func aLongTimelineHasAPageForEachYearAndEveryLinkFindsItsRow() async throws {
        try await withTempSite { site in
            try await site.build()
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("timeline/2025").path))

            try await Self.build(site) { $0.timelineEvents = 0 }
            let index = try site.html("timeline/index.html")
            #expect(index.contains("<ul class=\"year-pages\"><li><a href=\"2025/\">2025</a>"))
            #expect(index.contains("each year’s are listed on a page of their own"))
            #expect(!index.contains("<ol class=\"events\">"), "the index lists years, not events")
            let year = try site.html("timeline/2025/index.html")
            #expect(year.contains("<h1>Timeline: 2025</h1>"))
            #expect(year.contains("<a href=\"../\">The whole timeline</a>"))
            let anchors = Set(Self.values(of: "id", in: year))
            // Every link to a row of the timeline, from any page or export, lands on a row.
            var links: [String] = []
            for path in [
                "events/index.html", "entities/countries/mali/index.html", "events/2025-09-22-aes-announces-withdrawal/index.html",
            ] {
                links += Self.values(of: "href", in: try site.html(path)).filter { $0.contains("timeline/") && $0.contains("#") }
            }
            let json = try String(contentsOf: site.output.appendingPathComponent("timeline.json"), encoding: .utf8)
            links += json.components(separatedBy: "\"url\" : \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter {
                $0.contains("#")
            }
            #expect(!links.isEmpty)
            for link in links where !link.hasSuffix("#timeline-key") {
                #expect(link.contains("timeline/2025/#"), "\(link)")
                #expect(anchors.contains(String(link.split(separator: "#").last!)), "\(link)")
            }
        }
    }

    @Test func aLongPrintEditionIsInVolumesWithSourcesNumberedByTitle() async throws {
        try await withTempSite { site in
            try site.write("briefings/the-law.md", PrintEditionTests.second)
            try await site.build()
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("print/volume-1.html").path))

            try await Self.build(site) { $0.printVolumeBytes = 1 }
            let cover = try site.html("print/index.html")
            #expect(cover.contains("so this edition is in"))
            #expect(cover.contains("in the alphabetical order of their titles"))
            #expect(cover.contains("<a href=\"volume-1.html\">Volume 1: Briefing 1 of 2</a>"))
            #expect(cover.contains("<a href=\"volume-1.html#briefing-the-law\">The law</a>"))
            #expect(!cover.contains("<article id=\"briefing-"), "the cover holds no briefing")
            var pages: [String: String] = [:]
            var number = 1
            while let page = try? site.html("print/volume-\(number).html") {
                pages["volume-\(number).html"] = page
                number += 1
            }
            #expect(pages.count >= 5, "two briefings, timeline, entities and bibliography each in a volume of their own")
            #expect(pages["volume-1.html"]!.contains("<h1 id=\"cover-title\">Volume 1: Briefing 1 of 2</h1>"))
            // The law cites untc first; by title ("Joint communiqué…", "Status of…") it is
            // number 2, found in the bibliography's volume.
            let first = pages["volume-1.html"]!
            let citation = try #require(Self.values(of: "href", in: first).first { $0.contains("#ref-") })
            #expect(citation.hasSuffix("#ref-2"))
            let target = try #require(pages[String(citation.split(separator: "#")[0])])
            #expect(target.contains("<li id=\"ref-2\" value=\"2\"><span class=\"bib-number\">2.</span> Status of the Rome Statute"))
            let entries = pages.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.flatMap { name in
                pages[name]!.components(separatedBy: "<span class=\"bib-number\">").dropFirst().map { String($0.prefix(13)) }
            }
            #expect(entries == ["1.</span> Joi", "2.</span> Sta"])
            // Every in-edition link lands on an id that exists.
            for (name, html) in pages {
                for href in Self.values(of: "href", in: html) where href.hasPrefix("volume-") || href.hasPrefix("#") {
                    let parts = href.split(separator: "#", omittingEmptySubsequences: false)
                    let page = parts[0].isEmpty ? html : try #require(pages[String(parts[0])], "\(name): \(href)")
                    if parts.count > 1 { #expect(Self.values(of: "id", in: page).contains(String(parts[1])), "\(name): \(href)") }
                }
            }
        }
    }

    /// Both of serve's paths: told which file changed (the last build is patched), and not.
    @Test(arguments: [true, false])
    func aNewCitationInServeRendersItsBriefingsVolumeAsAFullBuildWould(watcherNamesTheFile: Bool) async throws {
        try await withTempSite { site in
            var options = try await Self.servedEdition(site, volumeBytes: 1)
            let volumes = try Self.volumeFiles(site).count
            // The communiqué, cited before the treaty now, keeps its number: numbers go by title.
            try site.edit(
                "briefings/the-law.md", replacing: "The treaty [@untc]", with: "The communiqué [@comm-2025] and the treaty [@untc]")
            if watcherNamesTheFile { options.changedContentFiles = ["briefings/the-law.md"] }
            let report = try await SiteBuilder(options: options).build()
            // The briefing, its new source's page, its volume, the search page (the cover
            // only if the volumes moved).
            #expect(report.renderedCount <= 6, "\(report.renderedCount) pages of \(report.pageCount), \(volumes) volumes")
            try await Self.expectPrintEditionAsAFullBuild(site, options)
        }
    }

    /// An edit that plans the volumes anew renders all of them, and removes those gone.
    @Test(arguments: [true, false])
    func anEditThatMovesVolumesRendersThemAllAsAFullBuildWould(watcherNamesTheFile: Bool) async throws {
        try await withTempSite { site in
            // Both briefings in one volume, which a long paragraph overfills.
            var options = try await Self.servedEdition(site, volumeBytes: 6_000)
            let before = try Self.volumeFiles(site)
            let paragraph = "\n\n" + String(repeating: "A long paragraph of the law. ", count: 150) + "\n"
            try site.edit("briefings/the-law.md", replacing: "differ.[^1]\n", with: "differ.[^1]\n" + paragraph)
            if watcherNamesTheFile { options.changedContentFiles = ["briefings/the-law.md"] }
            _ = try await SiteBuilder(options: options).build()
            #expect(try Self.volumeFiles(site).count == before.count + 1)
            try await Self.expectPrintEditionAsAFullBuild(site, options)

            try site.edit("briefings/the-law.md", replacing: paragraph, with: "")
            _ = try await SiteBuilder(options: options).build()
            #expect(try Self.volumeFiles(site) == before, "the volume no longer planned is gone")
            try await Self.expectPrintEditionAsAFullBuild(site, options)

            // Front matter: a new title puts the briefing elsewhere in reading order.
            options.changedContentFiles = nil
            try site.edit("briefings/the-law.md", replacing: "order: 0", with: "order: 9")
            _ = try await SiteBuilder(options: options).build()
            try await Self.expectPrintEditionAsAFullBuild(site, options)
        }
    }

    /// The site with two briefings and its print edition planned for volumes of
    /// `volumeBytes`, built once with a cache, as `serve` starts.
    private static func servedEdition(_ site: TempSite, volumeBytes: Int) async throws -> SiteBuilder.Options {
        try site.write("briefings/the-law.md", PrintEditionTests.second)
        var options = site.options()
        options.limits.printVolumeBytes = volumeBytes
        options.cache = BuildCache()
        _ = try await SiteBuilder(options: options).build()
        return options
    }

    private static func volumeFiles(_ site: TempSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("print").path)
            .filter { $0.hasPrefix("volume-") }.sorted()
    }

    private static func expectPrintEditionAsAFullBuild(_ site: TempSite, _ options: SiteBuilder.Options) async throws {
        var fresh = options
        fresh.cache = nil
        fresh.changedContentFiles = nil
        fresh.outputFolder = site.root.appendingPathComponent("Fresh-\(UUID().uuidString)")
        _ = try await SiteBuilder(options: fresh).build()
        let served = try snapshot(site.output.appendingPathComponent("print"))
        let expected = try snapshot(fresh.outputFolder!.appendingPathComponent("print"))
        #expect(served.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected { #expect(served[path] == data, "print/\(path) differs from a full build") }
    }

    @Test func pagesSplitPastTheirLimitsAreTheSameBytesInTwoBuilds() async throws {
        try await withTempSite { site in
            try site.write("briefings/the-law.md", PrintEditionTests.second)
            var options = site.options()
            options.limits = PageLimits()
            options.limits.graphEntities = 2
            options.limits.timelineEvents = 0
            options.limits.printVolumeBytes = 1
            _ = try await SiteBuilder(options: options).build()
            let first = try snapshot(site.output)
            options.outputFolder = site.root.appendingPathComponent("Again")
            _ = try await SiteBuilder(options: options).build()
            let second = try snapshot(options.outputFolder!)
            #expect(first.keys.contains("print/volume-1.html") && first.keys.contains("timeline/2025/index.html"))
            #expect(first.keys.sorted() == second.keys.sorted())
            for (path, data) in first where second[path] != data { Issue.record("\(path) differs between two builds") }
        }
    }
}
