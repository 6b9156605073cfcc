import Mustache
import Testing

@testable import DossierKit

/// `{{{link}}}` is the long form of a link to a page, written by Swift: the shipped templates
/// use it, templates written before it keep the long form, and both must write the same bytes.
@Suite("A page's link as one value")
struct PageLinkTests {
    static let longForm =
        #"<a href="{{url}}"{{#lang}} hreflang="{{.}}" lang="{{.}}"{{/lang}}>{{title}}</a>{{#lang}}<span class="language-marker" lang="{{.}}"> ({{.}})</span>{{/lang}}"#

    @Test(
        arguments: [
            ("Mali", "../../entities/countries/mali/", nil),
            ("Niger", "../niger/", "fr"),
            // Whatever a title holds is escaped alike: quotes, apostrophes, markup, ampersands.
            (#"Côte d'Ivoire & "Mali" <b>"#, "../a&b/?q=\"x\"", "fr"),
            ("", "", "en"),
        ] as [(String, String, String?)])
    func theLinkWritesWhatTheLongFormWrites(title: String, url: String, lang: String?) throws {
        let sources = ["long": "{{#items}}\(Self.longForm)|{{/items}}", "short": "{{#items}}{{{link}}}|{{/items}}"]
        HTMLEscaping.register()
        let library = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: HTMLEscaping.pragma + $0) })
        let set = TemplateSet(library: library, sources: sources, displayRoot: "Templates")
        let item: [String: Any] = [
            "title": title, "url": url, "lang": lang ?? false, "link": PageContext.linkHTML(title: title, url: url, lang: lang),
        ]
        // A `lang` outside the list must not leak into the item's link.
        let values: [String: Any] = ["items": [item], "lang": "de"]
        let (long, longDiagnostics) = set.render("long", values)
        let (short, shortDiagnostics) = set.render("short", values)
        #expect(longDiagnostics.isEmpty && shortDiagnostics.isEmpty)
        #expect(short == long)
        #expect(long.hasPrefix("<a href="))
    }

    @Test func linkItemsCarryTheirLinkBesideTheirParts() async throws {
        try await withTempSite { site in
            let (catalog, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let (linked, _) = await Linker.link(catalog, contentPrefix: "Content/")
            let mali = try #require(linked.catalog.entities.first { $0.header.title.value == "Mali" })
            let context = PageContext(
                site: linked, renderedAhead: .init(units: [:]), timeline: TimelineBuilder.build(linked), path: "briefings/x/",
                portable: false)
            let item = context.link(NameIndex.target(mali.header))
            let link = try #require(item["link"] as? TemplateText)
            #expect(item["url"] as? String == "../../entities/countries/mali/")
            #expect(link.renderText == #"<a href="../../entities/countries/mali/">Mali</a>"#)
        }
    }
}
