import Foundation
import Testing

@testable import DossierKit

/// The tracker, the overview and the scoped drawings as the built pages show them.
@Suite("Timeline pages and the withdrawal tracker")
struct TimelinePagesTests {
    @Test("the home page tracks each state's withdrawal, linked to the events, with 'none found'")
    func trackerOnTheHomePage() async throws {
        try await withTempSite("withdrawals") { site in
            try await site.build()
            let html = try site.html("index.html")
            let tracker = try #require(html.firstRange(of: "class=\"tracker\"").map { String(html[$0.lowerBound...]) })
            #expect(tracker.contains("Announced; no notification found"))
            #expect(tracker.contains("none found"))
            #expect(tracker.contains("cannot be computed: no notification found"))
            #expect(tracker.contains("href=\"events/2025-09-22-mali-announces/\""))
            #expect(tracker.contains("18 June 2027"))
            #expect(tracker.contains("computed: Article 127(1), 1 year after the notification"))
            #expect(tracker.contains("Withdrawal rescinded"))
            // Burundi and The Gambia (2016) are earlier cases, folded away.
            let earlier = try #require(
                tracker.firstRange(of: "<details class=\"tracker-earlier\">").map { String(tracker[$0.lowerBound...]) })
            #expect(earlier.contains(">Burundi<") && earlier.contains(">The Gambia<"))
            #expect(!earlier.contains(">Mali<"))
        }
    }

    @Test("a computed event cites its notification's sources and names the rule")
    func derivedEventCitesItsCause() async throws {
        try await withTempSite("withdrawals") { site in
            try await site.build()
            let html = try site.html("timeline/index.html")
            let start = try #require(html.range(of: "id=\"2026-06-18-niger-notifies-niger-takes-effect\""))
            let item = String(html[start.lowerBound...].prefix { $0 != "\u{0}" }).components(separatedBy: "</li>")[0]
            #expect(item.contains("by the rule of Article 127(1)"))
            #expect(item.contains("sources/news/"))
            #expect(!item.contains("sources/untc/"))
        }
    }

    @Test("the overview opens on the focus and draws a connector named by the rule")
    func overview() async throws {
        try await withTempSite("withdrawals") { site in
            try await site.build()
            let html = try site.html("timeline/index.html")
            #expect(html.components(separatedBy: "<svg class=\"timeline-drawing timeline-overview").count == 4)
            #expect(html.contains("art. 127(1): one year"))
            #expect(html.contains("earlier, compressed"))
            #expect(html.contains("class=\"timeline-legend\""))
            #expect(html.contains("as of 29 November 2026"))
        }
    }

    @Test("an entity page draws its own events and lists them compactly; an event page draws its neighbours")
    func scopedDrawings() async throws {
        try await withTempSite("withdrawals") { site in
            try await site.build()
            let niger = try site.html("entities/countries/niger/index.html")
            #expect(niger.contains("timeline-drawing timeline-scoped"))
            #expect(niger.contains("<ol class=\"event-list\">"))
            #expect(!niger.contains("<ol class=\"events\">"))
            #expect(niger.contains("<title>Timeline of Niger</title>"))
            let event = try site.html("events/2026-06-18-niger-notifies/index.html")
            #expect(event.contains("among the events around it"))
            #expect(event.contains("class=\"mark status-disputed current\""))
        }
    }
}
