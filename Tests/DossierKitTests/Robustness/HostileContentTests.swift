import Foundation
import Testing

@testable import DossierKit

extension Robustness {
    /// Content a real folder may hold by accident: binary files, symlink loops, odd file
    /// names, empty files, and crafted text. Each failing case checks the exact diagnostics
    /// and that the output of the previous good build is left byte for byte.
    @Suite("Hostile content")
    struct HostileContent {
        static let utf8Hint = "save the file as UTF-8; binary files belong in Templates/assets/, not Content/"
        static let nonMarkdownHint =
            "images (PNG, JPEG, GIF, WebP, SVG) go beside the page that shows them; other assets in Templates/assets/"

        /// Builds the fixture, applies `change`, and expects the build to fail with exactly
        /// `expected` (as printed) while the previous output stays byte-identical.
        private func failsKeepingOutput(
            _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation,
            _ change: (TempSite) throws -> Void
        ) async throws {
            try await withTempSite { site in
                try await site.build()
                let before = try snapshot(site.output)
                #expect(before.count > 10)
                try change(site)
                let printed = await site.failingBuildDescriptions()
                #expect(printed == expected, sourceLocation: sourceLocation)
                expectSameTree(try snapshot(site.output), before, "previous output", sourceLocation: sourceLocation)
                #expect(try site.leftovers().isEmpty, sourceLocation: sourceLocation)
            }
        }

        /// `count` bytes from a fixed seed: the same "random" file on every run.
        static func seededBytes(_ count: Int, seed: UInt64) -> Data {
            var generator = SplitMix64(seed: seed)
            return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }

