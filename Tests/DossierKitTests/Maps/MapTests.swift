import Foundation
import Testing

@testable import DossierKit

/// Maps end to end: front matter naming shapes and places, the GeoJSON's errors, and
/// the SVG the pages get.
@Suite("Maps")
struct MapTests {
    static var geoJSON: Data {
        get throws { try Data(contentsOf: TestPaths.packageRoot().appendingPathComponent("Content/maps/sahel.geojson")) }
    }

    /// The test dossier with the real GeoJSON, Mali and Niger naming their shapes, and Mali's
    /// withdrawal in effect while Niger only announced one (so two statuses show).
    static func mapSite(_ site: TempSite) throws {
        try site.writeData("maps/sahel.geojson", try geoJSON)
        try site.edit("entities/countries/mali.md", replacing: "kind: country", with: "kind: country\ngeo: MLI")
        try site.edit(
            "entities/countries/mali.md", replacing: "  - {type: party-to, target: \"Rome Statute\", sources: [untc]}",
            with:
                "  - {type: party-to, target: \"Rome Statute\", sources: [untc]}\n  - {type: withdrew-from, target: \"Rome Statute\", from: \"2025-12-01\", sources: [untc]}"
        )
        try site.edit("entities/countries/niger.md", replacing: "kind: country", with: "kind: country\ngeo: NER")
        try site.edit(
            "entities/countries/niger.md", replacing: "  - {type: member-of, target: \"Alliance of Sahel States\"}",
            with:
                "  - {type: member-of, target: \"Alliance of Sahel States\"}\n  - {type: announced-withdrawal-from, target: \"Rome Statute\", from: \"2025-09-22\", sources: [untc]}"
        )
    }

