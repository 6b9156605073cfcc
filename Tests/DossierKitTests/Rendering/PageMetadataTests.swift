import Foundation
import Testing

@testable import DossierKit

@Suite("Page metadata")
struct PageMetadataTests {
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let json = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.1)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test(
        "each page type has its schema.org type",
        arguments: [
            ("index.html", "WebSite"), ("briefings/sahel-overview/index.html", "Article"),
            ("entities/countries/mali/index.html", "Country"), ("entities/people/assimi-goita/index.html", "Person"),
            ("entities/organizations/alliance-of-sahel-states/index.html", "Organization"),
            ("entities/treaties/rome-statute/index.html", "Legislation"),
            ("events/2025-09-22-aes-announces-withdrawal/index.html", "Event"), ("timeline/index.html", "CollectionPage"),
        ])
    func schemaTypes(file: String, type: String) async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html(file)
            let value = try Self.jsonLD(html)
            #expect(value["@type"] as? String == type)
            #expect(value["@context"] as? String == "https://schema.org")
            #expect((value["url"] as? String)?.hasPrefix("https://example.org/test/") == true)
            #expect(html.contains("<meta property=\"og:title\""))
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
            // The card reads the Open Graph title and description: not written twice more.
            #expect(!html.contains("twitter:title") && !html.contains("twitter:description"))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/test/"))
        }
    }

    @Test("an event's JSON-LD keeps the date's precision and names its countries")
    func eventDetails() async throws {
        try await withTempSite { site in
            try await site.build()
            let value = try Self.jsonLD(try site.html("events/2025-09-22-aes-announces-withdrawal/index.html"))
            #expect(value["startDate"] as? String == "2025-09-22")
            let places = try #require(value["location"] as? [[String: String]])
            #expect(places.map { $0["name"] } == ["Mali", "Niger"])
        }
    }

    @Test("a title cannot break out of the JSON-LD script or the meta tags")
    func injection() async throws {
        try await withTempSite { site in
            try site.edit(
                "entities/countries/mali.md", replacing: "title: \"Mali\"",
                with: "title: \"Mali</script><script>alert(1)</script>\\\" x=\\\"\"")
            try await site.build()
            let html = try site.html("entities/countries/mali/index.html")
            #expect(!html.contains("<script>alert(1)"))
            #expect(try Self.jsonLD(html)["name"] as? String == "Mali</script><script>alert(1)</script>\" x=\"")
            #expect(
                html.contains(
                    "<meta property=\"og:title\" content=\"Mali&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; x=&quot;\">"))
        }
    }
}
