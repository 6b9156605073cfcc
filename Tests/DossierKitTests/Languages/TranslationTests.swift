import Foundation
import Testing

@testable import DossierKit

/// The sahel fixture in English and French: Mali and the home page translated, the rest not.
@Suite struct TranslationTests {
    static let languages = """
        languages:
          - code: en
            name: English
          - code: fr
            name: Français
            title: "Dossier de test"
            description: "Un petit dossier pour les tests."

        """

    func bilingual(_ site: TempSite, maliHash: String? = nil) throws {
        if !(try site.read("site.yml")).contains("languages:") { try site.write("site.yml", try site.read("site.yml") + Self.languages) }
        let homeHash = try TranslationFiles.hash(site.read("index.md"))
        try site.write(
            "index.fr.md",
            page(
                "title: \"Dossier de test\"\nsummary: \"Accueil du dossier de test.\"\ntranslation_of: \"\(homeHash)\"",
                "Voir [[République du Mali]] et [[Niger]].\n"))
        let hash = try maliHash ?? TranslationFiles.hash(site.read("entities/countries/mali.md"))
        try site.write(
            "entities/countries/mali.fr.md",
            page(
                "title: \"Mali\"\naliases: [\"République du Mali\"]\nsummary: \"Un État d’Afrique de l’Ouest.\"\ntranslation_of: \"\(hash)\"",
                "Le Mali a ratifié le [[Rome Statute|Statut de Rome]] en 2000 [@untc] ; voir « [[Niger]] » !\n"))
    }

    func build(_ site: TempSite) async throws -> SiteBuilder.Report {
        var options = site.options()
        options.useGit = false
        return try await SiteBuilder(options: options).build()
    }

    @Test func translatedPagesAreWrittenUnderTheLanguageFolder() async throws {
        try await withTempSite { site in
            try bilingual(site)
            let report = try await build(site)
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            let mali = try site.html("fr/entities/countries/mali/index.html")
            #expect(mali.contains("<html lang=\"fr\">"))
            #expect(mali.contains("Le Mali a ratifié"))
            // French spacing in the text.
            #expect(mali.contains("\u{202F}; voir"))
            #expect(mali.contains("«\u{202F}"))
            let home = try site.html("fr/index.html")
            #expect(home.contains("<title>Dossier de test</title>"))
            #expect(home.contains("Aller au contenu"))
            #expect(home.contains(">Analyses</a>"))
            #expect(
                !FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/entities/countries/niger/index.html").path))
        }
    }

    @Test func linksStayInTheLanguageAndUntranslatedOnesAreMarked() async throws {
        try await withTempSite { site in
            try bilingual(site)
            try await build(site)
            let home = try site.html("fr/index.html")
            // An alias of the translation reaches the French page.
            #expect(home.contains("href=\"entities/countries/mali/\">Mali</a>"))
            // Niger has no translation: the English page, marked.
            #expect(
                home.contains(
                    "href=\"../entities/countries/niger/\" hreflang=\"en\">Niger</a><span class=\"language-marker\" lang=\"en\"> (en)</span>"
                ))
            let mali = try site.html("fr/entities/countries/mali/index.html")
            // The English title of an untranslated target resolves, and so do English names of a translated one.
            #expect(mali.contains("hreflang=\"en\">Statut de Rome</a>"))
        }
    }

    @Test func alternatesAndTheSwitcherGoBothWays() async throws {
        try await withTempSite { site in
            try bilingual(site)
            try await build(site)
            let english = try site.html("entities/countries/mali/index.html")
            #expect(
                english.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/test/fr/entities/countries/mali/\">"))
            #expect(
                english.contains(
                    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/test/entities/countries/mali/\">"))
            #expect(
                english.contains("<a href=\"../../../fr/entities/countries/mali/\" hreflang=\"fr\"><span lang=\"fr\">Français</span></a>"))
            let french = try site.html("fr/entities/countries/mali/index.html")
            #expect(french.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/test/entities/countries/mali/\">"))
            #expect(
                french.contains("<a href=\"../../../../entities/countries/mali/\" hreflang=\"en\"><span lang=\"en\">English</span></a>"))
            // Niger has no translation: its switcher goes to the French home, and says so.
            let niger = try site.html("entities/countries/niger/index.html")
            #expect(
                niger.contains(
                    "<a href=\"../../../fr/\" hreflang=\"fr\"><span lang=\"fr\">Français</span> <span class=\"language-note\">(home page: this page is not translated)</span></a>"
                ))
            #expect(!niger.contains("hreflang=\"x-default\""))
        }
    }

    @Test func aTranslationContradictingItsOriginalIsALocatedError() async throws {
        try await withTempSite { site in
            try bilingual(site)
            try site.write(
                "events/2025-09-22-aes-announces-withdrawal.fr.md",
                page(
                    "title: \"Les États de l’AES annoncent leur retrait\"\nstatus: reported",
                    "Les trois États ont annoncé leur retrait [@comm-2025].\n"))
            do {
                try await build(site)
                Issue.record("a contradicting translation built")
            } catch let failure as BuildFailure {
                let error = try #require(
                    failure.diagnostics.first { $0.severity == .error && $0.location.file.hasSuffix("withdrawal.fr.md") })
                #expect(error.location.file == "Content/events/2025-09-22-aes-announces-withdrawal.fr.md")
                #expect(error.location.line == 3)
                #expect(error.message.contains("'status' contradicts the original"))
            }
        }
    }

    @Test func anEditedOriginalMakesItsTranslationStaleUntilTheHashIsUpdated() async throws {
        try await withTempSite { site in
            try bilingual(site)
            #expect(try await build(site).warnings.isEmpty)
            try site.edit("entities/countries/mali.md", replacing: "in 2000", with: "in 2000, and announced its withdrawal in 2025")
            let stale = try await build(site)
            let warning = try #require(stale.warnings.first)
            #expect(warning.location.file == "Content/entities/countries/mali.fr.md")
            #expect(warning.message.contains("stale translation: Content/entities/countries/mali.md changed"))
            #expect(try site.html("fr/entities/countries/mali/index.html").contains("translation-stale"))
            #expect(stale.coverage.map(\.translated) == [2])
            #expect(stale.coverage.map(\.stale) == [1])
            try bilingual(site)
            #expect(try await build(site).warnings.isEmpty)
        }
    }

    @Test func frenchDatesOnFrenchPages() async throws {
        try await withTempSite { site in
            try bilingual(site)
            try site.write(
                "events/2025-09-22-aes-announces-withdrawal.fr.md",
                page("title: \"Les États de l’AES annoncent leur retrait\"", "Les trois États ont annoncé leur retrait [@comm-2025].\n"))
            try await build(site)
            let event = try site.html("fr/events/2025-09-22-aes-announces-withdrawal/index.html")
            #expect(event.contains("<time datetime=\"2025-09-22\">22 septembre 2025</time>") || event.contains(">22 septembre 2025<"))
            #expect(event.contains("content=\"22 septembre 2025: Les États"))
            #expect(try site.html("events/2025-09-22-aes-announces-withdrawal/index.html").contains("22 September 2025"))
        }
    }
}
