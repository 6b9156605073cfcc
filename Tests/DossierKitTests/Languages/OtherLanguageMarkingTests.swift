import Foundation
import Testing

@testable import DossierKit

/// On a French page, what is shown of an untranslated page (its title in a list, the
/// sentence quoted from it) is English, and says so with `lang` and `hreflang`.
@Suite struct OtherLanguageMarkingTests {
    @Test func titlesAndQuotedSentencesFromUntranslatedPagesCarryTheirLanguage() async throws {
        try await withTempSite { site in
            try TranslationTests().bilingual(site)
            try site.edit(
                "entities/countries/mali.md", replacing: "  - {label: \"Capital\", value: \"Bamako [@untc]\"}",
                with: "  - {label: \"Capital\", value: \"Bamako [@untc]\"}\n  - {label: \"Charter\", value: \"Signed 2024-05-25\"}")
            var options = site.options()
            options.useGit = false
            _ = try await SiteBuilder(options: options).build()
            let mali = try site.html("fr/entities/countries/mali/index.html")
            // A fact's date is written in the fact's language, English, not the page's.
            #expect(mali.contains("Signed 25 May 2024"))
            #expect(!mali.contains("Signed 25 mai 2024"))
            // The briefing quoting Mali is not translated: its title and sentence are English.
            #expect(
                mali.contains(
                    #"<li><a href="../../../../briefings/sahel-overview/" hreflang="en" lang="en">Sahel overview</a><span class="language-marker" lang="en"> (en)</span><blockquote lang="en">"#
                ))
            // So is the event of the entity's timeline.
            #expect(mali.contains(#"hreflang="en" lang="en">The AES states announce their withdrawal</a>"#))
            // The facts are the original's, in English.
            #expect(mali.contains(#"<tbody lang="en"><tr><th scope="row">"#))
            // The English page marks nothing.
            let english = try site.html("entities/countries/mali/index.html")
            #expect(!english.contains(#"hreflang="en" lang="en""#) && !english.contains(#"<li lang="#) && !english.contains("<tbody lang="))
            #expect(english.contains(#"<li><a href="../../../briefings/sahel-overview/">Sahel overview</a><blockquote>"#))
        }
    }
}
