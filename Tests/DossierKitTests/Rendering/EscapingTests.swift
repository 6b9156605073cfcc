import Foundation
import Testing

@testable import DossierKit

@Suite("Escaping of author text")
struct EscapingTests {
    static let script = "<script>alert(1)</script>"

    @Test func htmlEscape() {
        #expect(HTML.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.escape("Goïta — ok") == "Goïta — ok")
    }

    @Test("the word-at-a-time search finds every special byte, at every position")
    func specialBytesAreFoundAnywhere() {
        // Each special byte (and a harmless neighbour of each) at every offset of texts
        // long enough for several words and a tail, among ASCII and multi-byte letters.
        let fillers: [[UInt8]] = [Array("abcdefghijklmnopqrstuvw".utf8), Array("Goïta — Niamey, Bamako".utf8)]
        for filler in fillers {
            #expect(!filler.withUnsafeBufferPointer { HTML.containsSpecial($0, apostrophes: true) })
            for byte: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x25, 0x3D, 0x3F, 0x21, 0x28, 0xA6, 0xBC] {
                for position in filler.indices {
                    var bytes = filler
                    bytes[position] = byte
                    for apostrophes in [true, false] {
                        let expected = bytes.contains { [0x26, 0x3C, 0x3E, 0x22].contains($0) || (apostrophes && $0 == 0x27) }
                        let found = bytes.withUnsafeBufferPointer { HTML.containsSpecial($0, apostrophes: apostrophes) }
                        #expect(found == expected, "byte \(byte) at \(position), apostrophes: \(apostrophes)")
                    }
                }
            }
        }
        #expect(!HTML.containsSpecial(UnsafeBufferPointer(start: nil, count: 0), apostrophes: true))
    }

    @Test("a script in a title is escaped on every page")
    func scriptInTitlesIsEscapedEverywhere() async throws {
        try await withTempSite { site in
            // An entity with relations (graph SVG, relation lists), linked by slug (xref label),
            // a briefing title (lists, backlinks), an event title (timeline) and a summary.
            try site.edit("entities/countries/niger.md", replacing: "title: \"Niger\"", with: "title: \"\(Self.script)\"")
            try site.edit(
                "entities/countries/niger.md", replacing: "summary: \"A West", with: "summary: \"<img src=x onerror=alert(2)> A West")
            try site.edit(
                "briefings/sahel-overview.md", replacing: "title: \"Sahel overview\"", with: "title: \"Sahel <script>alert(3)</script>\"")
            try site.edit("briefings/sahel-overview.md", replacing: "\"[[Niger]] joined", with: "\"[[niger]] joined")
            try site.edit("events/2025-09-22-aes-announces-withdrawal.md", replacing: "[Mali, Niger]", with: "[Mali, niger]")
            try site.edit(
                "events/2025-09-22-aes-announces-withdrawal.md",
                replacing: "title: \"The AES states announce their withdrawal\"", with: "title: \"AES <script>alert(4)</script>\"")
            try site.edit("index.md", replacing: "Start with [[Sahel overview]].", with: "Start with [[sahel-overview]].")
            try await site.build()
            let pages = try htmlFiles(site.output)
            #expect(pages.count > 10)
            for (path, html) in pages {
                #expect(!html.contains("<script>alert"), "active script in \(path)")
                #expect(!html.contains("<img src=x"), "active img in \(path)")
            }
            let niger = try #require(pages["entities/countries/niger/index.html"])
            #expect(niger.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            #expect(niger.contains("&lt;img src=x onerror=alert(2)&gt;"))
            let briefing = try #require(pages["briefings/sahel-overview/index.html"])
            #expect(briefing.contains("&lt;script&gt;alert(1)&lt;/script&gt;</a>"))  // the xref label
            #expect(briefing.contains("<h1>Sahel &lt;script&gt;alert(3)&lt;/script&gt;</h1>"))
            #expect(try #require(pages["timeline/index.html"]).contains("AES &lt;script&gt;alert(4)&lt;/script&gt;"))
        }
    }

    @Test func rawHTMLInBodiesIsTextByDefault() async throws {
        try await withTempSite { site in
            try site.edit(
                "entities/countries/mali.md", replacing: "Mali ratified",
                with: "<script>alert(5)</script>\n\nMali <b onclick=\"x()\">ratified</b>")
            try await site.build()
            let html = try site.html("entities/countries/mali/index.html")
            #expect(!html.contains("<script>alert(5)"))
            #expect(!html.contains("<b onclick"))
            #expect(html.contains("&lt;script&gt;alert(5)&lt;/script&gt;"))
        }
    }

    @Test func rawHTMLPassesWhenTheSiteAllowsIt() async throws {
        try await withTempSite { site in
            try site.write("site.yml", try site.read("site.yml") + "allow_raw_html: true\n")
            try site.edit(
                "entities/countries/mali.md", replacing: "Mali ratified", with: "<aside class=\"note\">Note</aside>\n\nMali <b>ratified</b>"
            )
            try await site.build()
            let html = try site.html("entities/countries/mali/index.html")
            #expect(html.contains("<aside class=\"note\">Note</aside>"))
            #expect(html.contains("Mali <b>ratified</b>"))
        }
    }
}
