import Mustache
import Testing

@testable import DossierKit

/// What rendering the templates costs, counted: each name looked up in each context
/// searched, found or not, over every page of a build (`dossier build -v` prints it).
@Suite("Names looked up by the templates")
struct TemplateLookupsTests {
    @Test func eachContextSearchedCountsOnce() throws {
        let sources = ["page": "{{title}}{{#items}}{{name}}{{title}}{{/items}}"]
        HTMLEscaping.register()
        let library = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: HTMLEscaping.pragma + $0) })
        let set = TemplateSet(library: library, sources: sources, displayRoot: "Templates")
        let items: [[String: Any]] = [["name": "a"], ["name": "b"], ["name": "c"]]
        let (_, diagnostics, lookups) = set.renderCounting("page", ["title": "T", "items": items])
        #expect(diagnostics.isEmpty)
        // `title` and `items` at the root (2), then in each of 3 items `name` (1) and
        // `title`, missed in the item and found at the root (2).
        #expect(lookups == 2 + 3 * 3)
        #expect(set.withWords(["x": "y"]).renderCounting("page", ["title": "T", "items": items]).lookups == 11)
    }

    @Test func aBuildReportsItsCountTheSameEachTime() async throws {
        try await withTempSite { site in
            let first = try await site.build()
            let second = try await site.build()
            #expect(first.templateLookups > first.pageCount * 10)
            #expect(second.templateLookups == first.templateLookups)
        }
    }
}
