import Foundation
import Testing

@testable import DossierKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects elements and their text from an XML document; fails on malformed XML.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], text: String)] = []
    private var stack: [Int] = []

    static func parse(_ data: Data) -> XMLCollector? {
        let collector = XMLCollector()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        stack.append(elements.count)
        elements.append((name, attributes, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func texts(_ name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }
}

@Suite("Sitemap, robots.txt and the Atom feed")
struct SiteFeedsTests {
    @Test("every sitemap URL is an absolute URL under the base URL that maps to a written page")
    func sitemapMapsToPages() async throws {
        try await withTempSite { site in
            try await site.build()
            let xml = try #require(XMLCollector.parse(try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))))
            let locations = xml.texts("loc")
            #expect(locations.count >= 10)
            #expect(locations.contains("https://example.org/test/entities/people/assimi-goita/"))
            #expect(!locations.contains { $0.hasSuffix("404.html") })
            for location in locations {
                #expect(location.hasPrefix("https://example.org/test/"))
                let path = String(location.dropFirst("https://example.org/test/".count))
                let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(file).path), "\(location)")
            }
            // lastmod comes from content: the briefing's date, else the dossier's as_of.
            let rows = try site.html("sitemap.xml")
            #expect(rows.contains("<loc>https://example.org/test/briefings/sahel-overview/</loc><lastmod>2025-09-22</lastmod>"))
            #expect(rows.contains("<loc>https://example.org/test/entities/countries/mali/</loc><lastmod>2026-01-15</lastmod>"))
        }
    }

    @Test("robots.txt names the sitemap; .nojekyll is written")
    func robotsAndNoJekyll() async throws {
        try await withTempSite { site in
            try await site.build()
            #expect(try site.html("robots.txt").contains("Sitemap: https://example.org/test/sitemap.xml"))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".nojekyll").path))
        }
    }

    @Test("the Atom feed is well-formed, dated from content, with stable absolute ids")
    func atomFeed() async throws {
        try await withTempSite { site in
            try site.edit(
                "events/2025-09-22-aes-announces-withdrawal.md", replacing: "title: \"The AES states", with: "title: \"<The> & AES states")
            try await site.build()
            let data = try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))
            let xml = try #require(XMLCollector.parse(data))
            #expect(xml.elements.first?.name == "feed")
            #expect(xml.elements.first?.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
            let ids = xml.texts("id")
            #expect(ids.first == "https://example.org/test/")
            #expect(Set(ids).count == ids.count)
            #expect(ids.contains("https://example.org/test/briefings/sahel-overview/"))
            #expect(ids.contains("https://example.org/test/events/2025-09-22-aes-announces-withdrawal/"))
            #expect(xml.texts("title").contains("22 September 2025: <The> & AES states announce their withdrawal"))
            // Dated by the content, not by the clock.
            #expect(xml.texts("updated").allSatisfy { $0 == "2025-09-22T00:00:00Z" })
            #expect(xml.elements.filter { $0.name == "entry" }.count == 2)
        }
    }

    @Test("a future event's entry is dated no later than the dossier's as_of")
    func futureEventsClampToAsOf() async throws {
        try await withTempSite { site in
            try site.write(
                "events/2027-01-01-future.md",
                page(
                    "title: \"A projected deadline\"\ndate: \"2027-01-01\"\nstatus: projected\nentities: [Mali]\nsources: [untc]",
                    "Projected [@untc]."))
            try await site.build()
            let xml = try #require(XMLCollector.parse(try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))))
            #expect(xml.texts("updated").first == "2026-01-15T00:00:00Z")
            #expect(!xml.texts("updated").contains { $0.hasPrefix("2027") })
        }
    }
}