        /// The first bytes of a PNG file: 0x89 is not a valid first byte of UTF-8.
        static let pngHeader = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])

        // MARK: binary files

        @Test("a PNG saved as .md: a located UTF-8 error, previous output kept")
        func pngNamedMarkdown() async throws {
            try await failsKeepingOutput([
                "Content/briefings/photo.md:1:1: error: file is not valid UTF-8 text\n    hint: \(Self.utf8Hint)"
            ]) { site in
                try site.writeData("briefings/photo.md", Self.pngHeader + Self.seededBytes(4096, seed: 1))
            }
        }

        @Test("random bytes saved as .md: a located UTF-8 error, previous output kept")
        func randomBytesNamedMarkdown() async throws {
            // 64 KiB from seed 2; the first invalid byte decides the line and column.
            let bytes = Self.seededBytes(65536, seed: 2)
            try await failsKeepingOutput([
                "Content/entities/countries/x.md:1:1: error: file is not valid UTF-8 text\n    hint: \(Self.utf8Hint)"
            ]) { site in
                try site.writeData("entities/countries/x.md", bytes)
            }
        }

        @Test("text after valid lines, then a binary tail: the error is on the line of the first bad byte")
        func binaryTailAfterText() async throws {
            try await failsKeepingOutput([
                "Content/entities/countries/x.md:4:7: error: file is not valid UTF-8 text\n    hint: \(Self.utf8Hint)"
            ]) { site in
                try site.writeData(
                    "entities/countries/x.md",
                    Data("---\ntitle: X\n---\nGoïta ".utf8) + Self.pngHeader + Self.seededBytes(1024, seed: 3))
            }
        }

        @Test("a UTF-16 file (valid UTF-8 bytes with NULs): reported as binary at the first NUL")
        func utf16File() async throws {
            let utf16 = "---\ntitle: X\n---\n".data(using: .utf16LittleEndian)!
            try await failsKeepingOutput([
                "Content/briefings/utf16.md:1:2: error: file contains a NUL byte and looks binary\n    hint: only Markdown (.md) and YAML files belong in Content/"
            ]) { site in
                try site.writeData("briefings/utf16.md", utf16)
            }
        }

        @Test("a binary site.yml: a located error, previous output kept")
        func binarySiteFile() async throws {
            try await failsKeepingOutput([
                "Content/site.yml:1:1: error: file is not valid UTF-8 text\n    hint: \(Self.utf8Hint)"
            ]) { site in
                try site.writeData("site.yml", Self.pngHeader)
            }
        }

        @Test("a PNG header followed by noise gives an impossible size: an error at the file")
        func noiseAfterAPNGHeader() async throws {
            try await failsKeepingOutput([
                "Content/entities/countries/flag.png:1:1: error: PNG file gives no usable width and height\n    hint: save it again as PNG, or give it the extension of its real format"
            ]) { site in
                try site.writeData("entities/countries/flag.png", Self.pngHeader + Self.seededBytes(2048, seed: 4))
            }
        }

        @Test("binary files with other names are ignored with a warning and not published")
        func binaryNonMarkdownFiles() async throws {
            try await withTempSite { site in
                try site.writeData("entities/countries/flag.tiff", Self.pngHeader + Self.seededBytes(2048, seed: 4))
                try site.writeData("data.bin", Self.seededBytes(2048, seed: 5))
                try site.writeData("briefings/notes", Self.seededBytes(100, seed: 6))  // no extension at all
                let report = try await site.build()
                #expect(
                    report.diagnostics.map(\.description).sorted() == [
                        "Content/briefings/notes:1:1: warning: file is not Markdown, an image or GeoJSON, and is ignored\n    hint: \(Self.nonMarkdownHint)",
                        "Content/data.bin:1:1: warning: file is not Markdown, an image or GeoJSON, and is ignored\n    hint: \(Self.nonMarkdownHint)",
                        "Content/entities/countries/flag.tiff:1:1: warning: file is not Markdown, an image or GeoJSON, and is ignored\n    hint: \(Self.nonMarkdownHint)",
                    ])
                let files = try snapshot(site.output)
                #expect(!files.keys.contains { $0.hasSuffix("flag.tiff") || $0.hasSuffix("data.bin") || $0.hasSuffix("notes") })
                #expect(files["entities/countries/mali/index.html"] != nil)
            }
        }

        @Test("a named pipe called x.md is an error, not a hang")
        func fifoNamedMarkdown() async throws {
            try await failsKeepingOutput(["Content/briefings/pipe.md:1:1: error: cannot read file"]) { site in
                let path = site.content.appendingPathComponent("briefings/pipe.md").path
                #expect(mkfifo(path, 0o644) == 0)
            }
        }

        @Test("CRLF before a line that starts with a combining mark: errors keep their line")
        func crlfBeforeCombiningMark() async throws {
            // Found by fuzzing: the CRLF ending line 4 used to become two line breaks.
            let lines = ["---", "title: \"CRLF\"", "---", "", "\u{0301} starts with a mark.", "", "See [[Malli]]."]
            try await failsKeepingOutput([
                "Content/briefings/crlf.md:7:5: error: unknown page 'Malli' in wiki link\n    hint: did you mean 'Mali'?"
            ]) { site in
                try site.write("briefings/crlf.md", lines.joined(separator: "\r\n") + "\r\n")
            }
        }

        // MARK: symbolic links

        static let loopWarning =
            "warning: folder is reached twice through a symbolic link and is read once\n    hint: remove the symbolic link loop"

        @Test(
            "a folder symlink back up the tree: the build ends, warns once, and reads each page once",
            arguments: [("entities/countries/up", ".."), ("entities/here", "."), ("briefings/content", "..")])
        func symlinkLoop(link: String, destination: String) async throws {
            try await withTempSite { site in
                let plain = try await site.build()
                let before = try snapshot(site.output)
                try FileManager.default.createSymbolicLink(
                    atPath: site.content.appendingPathComponent(link).path, withDestinationPath: destination)
                let report = try await site.build()
                #expect(report.diagnostics.map(\.description) == ["Content/\(link):1:1: \(Self.loopWarning)"])
                #expect(report.pageCount == plain.pageCount)
                // The loop changes nothing in the site.
                expectSameTree(try snapshot(site.output), before, "site built with a symlink loop")
            }
        }

        @Test("two symlinks pointing at each other: ignored with a warning")
        func symlinkCycleOfLinks() async throws {
            try await withTempSite { site in
                let folder = site.content.appendingPathComponent("entities")
                try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a").path, withDestinationPath: "b")
                try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b").path, withDestinationPath: "a")
                let report = try await site.build()
                #expect(
                    report.diagnostics.map(\.description) == [
                        "Content/entities/a:1:1: warning: symbolic link loop is ignored",
                        "Content/entities/b:1:1: warning: symbolic link loop is ignored",
                    ])
            }
        }

        @Test("a symlink out of Content/ to the project folder is not walked into the output")
        func symlinkToProjectFolder() async throws {
            try await withTempSite { site in
                try await site.build()
                try FileManager.default.createSymbolicLink(
                    atPath: site.content.appendingPathComponent("up").path, withDestinationPath: "..")
                let report = try await site.build()
                #expect(
                    report.diagnostics.map(\.description) == [
                        "Content/up:1:1: warning: folder link points outside the content folder and is ignored\n    hint: copy the files into the content folder instead"
                    ])
            }
        }

        // MARK: file names

        @Test(
            "file names with spaces, apostrophes and accents: slug as documented, reachable every way",
            arguments: ["Côte d'Ivoire", "Co\u{0302}te d'Ivoire", "Côte d’Ivoire"])
        func fileNameWithSpacesAndAccents(stem: String) async throws {
            try await withTempSite { site in
                try site.write(
                    "entities/countries/\(stem).md",
                    page("title: \"Côte d'Ivoire\"\nkind: country\nsummary: \"A coastal state.\"", "Côte d'Ivoire borders [[Mali]]."))
                try site.write("sources/UN Treaty Collection 2025.md", page("title: \"UNTC\"\npublisher: \"UN\"\nkind: reference"))
                try site.edit(
                    "briefings/sahel-overview.md", replacing: "Others followed.",
                    with:
                        "Others followed: [[Côte d'Ivoire]], [[cote-d-ivoire]], [[COTE D'IVOIRE|the coast]] [@un-treaty-collection-2025], "
                        + "[CI](<../entities/countries/\(stem).md>) and "
                        + "[CI again](../entities/countries/\(stem.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!).md).")
                let report = try await site.build()
                #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
                let entity = try #require(report.catalog?.entities.first { $0.header.title.value == "Côte d'Ivoire" })
                #expect(entity.header.slug == "cote-d-ivoire")
                #expect(entity.header.file == "Content/entities/countries/\(stem).md")
                #expect(report.catalog?.sources.map(\.id).contains("un-treaty-collection-2025") == true)
                let html = try site.html("briefings/sahel-overview/index.html")
                #expect(html.components(separatedBy: "href=\"../../entities/countries/cote-d-ivoire/\"").count - 1 == 5)
                #expect(try site.html("entities/countries/cote-d-ivoire/index.html").contains("<h1>Côte d&#39;Ivoire</h1>"))
            }
        }

        @Test("a file name with no letters or digits is an error naming it")
        func fileNameWithoutSlug() async throws {
            try await failsKeepingOutput([
                "Content/entities/countries/日本.md:1:1: error: file name '日本' gives an empty slug\n    hint: use letters or digits in the file name"
            ]) { site in
                try site.write("entities/countries/日本.md", page("title: \"Japan\"\nkind: country"))
            }
        }

        // MARK: empty files

        @Test(
            "empty and nearly empty files are located errors, previous output kept",
            arguments: [
                ("", "file has no front matter", "start the file with '---', a 'title: ...' line and '---'"),
                ("\u{FEFF}", "file has no front matter", "start the file with '---', a 'title: ...' line and '---'"),
                ("\n\n  \n", "file has no front matter", "start the file with '---', a 'title: ...' line and '---'"),
                ("---\n", "front matter is not closed", "end the front matter with a line holding only '---'"),
                ("---", "front matter is not closed", "end the front matter with a line holding only '---'"),
                ("---\n---\n", "missing required field 'title'", "add 'title: ...' to the front matter"),
                ("---\n---", "missing required field 'title'", "add 'title: ...' to the front matter"),
            ])
        func emptyFiles(text: String, message: String, hint: String) async throws {
            try await failsKeepingOutput(["Content/briefings/empty.md:1:1: error: \(message)\n    hint: \(hint)"]) { site in
                try site.write("briefings/empty.md", text)
            }
        }

        @Test(
            "a file with only front matter (no body, no final newline) builds",
            arguments: ["briefings/brief.md", "entities/people/only.md", "events/only.md"])
        func onlyFrontMatter(path: String) async throws {
            try await withTempSite { site in
                let yaml: String
                switch path.split(separator: "/").first {
                case "briefings": yaml = "title: \"Only front matter\""
                case "entities": yaml = "title: \"Only front matter\"\nkind: person"
                default: yaml = "title: \"Only front matter\"\ndate: \"2025-09-23\"\nstatus: reported\nsources: [untc]"
                }
                try site.write(path, "---\n\(yaml)\n---")
                let report = try await site.build()
                #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
                let slug = path.split(separator: "/").last!.dropLast(3)
                let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                let html = try site.html("\(folder)/\(slug)/index.html")
                #expect(html.contains("<h1>Only front matter</h1>"))
            }
        }

        // MARK: injection

        @Test("HTML in a wiki-link label never becomes markup; plain text labels are escaped")
        func wikiLinkLabelInjection() async throws {
            try await withTempSite { site in
                try site.edit(
                    "briefings/sahel-overview.md", replacing: "Others followed.",
                    with:
                        "Others followed [[Mali|<img src=x onerror=alert(1)>]], [[Niger|\"><script>alert(2)</script>]] and [[Mali|1 < 2 & 3 > 2]]."
                )
                let report = try await site.build()
                let pages = try htmlFiles(site.output)
                for (path, html) in pages {
                    #expect(!html.contains("<img src=x"), "active img in \(path)")
                    #expect(!html.contains("<script>alert"), "active script in \(path)")
                }
                let briefing = try #require(pages["briefings/sahel-overview/index.html"])
                // cmark-gfm reads '<img …>' and '<script>' as inline HTML, which splits the
                // wiki link: the text is shown escaped, and no link is made.
                #expect(
                    briefing.contains(
                        "Others followed [[Mali|&lt;img src=x onerror=alert(1)&gt;]], [[Niger|”&gt;&lt;script&gt;alert(2)&lt;/script&gt;]] and "
                    ))
                // A label with '<', '&' and '>' that is not HTML becomes an escaped link label.
                #expect(briefing.contains("<a class=\"xref\" href=\"../../entities/countries/mali/\">1 &lt; 2 &amp; 3 &gt; 2</a>."))
                // …and the author hears of it, at the link.
                #expect(
                    report.diagnostics.map(\.message)
                        == Array(repeating: "HTML inside a wiki link: no link is made, and the text is shown as written", count: 2))
                #expect(
                    report.diagnostics.allSatisfy { $0.severity == .warning && $0.location.file == "Content/briefings/sahel-overview.md" })
            }
        }

        @Test(
            "a javascript: URL in a source's url is a located error",
            arguments: ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,<script>x</script>", "//evil.example/x"])
        func sourceURLInjection(url: String) async throws {
            try await failsKeepingOutput([
                "Content/sources/comm-2025.md:5:7: error: source URL must start with http:// or https://\n    hint: other schemes (javascript:, data:, file:) are refused"
            ]) { site in
                try site.edit("sources/comm-2025.md", replacing: "\"https://example.org/communique\"", with: "\"\(url)\"")
            }
        }
    }
}
