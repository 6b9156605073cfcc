import Foundation
import Testing

@testable import DossierKit

/// A date computed under a treaty rule is titled in each edition's words: on a French page
/// in French and marked as the page's language (not as English), in `timeline.json` and
/// `events.ics` too; the English title is as it was.
@Suite struct ComputedTitleTests {
    @Test func aComputedDateIsTitledInFrenchOnFrenchPages() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            _ = try await TranslationTests().build(site)
            let french = try site.html("fr/timeline/index.html")
            let anchor = "2025-10-01-niger-notifies-niger-takes-effect"
            let row = try #require(french.range(of: "<li id=\"\(anchor)\"").map { String(french[$0.lowerBound...].prefix(900)) })
            // Its link is not marked as English (the untranslated Niger and sources are).
            #expect(row.contains("#\(anchor)\">Niger\u{00A0}: prise d’effet du retrait du Statut de Rome</a></p>"))
            #expect(row.contains("selon la règle de l’article 127(1) du"))
            #expect(row.contains("un retrait prend effet un an après la notification"))
            #expect(!french.contains("withdrawal from the"))

            let json = try site.html("fr/timeline.json")
            #expect(json.contains("\"title\" : \"Niger\u{00A0}: prise d’effet du retrait du Statut de Rome\""))
            let data = try #require(json.data(using: .utf8))
            let events = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["events"] as? [[String: Any]])
            #expect(events.first { $0["id"] as? String == anchor }?["lang"] as? String == "fr")
            let calendar = try site.html("fr/events.ics").replacingOccurrences(of: "\r\n ", with: "")
            #expect(calendar.contains("SUMMARY;LANGUAGE=fr:Niger\u{00A0}: prise d’effet du retrait du Statut de Rome"))

            let english = try site.html("timeline/index.html")
            #expect(english.contains(">Niger’s withdrawal from the Rome Statute takes effect</a>"))
            #expect(try site.html("timeline.json").contains("\"title\" : \"Niger’s withdrawal from the Rome Statute takes effect\""))
        }
    }
}
