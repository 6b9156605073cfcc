import Foundation
import Testing

@testable import DossierKit

/// What readers see of links, backlinks and relations in the written HTML.
@Suite("End to end: cross-references in the HTML")
struct CrossReferenceTests {
    static let briefingPage = "briefings/sahel-overview/index.html"
    static let maliPage = "entities/countries/mali/index.html"
    static let aesPage = "entities/organizations/alliance-of-sahel-states/index.html"

    /// The `<section class="...">` block of a page, or "" when absent.
    private func section(_ cssClass: String, in html: String) -> String {
        guard let start = html.range(of: "<section class=\"\(cssClass)\"") else { return "" }
        guard let end = html[start.upperBound...].range(of: "</section>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func wikiLinksBecomeRelativeLinksWithTitles() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html(Self.briefingPage)
            #expect(html.contains("<a class=\"xref\" href=\"../../entities/countries/mali/\">Mali</a>"))
            // An alias link shows the page title; a labelled link keeps its label.
            #expect(html.contains("<a class=\"xref\" href=\"../../entities/people/assimi-goita/\">Assimi Goïta</a>"))
            #expect(
                html.contains("<a class=\"xref\" href=\"../../entities/treaties/rome-statute/#article-127\">the withdrawal article</a>"))
            #expect(!html.contains("[["))
        }
    }

    @Test("a relative .md link resolves to the page's relative URL")
    func relativeMarkdownLink() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html(Self.briefingPage)
            #expect(html.contains("<a href=\"../../entities/countries/mali/\">Mali page</a>"))
            #expect(!html.contains("mali.md"))
        }
    }

    @Test func relativeMarkdownLinkWithFragmentAndPortableMode() async throws {
        try await withTempSite { site in
            try site.edit(
                "briefings/sahel-overview.md", replacing: "(../entities/countries/mali.md)",
                with: "(../entities/treaties/rome-statute.md#article-127)")
            var options = site.options()
            options.portable = true
            _ = try await SiteBuilder(options: options).build()
            let html = try site.html(Self.briefingPage)
            #expect(html.contains("<a href=\"../../entities/treaties/rome-statute/index.html#article-127\">Mali page</a>"))
            #expect(html.contains("href=\"../../entities/countries/mali/index.html\">Mali</a>"))
        }
    }

    @Test func citationsAreNumberedPerPage() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html(Self.briefingPage)
            #expect(html.contains("<sup class=\"cite\">[<a href=\"#ref-1\" title=\"Joint communiqué of 22 September 2025\">1</a>]</sup>"))
            let references = section("references", in: html)
            #expect(references.contains("<li id=\"ref-1\"><a href=\"../../sources/comm-2025/\">Joint communiqué of 22 September 2025</a>"))
            #expect(!references.contains("ref-2"))
        }
    }

    @Test("the Mali page lists the briefing that links to it, with the sentence")
    func backlinksOnMaliPage() async throws {
        try await withTempSite { site in
            try await site.build()
            let backlinks = section("backlinks", in: try site.html(Self.maliPage))
            #expect(backlinks.contains("<h3>Briefings</h3>"))
            #expect(
                backlinks.contains(
                    "<a href=\"../../../briefings/sahel-overview/\">Sahel overview</a><blockquote>The junta in Mali announced its withdrawal from the court on 22 September 2025.</blockquote>"
                ))
            #expect(backlinks.contains("<a href=\"../niger/\">Niger</a><blockquote>Niger borders Mali.</blockquote>"))
            // Pages that do not link to Mali are not listed.
            #expect(!backlinks.contains("Rome Statute"))
        }
    }

    @Test func pageWithoutBacklinksHasNoSection() async throws {
        try await withTempSite { site in
            try await site.build()
            #expect(section("backlinks", in: try site.html("entities/organizations/alliance-of-sahel-states/index.html")).isEmpty)
        }
    }

    @Test("a relation written once shows on both pages")
    func relationsOnBothEnds() async throws {
        try await withTempSite { site in
            try await site.build()
            let mali = section("relations", in: try site.html(Self.maliPage))
            let aes = section("relations", in: try site.html(Self.aesPage))
            #expect(
                mali.contains(
                    "<strong>Mali</strong> — member of — <a href=\"../../organizations/alliance-of-sahel-states/\">Alliance of Sahel States</a> <span class=\"dates\">(from 16 September 2023)</span>"
                ))
            #expect(
                aes.contains(
                    "<a href=\"../../countries/mali/\">Mali</a> — member of — <strong>Alliance of Sahel States</strong> <span class=\"dates\">(from 16 September 2023)</span>"
                ))
            // Goïta's relation, declared on his page, shows on Mali's.
            #expect(mali.contains("<a href=\"../../people/assimi-goita/\">Assimi Goïta</a> — leads — <strong>Mali</strong>"))
            // Both pages draw the neighbourhood graph, with a node linking to the other end.
            #expect(mali.contains("<svg class=\"graph\""))
            #expect(aes.contains("<a href=\"../../countries/mali/\" class=\"node kind-country\" data-node="))
        }
    }

    // entity.mustache writes `{{{citations}}}`, and PageViews.entity passes `false` for a
    // relation without sources: the page shows the word "false" after the relation.
    @Test func relationWithoutSourcesShowsNoStrayText() async throws {
        try await withTempSite { site in
            try await site.build()
            let niger = section("relations", in: try site.html("entities/countries/niger/index.html"))
            #expect(niger.contains("— member of —"))
            #expect(!niger.contains("false"))
        }
    }

    // A relation is written once, on its subject, and shown on both pages; its sources
    // are cited on the subject's page only (Linker cites relation sources on the
    // subject), so on the object's page the relation appears with no citation at all.
    @Test func relationSourcesAreCitedOnBothPages() async throws {
        try await withTempSite { site in
            try await site.build()
            let mali = section("relations", in: try site.html(Self.maliPage))
            let aesPage = try site.html(Self.aesPage)
            #expect(mali.contains("(from 16 September 2023)</span><sup class=\"cite\">"))
            #expect(section("relations", in: aesPage).contains("(from 16 September 2023)</span><sup class=\"cite\">"))
            #expect(section("references", in: aesPage).contains("Joint communiqué of 22 September 2025"))
        }
    }

    @Test func entityFactsRenderInlineMarkdownWithCitations() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html(Self.maliPage)
            #expect(html.contains("<tr><th scope=\"row\">Capital</th><td>Bamako <sup class=\"cite\">[<a href=\"#ref-"))
        }
    }

    @Test func eventPageLinksItsEntities() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html("events/2025-09-22-aes-announces-withdrawal/index.html")
            #expect(html.contains("<a href=\"../../entities/countries/mali/\">Mali</a>"))
            #expect(html.contains("<a href=\"../../entities/countries/niger/\">Niger</a>"))
        }
    }
}
