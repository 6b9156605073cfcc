import Foundation
import Testing

@testable import DossierKit

/// A source's translation (`comm-2025.fr.md`) gives its title, note and body in French;
/// where to find it and what it is stay the original's.
@Suite struct TranslatedSourceTests {
    func translatedSource(_ site: TempSite, extra: String = "") throws {
        try site.write("site.yml", try site.read("site.yml") + TranslationTests.languages)
        let hash = TranslationFiles.hash(try site.read("sources/comm-2025.md"))
        try site.write(
            "sources/comm-2025.fr.md",
            """
            ---
            title: "Communiqué conjoint du 22 septembre 2025"
            note: "Le texte publié par les trois gouvernements."
            translation_of: "\(hash)"
            \(extra)---

            Le communiqué annonce le retrait des trois États.

            """)
    }

    @Test func theFrenchSourcePageUsesTheTranslation() async throws {
        try await withTempSite { site in
            try translatedSource(site)
            var options = site.options()
            options.useGit = false
            let report = try await SiteBuilder(options: options).build()
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            let page = try site.html("fr/sources/comm-2025/index.html")
            #expect(page.contains("<html lang=\"fr\">"))
            #expect(page.contains("<h1>Communiqué conjoint du 22 septembre 2025</h1>"))
            #expect(page.contains("Le texte publié par les trois gouvernements."))
            #expect(page.contains("Le communiqué annonce le retrait des trois États."))
            // What is not text is the original's.
            #expect(page.contains("Government of Mali"))
            #expect(page.contains("https://example.org/communique"))
            let english = try site.html("sources/comm-2025/index.html")
            #expect(english.contains("<h1>Joint communiqué of 22 September 2025</h1>"))
            #expect(english.contains("hreflang=\"fr\""))
            #expect(report.coverage.first?.translated == 1)
        }
    }

    @Test func aSourceTranslationMayNotContradictItsOriginal() async throws {
        try await withTempSite { site in
            try translatedSource(site, extra: "publisher: \"Gouvernement du Mali\"\nkind: official-statement\n")
            do {
                try await site.build()
                Issue.record("a contradicting source translation built")
            } catch let failure as BuildFailure {
                let errors = failure.diagnostics.filter { $0.severity == .error }
                #expect(errors.count == 1)
                let error = try #require(errors.first)
                #expect(error.location.file == "Content/sources/comm-2025.fr.md")
                #expect(error.location.line == 5)
                #expect(error.message.contains("'publisher' contradicts the original"))
            }
        }
    }
}
