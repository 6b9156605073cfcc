import Foundation
import Testing

@testable import DossierKit

/// A page mentioned by many others quotes the most useful mentions with their sentences
/// (briefings, then events from the newest, then the rest by title, at most
/// `MentionList.quotedLimit`) and lists the others by title, saying so.
@Suite("Capped mentions on hub pages")
struct MentionListTests {
    /// A hub entity mentioned by 3 briefings, 30 events and 12 entities: 45 mentions.
    static func writeHub(_ site: TempSite) throws {
        try site.write("site.yml", "title: T\n")
        try site.write("entities/countries/hub.md", page("title: Hub\nkind: country", "The hub."))
        try site.write("sources/s.md", page("title: S\npublisher: P\nkind: news-report"))
        for number in 1...3 {
            try site.write(
                "briefings/b\(number).md",
                page("title: Briefing \(number)\ndate: \"2024-0\(number)\"", "Briefing \(number) is about [[Hub]] in depth."))
        }
        for day in 1...30 {
            let name = String(format: "%02d", day)
            try site.write(
                "events/e\(name).md",
                page("title: Event \(name)\ndate: \"2020-01-\(name)\"\nstatus: confirmed\nsources: [s]", "On day \(day), [[Hub]] acted."))
        }
        for number in 1...12 {
            let name = String(format: "%02d", number)
            try site.write("entities/people/p\(name).md", page("title: Person \(name)\nkind: person", "Person \(name) lived in [[Hub]]."))
        }
    }

    @Test("45 mentions: 40 quoted by the rule, the other 5 listed by title, and the page says so")
    func capped() async throws {
        #expect(MentionList.quotedLimit == 40)
        try await withTempSite(nil) { site in
            try Self.writeHub(site)
            try await site.build()
            let html = try site.html("entities/countries/hub/index.html")
            #expect(
                html.contains(
                    "Showing 40 of 45 mentions with their sentences: briefings first, then events, each from the newest, then other pages by title. The other 5 are listed by title under their kind."
                ))
            #expect(html.contains("<blockquote>Briefing 2 is about Hub in depth.</blockquote>"))
            #expect(html.contains("<blockquote>On day 1, Hub acted.</blockquote>"))
            // Briefings and events from the newest.
            #expect(try #require(html.range(of: ">Briefing 3</a>")).lowerBound < #require(html.range(of: ">Briefing 1</a>")).lowerBound)
            let newest = try #require(html.range(of: ">Event 30</a>")).lowerBound
            let oldest = try #require(html.range(of: ">Event 01</a>")).lowerBound
            #expect(newest < oldest)
            // 3 + 30 quoted leave 7 for the people, by title; the other 5 have no sentence.
            #expect(html.contains("<blockquote>Person 07 lived in Hub.</blockquote>"))
            #expect(!html.contains("Person 08 lived in"))
            #expect(html.contains("<ul class=\"compact-links\"><li><a href=\"../../people/p08/\">Person 08</a></li>"))
            #expect(html.contains(">Person 12</a></li></ul>"))
            #expect(html.components(separatedBy: "<blockquote>").count - 1 == 40)
        }
    }

    @Test("under the cap, every mention is quoted and no rule is shown")
    func underTheCap() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html("entities/treaties/rome-statute/index.html")
            #expect(html.contains("<blockquote>"))
            #expect(!html.contains("mentions-rule"))
            #expect(!html.contains("compact-links"))
        }
    }

    @Test("the quoted choice: briefings, then events, newest first, then the list's order")
    func rule() {
        func target(_ section: Section, _ path: String) -> Backlink {
            Backlink(from: LinkTarget(section: section, path: path, title: path, file: path), context: "")
        }
        let backlinks = [
            target(.briefing, "b/"), target(.briefing, "newer/"), target(.entity, "x/"), target(.entity, "y/"), target(.event, "old/"),
            target(.event, "new/"),
        ]
        let timeline = Timeline(
            events: ["old/", "new/"].map { path in
                TimelineEvent(
                    anchor: path, page: LinkTarget(section: .event, path: path, title: path, file: path), title: path,
                    date: DossierDate(start: CalendarPoint(year: 2020)), status: .confirmed, entities: [], sources: [], notes: [])
            }, pending: [], asOf: nil)
        let dates = ["b/": DossierDate(start: CalendarPoint(year: 2020)), "newer/": DossierDate(start: CalendarPoint(year: 2021))]
        let list = MentionList(backlinks, timeline: timeline, briefingDate: { dates[$0] }, limit: 4)
        #expect(list.quoted.map { backlinks[$0].from.path } == ["newer/", "b/", "new/", "old/"])
        #expect(list.isCapped)
        #expect(MentionList(backlinks, timeline: timeline, limit: 6).isCapped == false)
        #expect(grouped(2113) == "2,113")
        #expect(grouped(999) == "999")
        #expect(grouped(1_000_000) == "1,000,000")
    }
}
