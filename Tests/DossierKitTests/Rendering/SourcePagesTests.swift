import Foundation
import Testing

@testable import DossierKit

/// Each source has a page of its own; the sources index lists them all, and keeps the
/// `src-<id>` ids that links to the one sources page of earlier builds name.
@Suite("Source pages and the sources index")
struct SourcePagesTests {
    @Test("a source's page: what it is, where it is, and the citing pages grouped by kind")
    func sourcePage() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html("sources/comm-2025/index.html")
            #expect(html.contains("<h1>Joint communiqué of 22 September 2025</h1>"))
            #expect(html.contains("<td>Government of Mali</td>"))
            #expect(html.contains("<td>Official statement</td>"))
            #expect(html.contains("<td>fr</td>"))
            #expect(html.contains("href=\"https://example.org/communique\""))
            #expect(html.contains("Cited on 4 pages"))
            // Grouped by kind, in the order pages are listed: briefings, entities, events.
            let order = [
                "<h3>Briefings", ">Sahel overview</a>", "<h3>Entities", ">Alliance of Sahel States</a>", ">Mali</a>", "<h3>Events",
                ">The AES states announce their withdrawal</a>",
            ]
            .map { html.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
            #expect(html.contains("href=\"../../briefings/sahel-overview/\""))
        }
    }

    @Test("citations link to the source's page, and the index links every source")
    func citationsAndIndex() async throws {
        try await withTempSite { site in
            try await site.build()
            let mali = try site.html("entities/countries/mali/index.html")
            #expect(mali.contains("<a href=\"../../../sources/untc/\">"))
            #expect(!mali.contains("sources/#src-"))
            let index = try site.html("sources/index.html")
            #expect(index.contains("<h2 id=\"kind-official-statement\">Official statements</h2>"))
            #expect(index.contains("<a href=\"comm-2025/\">Joint communiqué of 22 September 2025</a>"))
            // The index does not list who cites what: that is each source's page.
            #expect(!index.contains("Sahel overview"))
        }
    }

    @Test("an old link to sources/#src-<id> finds an item there that links to the source's page")
    func oldAnchors() async throws {
        try await withTempSite { site in
            try await site.build()
            let index = try site.html("sources/index.html")
            for id in ["comm-2025", "untc"] {
                let item = try #require(index.range(of: "<li id=\"src-\(id)\">"))
                #expect(index[item.upperBound...].hasPrefix("<a href=\"\(id)/\">"))
            }
            // Portable builds name the file, so the link works from file:// too.
            var options = site.options(output: site.root.appendingPathComponent("Portable"))
            options.portable = true
            try await SiteBuilder(options: options).build()
            let portable = try site.html("sources/index.html", in: site.root.appendingPathComponent("Portable"))
            #expect(portable.contains("<li id=\"src-untc\"><a href=\"untc/index.html\">"))
        }
    }
}

@Suite("A sources template written for the one sources page")
struct OldSourcesTemplateTests {
    @Test("still builds: the index gives each source an empty cited_by and no body")
    func oldTemplateBuilds() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            // The parts of the earlier sources.mustache that read what is now on each source's page.
            let old = """
                {{<base}}{{$content}}<ul>{{#sources}}<li id="{{anchor}}">{{title}}\
                {{#body}}<div class="prose">{{{body}}}</div>{{/body}}\
                {{#cited_by.0}}<p class="cited-by">Cited on: {{#cited_by}}<a href="{{url}}">{{title}}</a>; {{/cited_by}}</p>{{/cited_by.0}}\
                </li>{{/sources}}</ul>{{/content}}{{/base}}
                """
            try old.write(to: templates.appendingPathComponent("sources.mustache"), atomically: true, encoding: .utf8)
            try await site.build(templates: templates)
            let index = try site.html("sources/index.html")
            #expect(index.contains("<li id=\"src-comm-2025\">Joint communiqué of 22 September 2025</li>"))
            #expect(!index.contains("cited-by"))
        }
    }
}
