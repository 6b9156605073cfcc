import Foundation
import Testing

@testable import DossierKit

/// Images and map data added, changed and removed while `serve` runs: each rebuild
/// leaves the served folder equal to a full build.
extension IncrementalBuildTests {
    static func png(width: UInt8, height: UInt8) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 0, width, 0, 0, 0, height, 8, 2, 0, 0, 0]
        return Data(bytes)
    }

    @Test("an image added, changed and removed reaches the page, with or without the watcher naming it")
    func imageAddedChangedRemoved() async throws {
        for named in [false, true] {
            try await withTempSite { site in
                let session = try await Session(site)
                let briefing = "briefings/sahel-overview.md"
                func changed(_ files: String...) -> Set<String>? { named ? Set(files) : nil }

                try site.writeData("briefings/map.png", Self.png(width: 40, height: 30))
                try await session.rebuild(changed: changed("briefings/map.png"))
                try await session.expectEqualToFullBuild()

                try site.edit(
                    briefing, replacing: "Others followed.",
                    with: "Others followed.\n\n![Map of the states](map.png \"Where they are [@untc]\")")
                try await session.rebuild(changed: changed(briefing))
                #expect(try site.html("briefings/sahel-overview/index.html").contains("width=\"40\" height=\"30\""))
                try await session.expectEqualToFullBuild()

                // Same name, new picture: new size on the page, new file name, the old file gone.
                let oldName = "briefings/map.\(ContentHash.hex(Self.png(width: 40, height: 30))).png"
                try site.writeData("briefings/map.png", Self.png(width: 80, height: 60) + Data(count: 10))
                try await session.rebuild(changed: changed("briefings/map.png"))
                #expect(try site.html("briefings/sahel-overview/index.html").contains("width=\"80\" height=\"60\""))
                #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(oldName).path))
                try await session.expectEqualToFullBuild()

                // Removed while the page still shows it: the build fails and the site stays.
                try FileManager.default.removeItem(at: site.content.appendingPathComponent("briefings/map.png"))
                await #expect(throws: BuildFailure.self) { try await session.rebuild(changed: changed("briefings/map.png")) }
                try site.edit(briefing, replacing: "\n\n![Map of the states](map.png \"Where they are [@untc]\")", with: "")
                try await session.rebuild(changed: changed(briefing))
                try await session.expectEqualToFullBuild()
            }
        }
    }

    @Test("a change to the map data redraws the maps")
    func mapDataChanged() async throws {
        try await withTempSite { site in
            try MapTests.mapSite(site)
            let session = try await Session(site)
            let text = try String(decoding: MapTests.geoJSON, as: UTF8.self)
            try site.write("maps/sahel.geojson", text.replacingOccurrences(of: "\"name\":\"Niger\"", with: "\"name\":\"Niger (renamed)\""))
            try await session.rebuild(changed: ["maps/sahel.geojson"])
            try await session.expectEqualToFullBuild()
            try site.edit("entities/countries/niger.md", replacing: "geo: NER", with: "geo: NGA")
            try await session.rebuild(changed: ["entities/countries/niger.md"])
            try await session.expectEqualToFullBuild()
        }
    }
}
