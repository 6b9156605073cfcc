import Testing

@testable import DossierKit

/// The home page's withdrawal tracker in each language: steps, notes, standings and
/// status badges in the page's words, English as it was.
@Suite struct TrackerViewsTests {
    @Test func theFrenchTrackerReadsFrenchAndTheEnglishOneIsUnchanged() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            let report = try await TranslationTests().build(site)
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            let french = try site.html("fr/index.html")
            let tracker = try #require(french.range(of: "class=\"tracker\"").map { String(french[$0.lowerBound...]) })
            for text in [
                "<dt>Annonce</dt>", "<dt>Notification</dt>", "<dt>Prise d’effet</dt>", "aucune trouvée",
                "ne peut pas être calculée\u{00A0}: aucune notification trouvée",
                "calculée selon l’article 127(1), un an après la notification",
                "Annoncé\u{202F}; aucune notification trouvée", "Notifié\u{202F}; en attente",
                "<span class=\"badge badge-confirmed\">confirmé</span>", "<span class=\"badge badge-projected\">projeté</span>",
            ] {
                #expect(tracker.contains(text), "French tracker lacks \(text)")
            }
            for english in ["Announced", "Notified", "Takes effect", "none found", "computed:", ">confirmed<", ">projected<"] {
                #expect(!tracker.contains(english), "French tracker still says \(english)")
            }
            let home = try site.html("index.html")
            for text in [
                "<dt>Announced</dt>", "<dt>Takes effect</dt>", "computed: Article 127(1), 1 year after the notification",
                "cannot be computed: no notification found", "Announced; no notification found", "Notified; pending",
                "<span class=\"badge badge-projected\">projected</span>",
            ] {
                #expect(home.contains(text), "English tracker lacks \(text)")
            }
        }
    }
}
