import Foundation
import Testing

@testable import DossierKit

/// What each language publishes besides its translated pages: its own timeline, graph,
/// lists, search page and index, 404, feed, calendar and timeline data, the sitemap's
/// alternates, and titles in another language marked as such.
@Suite struct LanguageOutputsTests {
    /// The sahel fixture with the home page, Mali and the announcement in French; Niger,
    /// Goïta, the briefing and a second event stay in English.
    func bilingual(_ site: TempSite) async throws -> SiteBuilder.Report {
        try site.write(
            "site.yml",
            try site.read("site.yml")
                + "languages:\n  - {code: en, name: English}\n  - {code: fr, name: Français, title: \"Dossier de test\", description: \"Un dossier.\"}\n"
        )
        try site.write(
            "index.fr.md",
            "---\ntitle: \"Dossier de test\"\ntranslation_of: \"\(try TranslationFiles.hash(site.read("index.md")))\"\n---\n\nVoir [[Mali]].\n"
        )
        try site.write(
            "entities/countries/mali.fr.md",
            "---\ntitle: \"Mali\"\nsummary: \"Un État d’Afrique de l’Ouest.\"\ntranslation_of: \"\(try TranslationFiles.hash(site.read("entities/countries/mali.md")))\"\n---\n\nLe Mali a ratifié le [[Rome Statute|Statut de Rome]] en 2000 [@untc], avant son retrait.\n"
        )
        let event = "events/2025-09-22-aes-announces-withdrawal"
        try site.write(
            event + ".fr.md",
            "---\ntitle: \"Les États de l’AES annoncent leur retrait\"\ntranslation_of: \"\(try TranslationFiles.hash(site.read(event + ".md")))\"\n---\n\nLes trois États ont annoncé leur retrait [@comm-2025].\n"
        )
        try site.write(
            "events/2025-10-01-niger-statement.md",
            "---\ntitle: \"Niger restates its position\"\ndate: \"2025-10-01\"\nstatus: reported\nentities: [Niger]\nsources: [comm-2025]\n---\n\nNiger restated it [@comm-2025].\n"
        )
        var options = site.options()
        options.useGit = false
        return try await SiteBuilder(options: options).build()
    }