    static func map(in html: String) -> String? {
        guard let start = html.range(of: "<svg class=\"map "), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theHomeAndOrganizationPagesShowTheRegionAndEachStateItsLocator() async throws {
        try await withTempSite { site in
            try Self.mapSite(site)
            try await site.build()
            let home = try #require(Self.map(in: try site.html("index.html")))
            #expect(home.contains("class=\"map map-regional\""))
            #expect(home.contains("<path class=\"map-state status-withdrawn\""))
            #expect(home.contains("<path class=\"map-state status-announced\""))
            #expect(home.contains("fill=\"url(#map-regional-hatch-announced)\""))
            #expect(home.contains(">Bamako</text>") && home.contains(">Niamey</text>"))
            #expect(!home.contains(">Ouagadougou</text>"), "Burkina Faso has no entity naming its shape here")
            #expect(home.contains(" km</text>") && home.contains(">Natural Earth</text>"))
            #expect(home.utf8.count < 100_000)
            // Status in words too, and no colour written into the SVG.
            let page = try site.html("index.html")
            #expect(page.contains("Withdrawal in effect"))
            #expect(page.contains("Rome Statute: withdrawal in effect for Mali."))
            #expect(!home.contains("fill=\"#") && !home.contains("stroke=\"#"))
            let aes = try site.html("entities/organizations/alliance-of-sahel-states/index.html")
            #expect(Self.map(in: aes)?.contains("map-regional") == true)
            let mali = try #require(Self.map(in: try site.html("entities/countries/mali/index.html")))
            #expect(mali.contains("map-locator"))
            #expect(mali.contains(">Mali</text>") && !mali.contains(">Niger</text>"))
            // A person has no map.
            #expect(Self.map(in: try site.html("entities/people/assimi-goita/index.html")) == nil)
        }
    }

    @Test func aCapitalsTooltipIsInThePagesLanguage() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            try Self.mapSite(site)
            _ = try await TranslationTests().build(site)
            #expect(try site.html("entities/countries/mali/index.html").contains("Bamako, capital</title>"))
            let french = try site.html("fr/entities/countries/mali/index.html")
            #expect(french.contains("Bamako, capitale</title>"))
            #expect(!french.contains(", capital</title>"))
        }
    }

    @Test func twoBuildsDrawTheSameBytes() async throws {
        try await withTempSite { site in
            try Self.mapSite(site)
            try await site.build()
            let first = try site.html("index.html")
            let locator = try site.html("entities/countries/niger/index.html")
            try await site.build()
            #expect(try site.html("index.html") == first)
            #expect(try site.html("entities/countries/niger/index.html") == locator)
        }
    }

    @Test func labelsDoNotOverlap() async throws {
        try await withTempSite { site in
            try Self.mapSite(site)
            let (linked, _) = try await site.link()
            let states = linked.catalog.entities.filter { $0.geo != nil }
            let figure = try #require(MapDrawing.regional(highlighting: states, site: linked, title: "t", url: { $0 }))
            // Read the labels back from the SVG and compare their estimated boxes.
            let labels = figure.svg.components(separatedBy: "<text class=\"map-label").dropFirst().map { chunk -> MapLabels.Box in
                let attributes = chunk.prefix { $0 != ">" }
                func number(_ name: String) -> Double {
                    let start = attributes.range(of: "\(name)=\"")!.upperBound
                    return Double(attributes[start...].prefix { $0 != "\"" })!
                }
                let text = chunk.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                let size = chunk.hasPrefix("-state") ? 15.0 : chunk.hasPrefix("-country") ? 10 : 12
                let width = MapLabels.textWidth(String(text), size: size)
                return MapLabels.Box(x: number("x") - width / 2, y: number("y") - size * 0.8, width: width, height: size)
            }
            #expect(labels.count >= 4)
            for (i, a) in labels.enumerated() {
                for b in labels[(i + 1)...] { #expect(!a.overlaps(b), "\(a) overlaps \(b)") }
            }
        }
    }

    @Test func anUnknownGeoIdIsALocatedErrorWithASuggestion() async throws {
        try await withTempSite { site in
            try Self.mapSite(site)
            try site.edit("entities/countries/niger.md", replacing: "geo: NER", with: "geo: NGR")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let error = try #require(failure?.diagnostics.errors.first { $0.message == "unknown map feature 'NGR'" })
            #expect(error.location.file == "Content/entities/countries/niger.md")
            #expect(error.location.line == 4)
            #expect(error.hint == "did you mean 'NER'?" || error.hint == "did you mean 'NGA'?")
        }
    }

    @Test func malformedGeoJSONIsALocatedError() async throws {
        try await withTempSite { site in
            try site.write(
                "maps/bad.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\" \"id\": \"X\"}\n ]\n}\n")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let error = try #require(failure?.diagnostics.errors.first { $0.message.hasPrefix("malformed GeoJSON") })
            #expect(error.location.file == "Content/maps/bad.geojson")
            #expect(error.location.line == 3)
            #expect(error.hint != nil)
        }
    }

    @Test func coordinatesOutOfRangeAreALocatedErrorSayingWhichComesFirst() async throws {
        try await withTempSite { site in
            let text = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "OK", "properties": {"name": "Fine"}, "geometry": {"type": "Point", "coordinates": [2.1, 13.5]}},
                  {"type": "Feature", "id": "SWAPPED", "properties": {"name": "Swapped"},
                   "geometry": {"type": "Polygon", "coordinates": [[[12, 95], [13, 95], [13, 96], [12, 95]]]}}
                ]}
                """
            try site.write("maps/places.geojson", text)
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let error = try #require(failure?.diagnostics.errors.first)
            #expect(error.message == "feature 'SWAPPED': coordinate [12.0, 95.0] is out of range")
            #expect(error.location == SourceLocation(file: "Content/maps/places.geojson", line: 3, column: 29))
            #expect(error.hint?.contains("longitude") == true)
        }
    }

    @Test func anOpenRingIsAnError() {
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"A","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#
        let read = GeoJSONReader.read(Data(text.utf8), file: "m.geojson")
        #expect(read.features.isEmpty)
        #expect(read.diagnostics.first?.message == "feature 'A': a ring needs at least four positions, the last equal to the first")
    }

    @Test func aLocationInFrontMatterIsTwoNumbersInRange() async throws {
        try await withTempSite { site in
            try Self.mapSite(site)
            try site.edit("entities/countries/niger.md", replacing: "geo: NER", with: "geo: NER\nlocation: [13.5, 200]")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let error = try #require(failure?.diagnostics.errors.first)
            #expect(error.message == "location [13.5, 200] is out of range")
            #expect(error.location.line == 5)
        }
        try await withTempSite { site in
            try Self.mapSite(site)
            try site.write(
                "entities/courts/sahel-court.md",
                "---\ntitle: \"Sahel court\"\nkind: court\nlocation: [12.65, -8.0]\n---\n\nA court in Bamako.\n")
            try await site.build()
            let home = try #require(Self.map(in: try site.html("index.html")))
            #expect(home.contains("<rect class=\"map-place\""))
            #expect(home.contains("Sahel court"))
        }
    }

    @Test func entitiesWithoutShapesOrDataGiveNoMap() async throws {
        try await withTempSite { site in
            try await site.build()
            #expect(Self.map(in: try site.html("index.html")) == nil)
            try site.edit("entities/countries/niger.md", replacing: "kind: country", with: "kind: country\ngeo: NER")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            #expect(failure?.diagnostics.errors.first?.message == "'geo: NER' names a map feature, but the content has no GeoJSON file")
        }
    }
}
