import Foundation
import Testing

@testable import DossierKit

/// `slug:` in a translation publishes it under a name in its language:
/// `fr/briefings/vue-d-ensemble/` for `briefings/sahel-overview.fr.md`.
@Suite struct TranslatedSlugTests {
    /// The fixture in two languages with its briefing translated (under `slug`, if given),
    /// and the French Mali page linking the briefing by `link`.
    static func translatedBriefing(_ site: TempSite, slug: String? = nil, link: String = "[[Sahel overview]]") throws {
        try TranslationTests().bilingual(site)
        let hash = TranslationFiles.hash(try site.read("briefings/sahel-overview.md"))
        try site.write(
            "briefings/sahel-overview.fr.md",
            page(
                "title: \"Vue d’ensemble du Sahel\"\n" + (slug.map { "slug: \"\($0)\"\n" } ?? "")
                    + "summary: \"Comment trois États ont annoncé leur départ.\"\ntranslation_of: \"\(hash)\"",
                "## Contexte\n\nLe [[Niger]] s’est joint à l’annonce.\n"))
        try site.edit("entities/countries/mali.fr.md", replacing: "; voir", with: "; voir \(link) ;")
    }

    @Test func aTranslatedSlugNamesThePageInItsLanguageEverywhere() async throws {
        try await withTempSite { site in
            try Self.translatedBriefing(site, slug: "vue-d-ensemble")
            _ = try await TranslationTests().build(site)
            let briefing = try site.html("fr/briefings/vue-d-ensemble/index.html")
            #expect(briefing.contains("Vue d’ensemble du Sahel"))
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/briefings/sahel-overview").path))
            // Links, the switcher and the alternates of both versions lead to it and back.
            #expect(try site.html("fr/entities/countries/mali/index.html").contains(#"href="../../../briefings/vue-d-ensemble/">"#))
            let english = try site.html("briefings/sahel-overview/index.html")
            #expect(english.contains(#"hreflang="fr" href="https://example.org/test/fr/briefings/vue-d-ensemble/""#))
            #expect(briefing.contains("briefings/sahel-overview/"))
            let sitemap = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(sitemap.contains("fr/briefings/vue-d-ensemble/</loc>"))
        }
    }

    @Test(arguments: ["Vue d’ensemble", "-vue--d-ensemble"])
    func aSlugOutsideLowercaseLettersDigitsAndHyphensIsAnErrorAtItsLine(slug: String) async throws {
        try await withTempSite { site in
            try Self.translatedBriefing(site, slug: slug)
            do {
                _ = try await TranslationTests().build(site)
                Issue.record("the slug '\(slug)' built")
            } catch let failure as BuildFailure {
                let error = try #require(failure.diagnostics.first { $0.severity == .error })
                #expect(error.location.file == "Content/briefings/sahel-overview.fr.md")
                #expect(error.location.line == 3)
                #expect(error.message.contains("slug '\(slug)' may hold only lowercase letters"))
                #expect(error.hint?.contains("vue-d-ensemble") == true)
            }
        }
    }
}
