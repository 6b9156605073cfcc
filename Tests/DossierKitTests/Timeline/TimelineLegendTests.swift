import Foundation
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
                "(projected; computed under Article 127(1))</title>",
            ] {
                #expect(english.contains(text), "English timeline lacks \(text)")
            }

            // timeline.js's words, in one script for the site, which every drawing's page
            // loads first; no figure carries them.
            let words = try timelineWords(site)
            #expect(words["fr"]?["focus"] as? String == "Période clé")
            #expect(words["fr"]?["whole"] as? String == "Tout l’historique")
            #expect(words["fr"]?["filter"] as? String == "Filtrer")
            #expect((words["fr"]?["months"] as? [String])?.first == "janv.")
            #expect(words["en"]?["focus"] as? String == "Focus")
            #expect((words["en"]?["months"] as? [String])?.first == "Jan")
            for page in [french, mali, english, try site.html("entities/countries/mali/index.html")] {
                #expect(!page.contains("data-words"))
                let script = try #require(page.range(of: "assets/timeline-words."))
                let drawings = try #require(page.range(of: "assets/timeline."))
                #expect(script.lowerBound < drawings.lowerBound, "the words load after timeline.js")
            }
        }
    }

    /// Templates written before the words had a script of their own still give each figure
    /// the page's words; templates without `timeline.js` get no words script.
    @Test func olderTemplatesKeepTheirFiguresWords() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            let templates = try site.copyTemplates()
            let entity = templates.appendingPathComponent("entity.mustache")
            let text = try String(contentsOf: entity, encoding: .utf8)
            #expect(text.contains("data-timeline=\"scoped\">"))
            let older = text.replacingOccurrences(
                of: "data-timeline=\"scoped\">", with: "data-timeline=\"scoped\" data-words=\"{{timeline_words}}\">")
            try older.write(to: entity, atomically: true, encoding: .utf8)
            var options = site.options(templates: templates)
            options.useGit = false
            try await SiteBuilder(options: options).build()
            #expect(try site.html("fr/entities/countries/mali/index.html").contains("&quot;focus&quot;:&quot;Période clé&quot;"))
            #expect(try site.html("entities/countries/mali/index.html").contains("&quot;focus&quot;:&quot;Focus&quot;"))

            try FileManager.default.removeItem(at: templates.appendingPathComponent("assets/timeline.js"))
            try await SiteBuilder(options: options).build()
            let assets = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("assets").path)
            #expect(!assets.contains { $0.hasPrefix("timeline") })
            #expect(!(try site.html("entities/countries/mali/index.html")).contains("assets/timeline"))
        }
    }

    /// The words of `assets/timeline-words.<hash>.js`, by language.
    func timelineWords(_ site: TempSite) throws -> [String: [String: Any]] {
        let assets = site.output.appendingPathComponent("assets")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: assets.path).first {
                $0.hasPrefix("timeline-words.") && $0.hasSuffix(".js")
            })
        let script = try String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)
        let json = try #require(script.range(of: "= ")).upperBound
        let object = try JSONSerialization.jsonObject(
            with: Data(script[json...].trimmingCharacters(in: .whitespacesAndNewlines).dropLast().utf8))
        return try #require(object as? [String: [String: Any]])
    }
}
