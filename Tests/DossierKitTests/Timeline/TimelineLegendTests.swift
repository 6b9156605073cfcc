import Testing

@testable import DossierKit

/// The timeline drawings, their key and the words `timeline.js` writes, in the page's
/// language: French on the French timeline and entity pages, English as it was.
@Suite struct TimelineLegendTests {
    @Test func theFrenchTimelineDrawsAndNamesInFrench() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            _ = try await TranslationTests().build(site)
            let french = try site.html("fr/timeline/index.html")
            for text in [
                "mois ou année\u{00A0}: une bande qui le couvre", "intervalle\u{00A0}: une barre",
                "date approximative (vers)\u{00A0}: des moustaches",
                "date calculée, reliée à la notification dont elle découle", "date de mise à jour\u{202F}; au-delà",
                ">au 15 janvier 2026</text>", "art. 127(1)\u{00A0}: un an",
                "(projeté\u{202F}; calculé selon l’article 127(1))</title>",
                // timeline.js's words, read from the figure.
                "&quot;focus&quot;:&quot;Période clé&quot;", "&quot;whole&quot;:&quot;Tout l’historique&quot;",
                "&quot;filter&quot;:&quot;Filtrer&quot;", "&quot;janv.&quot;",
            ] {
                #expect(french.contains(text), "French timeline lacks \(text)")
            }
            for english in ["month or year", "whiskers", "as of ", "one year", "computed under", "earlier, compressed", "Whole history"] {
                #expect(!french.contains(english), "French timeline still says \(english)")
            }
            let mali = try site.html("fr/entities/countries/mali/index.html")
            #expect(mali.contains(">la légende complète</a>"))
            #expect(mali.contains("<title>Chronologie\u{00A0}: Mali</title>"))
            #expect(!mali.contains("the full key"))

            let english = try site.html("timeline/index.html")
            for text in [
                "month or year: a band over it", ">as of 15 January 2026</text>", "art. 127(1): one year",
                "(projected; computed under Article 127(1))</title>", "&quot;focus&quot;:&quot;Focus&quot;",
            ] {
                #expect(english.contains(text), "English timeline lacks \(text)")
            }
        }
    }
}