    func exists(_ site: TempSite, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path)
    }

    @Test func theEditionHasItsOwnSiteWidePagesWithLinksInTheLanguage() async throws {
        try await withTempSite { site in
            let report = try await bilingual(site)
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            for page in [
                "fr/timeline/index.html", "fr/graph/index.html", "fr/search/index.html", "fr/404.html", "fr/entities/index.html",
                "fr/events/index.html",
            ] {
                #expect(exists(site, page), "\(page) missing")
            }
            // Pages of other kinds are not copied: only translations are.
            #expect(!exists(site, "fr/entities/countries/niger/index.html"))
            #expect(!exists(site, "fr/print/index.html"))
            let timeline = try site.html("fr/timeline/index.html")
            #expect(timeline.contains("<html lang=\"fr\">"))
            #expect(timeline.contains("<h1>Chronologie</h1>"))
            #expect(timeline.contains(">22 septembre 2025</time>"))
            // The translated event in French, within the language; the other in English, marked.
            #expect(
                timeline.contains(
                    "<a href=\"../events/2025-09-22-aes-announces-withdrawal/\">Les États de l’AES annoncent leur retrait</a>"))
            #expect(
                timeline.contains(
                    "<a href=\"../../events/2025-10-01-niger-statement/\" hreflang=\"en\" lang=\"en\">Niger restates its position</a><span class=\"language-marker\" lang=\"en\"> (en)</span>"
                ))
            // The navigation, the site title and the data files stay in the edition.
            #expect(timeline.contains("<a class=\"site-title\" href=\"../\">"))
            #expect(timeline.contains("<a href=\"../graph/\">Graphe</a>"))
            #expect(timeline.contains("href=\"../events.ics\""))
            // The switcher goes to the English timeline, and the English timeline back.
            #expect(timeline.contains("<a href=\"../../timeline/\" hreflang=\"en\">"))
            #expect(try site.html("timeline/index.html").contains("<a href=\"../fr/timeline/\" hreflang=\"fr\">"))
            #expect(timeline.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/test/timeline/\">"))
        }
    }

    @Test func theNotFoundPageOfALanguageLeadsIntoItsFolderFromTheRoot() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            let page = try site.html("fr/404.html")
            #expect(page.contains("<html lang=\"fr\">"))
            #expect(page.contains("<a class=\"site-title\" href=\"/test/fr/\">"))
            #expect(page.contains("href=\"/test/fr/timeline/\""))
            #expect(!page.contains("href=\"/test/timeline/\""))
        }
    }

    @Test func eachLanguageHasItsSearchIndexWithUntranslatedPagesTagged() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            let searchPage = try site.html("fr/search/index.html")
            #expect(searchPage.contains("data-root=\"../../\""))
            let indexFile = try #require(searchPage.firstMatch(of: /assets\/search-index\.[0-9a-f]+\.js/)).output
            let englishIndexFile = try #require(try site.html("search/index.html").firstMatch(of: /assets\/search-index\.[0-9a-f]+\.js/))
                .output
            #expect(indexFile != englishIndexFile)
            let french = try site.html(String(indexFile))
            let english = try site.html(String(englishIndexFile))
            #expect(french.contains("\"u\":\"fr/entities/countries/mali/\""))
            #expect(french.contains("Le Mali a ratifié"))
            #expect(french.contains("\"t\":\"Les États de l’AES annoncent leur retrait\""))
            // Niger has no translation: its English record, saying so; Mali's English record is not there.
            #expect(french.contains("\"l\":\"en\"") && french.contains("\"u\":\"entities/countries/niger/\""))
            #expect(!french.contains("\"u\":\"entities/countries/mali/\""))
            #expect(french.contains("window.dossierSearchStopWords = [\"a\",\"au\",\"aux\""))
            #expect(!english.contains("dossierSearchStopWords"))
            #expect(!english.contains("\"l\":"))
            #expect(english.contains("\"u\":\"entities/countries/mali/\""))
        }
    }

    @Test func feedsCalendarsAndTimelineDataTagTheirTitlesLanguage() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            let feed = try site.html("fr/feed.xml")
            #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"))
            #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/test/fr/feed.xml\"/>"))
            #expect(feed.contains("<title>22 septembre 2025: Les États de l’AES annoncent leur retrait</title>"))
            #expect(feed.contains("<title xml:lang=\"en\">Sahel overview</title>"))
            let calendar = try site.html("fr/events.ics")
            #expect(calendar.contains("SUMMARY;LANGUAGE=fr:Les États de l’AES annoncent leur retrait"))
            #expect(calendar.contains("SUMMARY;LANGUAGE=en:Niger restates its position"))
            #expect(calendar.contains("URL:https://example.org/test/fr/events/2025-09-22-aes-announces-withdrawal/"))
            #expect(try site.html("events.ics").contains("SUMMARY;LANGUAGE=en:The AES states announce their withdrawal"))
            let data = try site.html("fr/timeline.json")
            #expect(data.contains("\"lang\" : \"fr\""))
            #expect(data.contains("\"lang\" : \"en\""))
            #expect(data.contains("\"display_date\" : \"22 septembre 2025\""))
            #expect(try site.html("timeline.json").contains("\"lang\" : \"en\""))
        }
    }

    @Test func backlinksAndRelationsShowOtherLanguagesTitlesMarked() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            let mali = try site.html("fr/entities/countries/mali/index.html")
            // Goïta leads Mali: his page is not translated.
            #expect(
                mali.contains(
                    "<a href=\"../../../../entities/people/assimi-goita/\" hreflang=\"en\" lang=\"en\">Assimi Goïta</a><span class=\"language-marker\" lang=\"en\"> (en)</span>"
                ))
            // The English briefing mentions Mali: its title and sentence are quoted in English, marked.
            #expect(
                mali.contains(
                    "hreflang=\"en\" lang=\"en\">Sahel overview</a><span class=\"language-marker\" lang=\"en\"> (en)</span><blockquote lang=\"en\">"
                ))
            // The French event links to Mali within French, unmarked.
            #expect(
                mali.contains(
                    "<a href=\"../../../events/2025-09-22-aes-announces-withdrawal/\">Les États de l’AES annoncent leur retrait</a>"))
            let english = try site.html("entities/countries/mali/index.html")
            #expect(!english.contains("language-marker"))
        }
    }

    @Test func theSitemapListsEachPagesLanguagesBothWays() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            let sitemap = try site.html("sitemap.xml")
            #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
            let alternates = """
                    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/entities/countries/mali/"/>
                    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/test/fr/entities/countries/mali/"/>
                    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/test/entities/countries/mali/"/>
                """
            #expect(sitemap.contains("<loc>https://example.org/test/entities/countries/mali/</loc>"))
            #expect(sitemap.contains("<loc>https://example.org/test/fr/entities/countries/mali/</loc>"))
            // Once under each version of the page.
            #expect(sitemap.components(separatedBy: alternates).count == 3)
            #expect(
                sitemap.contains("<url><loc>https://example.org/test/entities/countries/niger/</loc></url>")
                    || sitemap.contains("<loc>https://example.org/test/entities/countries/niger/</loc><lastmod>2026-01-15</lastmod></url>"))
            #expect(!sitemap.contains("fr/404.html"))
        }
    }

    @Test func twoMultilingualBuildsAreTheSame() async throws {
        try await withTempSite { site in
            _ = try await bilingual(site)
            var options = site.options(output: site.root.appendingPathComponent("again"))
            options.useGit = false
            _ = try await SiteBuilder(options: options).build()
            let first = try snapshot(site.output), second = try snapshot(site.root.appendingPathComponent("again"))
            #expect(Set(first.keys) == Set(second.keys))
            for (path, data) in first where second[path] != data { Issue.record("\(path) differs between two builds") }
        }
    }
}
