import Foundation
import Testing

@testable import DossierKit

@Suite("Print edition and its PDF")
struct PrintEditionTests {
    /// A second briefing, first in reading order, citing the sources in the other order
    /// and with a footnote and a heading the first briefing also has.
    static let second = page(
        """
        title: "The law"
        order: 0
        key_points:
          - "Article 127 sets a year [@untc]."
        """,
        "## Background\n\nThe treaty [@untc] and the communiqué [@comm-2025] differ.[^1]\n\n[^1]: A footnote.\n")

    @Test("briefings in reading order, one numbering of sources for the whole document, unique ids")
    func document() async throws {
        try await withTempSite { site in
            try site.write("briefings/the-law.md", Self.second)
            try await site.build()
            let html = try site.html("print/index.html")
            let law = try #require(html.range(of: "id=\"briefing-the-law\""))
            let overview = try #require(html.range(of: "id=\"briefing-sahel-overview\""))
            #expect(law.lowerBound < overview.lowerBound, "order: 0 comes first")
            // untc is cited first (in The law), so it is 1 everywhere; comm-2025 is 2.
            #expect(html.contains("<li id=\"ref-1\" value=\"1\"><span class=\"bib-number\">1.</span> Status of the Rome Statute"))
            #expect(html.contains("<li id=\"ref-2\" value=\"2\"><span class=\"bib-number\">2.</span>"))
            #expect(!html.contains("id=\"ref-3\""), "two sources, each numbered once")
            let overviewPart = String(html[overview.lowerBound...].prefix(3000))
            #expect(overviewPart.contains("href=\"#ref-2\""), "the overview cites comm-2025 by the document's number")
            // Ids made unique per briefing, headings moved under the briefing's title.
            #expect(html.contains("<h3 id=\"briefing-the-law-background\""))
            #expect(html.contains("id=\"briefing-sahel-overview-background\""))
            var ids: [String: Int] = [:]
            var rest = html[...]
            while let start = rest.range(of: " id=\"") {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                ids[String(value), default: 0] += 1
                rest = rest[start.upperBound...]
            }
            #expect(ids.filter { $0.value > 1 }.isEmpty, "duplicate ids: \(ids.filter { $0.value > 1 }.keys.sorted())")
            // Every link to an anchor of the document points at one that exists.
            var targets: Set<String> = []
            rest = html[...]
            while let start = rest.range(of: " href=\"#") {
                targets.insert(String(rest[start.upperBound...].prefix { $0 != "\"" }))
                rest = rest[start.upperBound...]
            }
            #expect(targets.subtracting(ids.keys).isEmpty, "links to missing anchors: \(targets.subtracting(ids.keys).sorted())")
            // The timeline as a table, statuses in words and shapes; entities with their facts.
            #expect(html.contains("<span class=\"status-glyph\" aria-hidden=\"true\">●</span> confirmed"))
            #expect(html.contains("<dt>Capital</dt>"))
            // Links leave the document for the published site; the stylesheet stays relative.
            #expect(html.contains("href=\"https://example.org/test/entities/countries/mali/\""))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/style."))
            #expect(html.contains("Tracker") || html.contains("tracker"))
        }
    }

    @Test("a portable build keeps the document's links relative")
    func portable() async throws {
        try await withTempSite { site in
            var options = site.options()
            options.portable = true
            _ = try await SiteBuilder(options: options).build()
            let html = try site.html("print/index.html")
            #expect(html.contains("href=\"../entities/countries/mali/index.html\""))
            #expect(!html.contains("href=\"https://example.org/test/entities"))
        }
    }

    @Test("templates without the print layout still build, without the page")
    func olderTemplates() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            try FileManager.default.removeItem(at: templates.appendingPathComponent("print.mustache"))
            try FileManager.default.removeItem(at: templates.appendingPathComponent("updates.mustache"))
            try await site.build(templates: templates)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("print/index.html").path))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
        }
    }

    @Test("body ids are prefixed and headings moved down a level; citation links are left alone")
    func scopedBody() {
        let body =
            "<h2 id=\"a\">A</h2><p>x<sup class=\"cite\">[<a href=\"#ref-3\">3</a>]</sup><a href=\"#fn-1\" id=\"fnref-1\">1</a></p><h3>B</h3>"
        #expect(
            PrintEdition.scopedBody(body, prefix: "p")
                == "<h3 id=\"p-a\">A</h3><p>x<sup class=\"cite\">[<a href=\"#ref-3\">3</a>]</sup><a href=\"#p-fn-1\" id=\"p-fnref-1\">1</a></p><h4>B</h4>"
        )
    }

    @Test("the PDF's copy of the page gets the paper size and the document title")
    func paper() {
        let html = "<html><head><title>Print edition · X</title>\n</head><body></body></html>"
        let printed = PDFPrinter.withPaper(html, .letter, title: "X, current to 1 May 2026")
        #expect(printed.contains("<title>X, current to 1 May 2026</title>"))
        #expect(printed.contains("<style>@page { size: letter; }</style>\n</head>"))
    }

    @Test("the dates Chromium stamps become the as-of day, at the same length")
    func stampedDates() throws {
        let pdf = Data(
            "%PDF-1.4\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261205073600+00'00')\n/ModDate (D:20261205073600+00'00')>>\n".utf8)
        let day = try DateParser.parse("2026-11-29")
        let stamped = PDFPrinter.stampDates(pdf, day: day)
        #expect(stamped.count == pdf.count)
        let text = String(decoding: stamped, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20261129000000+00'00')"))
        #expect(text.contains("/ModDate (D:20261129000000+00'00')"))
    }

    @Test("Chromium is found on PATH or named by DOSSIER_CHROMIUM; a wrong name finds none")
    func findsChromium() throws {
        try withTempFolder { folder in
            let fake = folder.appendingPathComponent("chromium")
            try Data("#!/bin/sh\n".utf8).write(to: fake)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
            #expect(PDFPrinter.findChromium(environment: ["PATH": folder.path]) == fake.path)
            #expect(PDFPrinter.findChromium(environment: ["PATH": "/nonexistent"]) == nil)
            #expect(PDFPrinter.findChromium(environment: ["DOSSIER_CHROMIUM": "/nonexistent/chrome", "PATH": folder.path]) == nil)
        }
    }

    @Test("the home page links to the print edition, and to the PDF only when one is made")
    func homeLinks() async throws {
        try await withTempSite { site in
            try await site.build()
            let home = try site.html("index.html")
            #expect(home.contains("<a href=\"print/\">Print edition</a>"))
            #expect(!home.contains("dossier.pdf"))
        }
    }
}
