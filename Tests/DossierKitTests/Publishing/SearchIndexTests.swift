import Foundation
import Testing

@testable import DossierKit

@Suite("Search index")
struct SearchIndexTests {
    /// The records of the written index, decoded from the script file.
    /// The records of the default language's index: the one its search page loads (a
    /// multilingual site has one index per language in `assets/`).
    static func indexName(in output: URL) throws -> String {
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        let start = try #require(page.range(of: "assets/search-index."))
        let end = try #require(page[start.lowerBound...].range(of: ".js"))
        return String(page[start.lowerBound..<end.upperBound].dropFirst("assets/".count))
    }

    static func records(in output: URL) throws -> [[String: String]] {
        let assets = output.appendingPathComponent("assets")
        let name = try indexName(in: output)
        let script = try String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)
        let prefix = "window.dossierSearch = "
        #expect(script.hasPrefix(prefix))
        let json = script.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: ";\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
    }

    @Test("the index holds briefings, entities, events and sources with kind, date and text")
    func indexContents() async throws {
        try await withTempSite { site in
            try await site.build()
            let records = try Self.records(in: site.output)
            let byURL = Dictionary(uniqueKeysWithValues: records.map { ($0["u"]!, $0) })
            let goita = try #require(byURL["entities/people/assimi-goita/"])
            #expect(goita["t"] == "Assimi Goïta")
            #expect(goita["k"] == "Person")
            let event = try #require(byURL["events/2025-09-22-aes-announces-withdrawal/"])
            #expect(event["k"] == "Event")
            #expect(event["d"] == "22 September 2025")
            #expect(event["x"]?.contains("The three states announced their withdrawal") == true)
            #expect(byURL["briefings/sahel-overview/"]?["k"] == "Briefing")
            #expect(byURL["sources/untc/"]?["k"] == "Source")
            #expect(byURL[""] == nil, "list pages are not search results")
            // A wiki link's label is part of the text, not lost with its HTML.
            let briefing = try #require(byURL["briefings/sahel-overview/"]?["x"])
            #expect(!briefing.contains("[["))
        }
    }

    @Test("author text cannot close the index's script")
    func scriptSafe() async throws {
        try await withTempSite { site in
            try site.edit(
                "entities/countries/mali.md", replacing: "title: \"Mali\"", with: "title: \"Mali</script><script>alert(1)</script>\"")
            try await site.build()
            let assets = site.output.appendingPathComponent("assets")
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: assets.path).first { $0.hasPrefix("search-index.") })
            let script = try String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)
            #expect(!script.contains("</script>"))
            #expect(try Self.records(in: site.output).contains { $0["t"] == "Mali</script><script>alert(1)</script>" })
        }
    }

    @Test("the search page loads the index by a script element, with paths that work from disk")
    func searchPage() async throws {
        try await withTempSite { site in
            var options = site.options()
            options.portable = true
            _ = try await SiteBuilder(options: options).build()
            let html = try site.html("search/index.html")
            #expect(html.contains("<script src=\"../assets/search-index."))
            #expect(html.contains("data-portable=\"true\""))
            let mali = try site.html("entities/countries/mali/index.html")
            #expect(mali.contains("action=\"../../../search/index.html\""))
        }
    }

    @Test("the real dossier's index stays under 1 MB and finds Goïta without the diacritic's help")
    func realDossierIndex() async throws {
        let root = TestPaths.packageRoot()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await SiteBuilder(options: SiteBuilder.Options(projectRoot: root, outputFolder: output)).build()
        let assets = output.appendingPathComponent("assets")
        let name = try Self.indexName(in: output)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: assets.appendingPathComponent(name).path)[.size] as? Int)
        #expect(size < 1_000_000)
        let records = try Self.records(in: output)
        #expect(records.contains { $0["t"] == "Assimi Goïta" && $0["k"] == "Person" })
        #expect(records.contains { $0["t"] == "Mali" && $0["k"] == "Country" })
    }
}
