import Foundation
import Testing

@testable import DossierKit

@Suite("The page of all entities on a large dossier")
struct EntityListTests {
    @Test("past the limit, titles only, and the page says where the summaries are")
    func titlesOnly() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", "title: T\n")
            let count = PageContext.entitySummariesUpTo + 1
            for number in 1...count {
                try site.write("entities/people/p\(number).md", page("title: Person \(number)\nkind: person\nsummary: Summary \(number)."))
            }
            try await site.build()
            let all = try site.html("entities/index.html")
            #expect(all.contains("All \(grouped(count)) countries, people"))
            #expect(!all.contains("Summary 1."))
            #expect(try site.html("entities/people/index.html").contains("<p>Summary 1.</p>"))
        }
    }

    @Test("under the limit, the page of all entities keeps the summaries")
    func withSummaries() async throws {
        try await withTempSite { site in
            try await site.build()
            #expect(try site.html("entities/index.html").contains("<p>A West African state in the Alliance of Sahel States.</p>"))
        }
    }
}
