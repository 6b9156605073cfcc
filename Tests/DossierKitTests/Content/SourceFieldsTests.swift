import Foundation
import Testing

@testable import DossierKit

private func parseSource(_ yaml: String) -> (Source?, [Diagnostic]) {
    let (document, diagnostics) = DocumentParser.parse(
        text: "---\ntitle: A report\npublisher: P\nkind: news-report\n\(yaml)\n---\n", relativePath: "sources/x.md",
        file: "Content/sources/x.md")
    guard case .source(let source) = document else { return (nil, diagnostics) }
    return (source, diagnostics)
}

@Suite("Source fields: accessed, archive_url, original_gone, reliability")
struct SourceFieldsTests {
    @Test func readsEveryField() throws {
        let (source, diagnostics) = parseSource(
            """
            url: "https://example.org/a"
            accessed: "2026-12-05"
            archive_url: "https://web.archive.org/web/2025/https://example.org/a"
            original_gone: true
            reliability: national-press
            language: fr
            """)
        #expect(diagnostics.isEmpty)
        let read = try #require(source)
        #expect(read.accessed == (try DateParser.parse("2026-12-05")))
        #expect(read.archiveURL == "https://web.archive.org/web/2025/https://example.org/a")
        #expect(read.originalGone)
        #expect(read.reliability == .nationalPress)
        #expect(read.language == "fr")
        #expect(read.urlLocation == SourceLocation(file: "Content/sources/x.md", line: 5, column: 7))
    }

    @Test func aBadAccessedDateIsALocatedError() {
        let (source, diagnostics) = parseSource("accessed: \"2026-02-30\"")
        #expect(source == nil)
        let error = diagnostics.first(containing: "invalid date")
        #expect(error?.severity == .error)
        #expect(error?.location.line == 5)
        #expect(error?.location.column ?? 0 >= 12)
    }

    @Test func aBadArchiveURLIsALocatedError() {
        let (source, diagnostics) = parseSource("archive_url: \"javascript:alert(1)\"")
        #expect(source == nil)
        let error = diagnostics.first(containing: "must start with http")
        #expect(error?.severity == .error)
        #expect(error?.location == SourceLocation(file: "Content/sources/x.md", line: 5, column: 15))
    }

    @Test func anUnknownReliabilityIsAWarningWithASuggestion() throws {
        let (source, diagnostics) = parseSource("reliability: wires")
        #expect(try #require(source).reliability == nil)
        let warning = diagnostics.first(containing: "unknown source reliability 'wires'")
        #expect(warning?.severity == .warning)
        #expect(warning?.location.line == 5)
        #expect(warning?.hint?.contains("did you mean 'wire'?") == true)
    }

    @Test func originalGoneWithoutAnArchiveIsAnError() {
        let (source, diagnostics) = parseSource("url: \"https://example.org/a\"\noriginal_gone: true")
        #expect(source == nil)
        #expect(diagnostics.first(containing: "no 'archive_url'")?.location.line == 6)
    }

    @Test func aSourcePageShowsTheFieldsAndLinksTheArchiveWhenTheOriginalIsGone() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", "title: T\nas_of: \"2026-12-05\"\n")
            try site.write("index.md", page("title: Home", "Cites [@live] and [@gone]."))
            try site.write(
                "sources/live.md",
                page(
                    """
                    title: Live report
                    publisher: Wire
                    kind: news-report
                    url: "https://example.org/live"
                    archive_url: "https://web.archive.org/web/2025/https://example.org/live"
                    accessed: "2026-12-01"
                    reliability: wire
                    """))
            try site.write(
                "sources/gone.md",
                page(
                    """
                    title: Gone report
                    publisher: Paper
                    kind: news-report
                    url: "https://example.org/gone"
                    archive_url: "https://web.archive.org/web/2025/https://example.org/gone"
                    original_gone: true
                    reliability: partisan-outlet
                    """))
            try await site.build()
            // Each source's own page shows its fields; the index, its reliability.
            let liveEntry = try site.html("sources/live/index.html")
            let goneEntry = try site.html("sources/gone/index.html")
            #expect(try site.html("sources/index.html").contains(">Partisan outlet</span>"))
            #expect(liveEntry.contains(">Wire</span>"))
            #expect(liveEntry.contains("href=\"https://example.org/live\""))
            #expect(liveEntry.contains(">archived copy</a>"))
            #expect(liveEntry.contains("accessed 1 December 2026"))
            #expect(goneEntry.contains(">Partisan outlet</span>"))
            #expect(goneEntry.contains("href=\"https://web.archive.org/web/2025/https://example.org/gone\""))
            #expect(!goneEntry.contains("href=\"https://example.org/gone\""))
            #expect(goneEntry.contains("is no longer online"))
        }
    }
}
