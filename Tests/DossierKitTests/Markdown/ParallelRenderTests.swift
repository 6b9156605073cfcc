import Testing

@testable import DossierKit

/// cmark-gfm keeps unguarded globals (extension registry, inline special characters);
/// rendering many documents at once must give exactly what rendering one by one gives.
@Suite("Parallel Markdown rendering")
struct ParallelRenderTests {
    static func corpus(count: Int = 200) -> [String] {
        (0..<count).map { i in
            var text = "# Document \(i)\n\n"
            text += "Paragraph with ~~struck \(i)~~ text, a link to https://example.org/doc/\(i) and www.site\(i % 7).org.\n\n"
            text += "| Column A | Column B | Number |\n|:---|:---:|---:|\n"
            for row in 0..<(i % 5 + 1) { text += "| row \(row) | ~~x~~ | \(i * row) |\n" }
            text += "\n- [ ] task \(i)\n- [x] done\n\n"
            text += "A footnote[^n\(i)] and \"quotes\" -- and [[Page \(i % 13)]] [@src-\(i % 3)].\n\n[^n\(i)]: Note \(i).\n"
            if i % 4 == 0 { text += "\n```swift\nlet x = \(i) // [[not a link]]\n```\n" }
            return text
        }
    }

    static func render(_ text: String) -> String {
        let document = MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "doc.md"))
        document.rewrite(allowRawHTML: false) { reference in
            if case .wikiLink(let target, _, _) = reference.kind {
                return .link(url: "/\(Slug.make(target))/", label: target, cssClass: "xref")
            }
            return .keep
        }
        return document.renderHTML()
    }

    static func scan(_ text: String) -> [String] {
        MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "doc.md")).references().map {
            "\($0.kind)@\($0.location.line):\($0.location.column)"
        }
    }

    @Test func parallelRenderEqualsSerialRender() async {
        let texts = Self.corpus()
        let serial = texts.map(Self.render)
        // Sanity: the corpus exercises every extension under test.
        #expect(serial.allSatisfy { $0.contains("<table>") && $0.contains("<del>") && $0.contains("<a href=\"https://example.org/doc/") })
        #expect(serial.allSatisfy { $0.contains("class=\"footnotes\"") && $0.contains("type=\"checkbox\"") })
        for round in 0..<3 {
            let parallel = await Parallel.map(texts) { Self.render($0) }
            #expect(parallel.count == serial.count)
            for (index, (a, b)) in zip(parallel, serial).enumerated() where a != b {
                Issue.record("round \(round): document \(index) differs between parallel and serial rendering")
            }
        }
    }

    @Test func parallelReferencesEqualSerialReferences() async {
        let texts = Self.corpus()
        let serial = texts.map(Self.scan)
        let parallel = await Parallel.map(texts) { Self.scan($0) }
        #expect(parallel == serial)
    }

    @Test func parallelMapKeepsOrder() async {
        let items = Array(0..<1_000)
        #expect(await Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(await Parallel.map([Int]()) { $0 }.isEmpty)
        #expect(await Parallel.map([7]) { $0 + 1 } == [8])
    }
}
