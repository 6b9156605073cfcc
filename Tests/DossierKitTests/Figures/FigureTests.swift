import Foundation
import Testing

@testable import DossierKit

/// Images beside a page, end to end: the markup a page gets, the files written, and the
/// errors and warnings for what cannot be shown.
@Suite("Figures")
struct FigureTests {
    static let briefing = "briefings/sahel-overview.md"

    static func image(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("images").appendingPathComponent(name))
    }

    /// Adds `markdown` as a paragraph after the briefing's first section heading.
    static func addToBriefing(_ site: TempSite, _ markdown: String) throws {
        try site.edit(briefing, replacing: "## Background\n\nThe junta", with: "## Background\n\n\(markdown)\n\nThe junta")
    }

    private func failure(_ site: TempSite, _ text: String) async throws -> Diagnostic? {
        let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
        let matching = failure?.diagnostics.errors.filter { $0.message.contains(text) } ?? []
        #expect(matching.count == 1, "\(failure?.description ?? "no failure")")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build wrote output")
        return matching.first
    }

    @Test func aCaptionedImageAloneIsAFigureWithItsSizeCreditAndCitations() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(
                site,
                "![Map of the Sahel states](map.png \"The three states [@untc]. Credit: Drawn by the desk from UN data [@comm-2025]\")")
            try await site.build()
            let html = try site.html("briefings/sahel-overview/index.html")
            let hash = ContentHash.hex(try Self.image("map.png"))
            #expect(
                html.contains(
                    "<figure class=\"content-figure\"><img src=\"../map.\(hash).png\" alt=\"Map of the Sahel states\" width=\"30\" height=\"20\" decoding=\"async\"><figcaption>The three states <sup class=\"cite\">[<a href=\"#ref-1\" title=\"Status of the Rome Statute\">1</a>]</sup>."
                ))
            #expect(html.contains("<span class=\"credit\">Credit: Drawn by the desk from UN data <sup class=\"cite\">"))
            #expect(!html.contains("<p><figure"))
            // The caption's citations are numbered with the page's others and listed in its references.
            #expect(html.contains("id=\"ref-1\""))
            let report = try await site.build()
            #expect(report.site?.citations["briefings/sahel-overview/"]?.contains("untc") == true)
            #expect(
                FileManager.default.contents(atPath: site.output.appendingPathComponent("briefings/map.\(hash).png").path)
                    == (try Self.image("map.png")))
        }
    }

    @Test func anImageFurtherDownLoadsLazily() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(site, String(repeating: "A paragraph.\n\n", count: 6) + "![Map](map.png \"Caption\")")
            try await site.build()
            #expect(
                try site.html("briefings/sahel-overview/index.html").contains(
                    "height=\"20\" loading=\"lazy\" decoding=\"async\"><figcaption>Caption</figcaption>"))
        }
    }

    @Test func anInlineImageIsAnImgInItsParagraphAndAnImageNearTheTopLoadsAtOnce() async throws {
        try await withTempSite { site in
            try site.writeData("entities/countries/flag.gif", try Self.image("anim.gif"))
            try site.edit("entities/countries/mali.md", replacing: "---\n\n", with: "---\n\nThe flag ![Flag of Mali](flag.gif) waves.\n\n")
            try await site.build()
            let html = try site.html("entities/countries/mali/index.html")
            let hash = ContentHash.hex(try Self.image("anim.gif"))
            #expect(
                html.contains(
                    "<p>The flag <img src=\"../flag.\(hash).gif\" alt=\"Flag of Mali\" width=\"32\" height=\"22\" decoding=\"async\"> waves.</p>"
                ))
        }
    }

    @Test func aDecorativeImageSaysSoAndGetsAnEmptyAlt() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/rule.svg", try Self.image("chart.svg"))
            try Self.addToBriefing(site, "![(decorative)](rule.svg)")
            try await site.build()
            let html = try site.html("briefings/sahel-overview/index.html")
            #expect(html.contains("alt=\"\" width=\"120\" height=\"80\""))
            // SVG from content is shown through <img>, where its scripts never run.
            #expect(!html.contains("<script>alert"))
        }
    }

    @Test func anImageWithoutAltTextIsALocatedError() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(site, "Before. ![](map.png)")
            let expected = try #require(position(of: "![](map.png)", in: try site.read(Self.briefing)))
            let error = try #require(try await failure(site, "has no alt text"))
            #expect(error.location == SourceLocation(file: "Content/" + Self.briefing, line: expected.line, column: expected.column))
            #expect(error.hint?.contains("(decorative)") == true)
        }
    }

    @Test func aMissingImageIsALocatedErrorWithASuggestion() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(site, "![Map](mpa.png)")
            let error = try #require(try await failure(site, "not found"))
            #expect(error.location.file == "Content/" + Self.briefing)
            #expect(error.location.line == (try #require(position(of: "![Map]", in: try site.read(Self.briefing)))).line)
            #expect(error.hint == "did you mean 'briefings/map.png'?")
        }
    }

    @Test(arguments: ["../../outside.png", "/etc/passwd.png", "../../../../etc/x.png"])
    func aPathOutOfTheContentFolderIsAnError(_ path: String) async throws {
        try await withTempSite { site in
            try Self.image("map.png").write(to: site.root.appendingPathComponent("outside.png"))
            try Self.addToBriefing(site, "![Map](\(path))")
            let error = try #require(try await failure(site, "leads out of the content folder"))
            #expect(error.location.file == "Content/" + Self.briefing)
        }
    }

    @Test func aFileThatIsNotTheImageItsNameSaysIsAnErrorAtTheFile() async throws {
        try await withTempSite { site in
            try site.write("briefings/map.png", "<html>not a picture</html>")
            let error = try #require(try await failure(site, "is not a PNG image"))
            #expect(error.location.file == "Content/briefings/map.png")
        }
    }

    @Test func aWebImageOrAnUnknownCitedSourceIsAnError() async throws {
        try await withTempSite { site in
            try Self.addToBriefing(site, "![Map](https://example.org/map.png)")
            _ = try #require(try await failure(site, "is not a file of the content folder"))
        }
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(site, "![Map](map.png \"Caption [@nosuch]\")")
            _ = try #require(try await failure(site, "unknown source 'nosuch'"))
        }
    }

    @Test func aPageBundleIsThePageWithItsImagesInItsFolder() async throws {
        try await withTempSite { site in
            try site.write("briefings/bundle/index.md", "---\ntitle: \"Bundle\"\n---\n\n![A chart](chart.svg \"What it shows\")\n")
            try site.writeData("briefings/bundle/chart.svg", try Self.image("chart.svg"))
            try await site.build()
            let html = try site.html("briefings/bundle/index.html")
            let hash = ContentHash.hex(try Self.image("chart.svg"))
            #expect(html.contains("<img src=\"chart.\(hash).svg\" alt=\"A chart\" width=\"120\" height=\"80\""))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("briefings/bundle/chart.\(hash).svg").path))
        }
    }

    @Test func checkWarnsAboutLargeAndWideImagesWithTheNumbers() async throws {
        try await withTempSite { site in
            // A PNG header saying 3000 × 2000, padded past the size limit.
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            png += [0, 0, 0x0B, 0xB8, 0, 0, 0x07, 0xD0] + [UInt8](repeating: 0, count: 600 * 1024)
            try site.writeData("briefings/huge.png", Data(png))
            var options = site.options()
            options.outputFolder = nil
            let report = try await SiteBuilder(options: options).build()
            let warnings = report.warnings.filter { $0.location.file == "Content/briefings/huge.png" }.map(\.message)
            #expect(warnings.contains("image is 600 KB, over the 500 KB a page image should be"))
            #expect(warnings.contains("image is 3000 px wide, shown at most 672 px wide (1344 px at double density)"))
        }
    }

    @Test func imagesAreWrittenTheSameByTwoBuilds() async throws {
        try await withTempSite { site in
            try site.writeData("briefings/map.png", try Self.image("map.png"))
            try Self.addToBriefing(site, "![Map](map.png \"Caption\")")
            try await site.build()
            let first = try site.html("briefings/sahel-overview/index.html")
            try await site.build()
            #expect(try site.html("briefings/sahel-overview/index.html") == first)
        }
    }
}
