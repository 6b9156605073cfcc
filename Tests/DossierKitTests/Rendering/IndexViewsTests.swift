import Foundation
import Testing

@testable import DossierKit

/// Tags lead somewhere, and events have an index of their own.
@Suite("Tag pages and the events index")
struct IndexPagesTests {
    @Test("a briefing's tags link to tag pages that list the briefings with that tag")
    func tagsArePages() async throws {
        try await withTempSite { site in
            try site.write(
                "briefings/second.md",
                page("title: \"Second\"\ntags: [ICC, Courts]", "Text about [[Mali]] [@comm-2025]."))
            try await site.build()
            let briefing = try site.html("briefings/sahel-overview/index.html")
            #expect(briefing.contains("<a href=\"../../tags/icc/\" rel=\"tag\">icc</a>"))
            #expect(briefing.contains("<a href=\"../../tags/\">all tags</a>"))
            // `icc` and `ICC` are one tag, named as first met (briefings by title).
            let tag = try site.html("tags/icc/index.html")
            #expect(tag.contains("../../briefings/sahel-overview/") && tag.contains("../../briefings/second/"))
            let courts = try site.html("tags/courts/index.html")
            #expect(courts.contains("../../briefings/second/") && !courts.contains("sahel-overview"))
            let index = try site.html("tags/index.html")
            #expect(index.contains("href=\"courts/\"") && index.contains("href=\"icc/\""))
            #expect(try site.html("sitemap.xml").contains("tags/icc/"))
        }
    }

    @Test("events/ lists every recorded event, by year, and none of the derived ones")
    func eventsIndex() async throws {
        try await withTempSite { site in
            let report = try await site.build()
            let index = try site.html("events/index.html")
            let catalog = try #require(report.catalog)
            for event in catalog.events {
                let slug = event.header.slug
                #expect(index.contains("href=\"\(slug)/\""), "\(slug)")
            }
            #expect(index.contains("<a href=\"../timeline/#year-2025\">2025</a>"))
            for derived in (report.timeline?.events ?? []).filter({ $0.derivation != nil }) {
                #expect(!index.contains(derived.title))
            }
            #expect(try site.html("timeline/index.html").contains("href=\"../events/\""))
        }
    }
}
