import Testing

@testable import DossierKit

@Suite("MarkdownDocument references and rewriting")
struct ReferencesTests {
    static let text = """
        Intro [[Mali]] and `[[Niger]]` too.

        ```
        [[Burkina Faso]] [@in-code]
        ```

            [[Indented code]]

        Cite [@a; @b] and [x](../y.md).
        """

    private func document(firstLine: Int = 10) -> MarkdownDocument {
        MarkdownDocument(MarkdownText(text: Self.text, firstLine: firstLine, file: "Content/briefings/x.md"))
    }

    @Test("references() skips code spans and code blocks")
    func referencesSkipCode() {
        let kinds = document().references().map(\.kind)
        #expect(
            kinds == [
                .wikiLink(target: "Mali", fragment: nil, label: nil),
                .citation(ids: ["a", "b"]),
                .link(url: "../y.md"),
            ])
    }

    @Test func referencesHaveFileLocations() {
        let references = document(firstLine: 10).references()
        #expect(references.map(\.location.file) == Array(repeating: "Content/briefings/x.md", count: 3))
        #expect(references.map(\.location.line) == [10, 18, 18])
        #expect(references[0].location.column == 7)
        #expect(references[1].location.column == 6)
    }

    // Columns are counted in characters (SourceText, InlineScanner offsets), while cmark
    // counts the start column of a node after inline markup in UTF-8 bytes; the document
    // converts, so "« Goïta » *said* [[x]]" reports column 18, not 21.
    @Test(arguments: [
        "Goïta said [[Malli]]", "Goita *said* [[Malli]]", "Goïta *said* [[Malli]]", "« Goïta » *said* [[Malli]]",
        "> « Côte d’Ivoire » **et** _Niger_ [[Malli]]",
    ])
    func columnsCountCharacters(line: String) throws {
        let reference = try #require(
            MarkdownDocument(MarkdownText(text: "Intro.\n\n" + line, firstLine: 1, file: "f.md")).references().first)
        let expected = try #require(position(of: "[[Malli]]", in: line)).column
        #expect(reference.location.line == 3)
        #expect(reference.location.column == expected)
    }

    @Test("columns on plain lines, on lines with other characters, and after a CRLF")
    func columnsOnMixedLines() throws {
        let text = "Intro é ç.\n\nGoita *said* [[Malli]], then « x » [[Niger]].\nPlain *again* [[Togo]] and [[Benin]]\nLast « » [[Ghana]]"
        let references = MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "f.md")).references()
        #expect(references.count == 5)
        for (reference, name) in zip(references, ["Malli", "Niger", "Togo", "Benin", "Ghana"]) {
            let expected = try #require(position(of: "[[\(name)]]", in: text))
            #expect(reference.location.line == expected.line, "\(name)")
            #expect(reference.location.column == expected.column, "\(name)")
        }
        let crlf = MarkdownDocument(MarkdownText(text: "Intro é.\r\n\r\nGoita *said* [[Malli]]\r\n", firstLine: 1, file: "f.md"))
        #expect(crlf.references().map(\.location.line) == [3])
        #expect(crlf.references().map(\.location.column) == [14])
    }

    @Test func locationFollowsTheFirstLine() {
        let a = document(firstLine: 1).references().map(\.location.line)
        let b = document(firstLine: 31).references().map(\.location.line)
        #expect(zip(a, b).allSatisfy { $1 - $0 == 30 })
    }

    @Test("rewriting resolves links in text and leaves code literal")
    func rewriteLeavesCodeLiteral() {
        let doc = document()
        var seen: [InlineReference.Kind] = []
        doc.rewrite(allowRawHTML: false) { reference in
            seen.append(reference.kind)
            switch reference.kind {
            case .wikiLink(let target, _, _): return .link(url: "/pages/\(target)", label: target, cssClass: "xref")
            case .citation(let ids): return .html("<sup>\(ids.joined(separator: ","))</sup>")
            case .link, .image: return .url("/resolved/")
            case .wikiLinkWithHTML: return .keep
            }
        }
        let html = doc.renderHTML()
        #expect(seen.count == 3)
        #expect(html.contains("<a class=\"xref\" href=\"/pages/Mali\">Mali</a>"))
        #expect(html.contains("<code>[[Niger]]</code>"))
        #expect(html.contains("[[Burkina Faso]] [@in-code]"))
        #expect(html.contains("[[Indented code]]"))
        #expect(!html.contains("/pages/Niger"))
        #expect(!html.contains("/pages/Burkina"))
        #expect(html.contains("<sup>a,b</sup>"))
        #expect(html.contains("<a href=\"/resolved/\">x</a>"))
    }

    @Test func keptReferencesStayAsWritten() {
        let doc = MarkdownDocument(MarkdownText(text: "See [[Mali]] [@a].", firstLine: 1, file: "f.md"))
        doc.rewrite(allowRawHTML: false) { _ in .keep }
        #expect(doc.renderHTML() == "<p>See [[Mali]] [@a].</p>\n")
    }

    @Test func linkLabelsAndURLsAreEscaped() {
        let doc = MarkdownDocument(MarkdownText(text: "See [[x]].", firstLine: 1, file: "f.md"))
        doc.rewrite(allowRawHTML: false) { _ in .link(url: "a\"b<c", label: "<i>x</i> & y", cssClass: "xref") }
        let html = doc.renderHTML()
        #expect(html.contains("href=\"a&quot;b&lt;c\""))
        #expect(html.contains("&lt;i&gt;x&lt;/i&gt; &amp; y"))
        #expect(!html.contains("<i>"))
    }

    @Test func linksInsideEmphasisAndListsAreFound() {
        let text = "- *See [[Mali]]*\n- **[[Niger|N]]** [@s]\n\n> Quote [[AES]].\n"
        let kinds = MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "f.md")).references().map(\.kind)
        #expect(
            kinds == [
                .wikiLink(target: "Mali", fragment: nil, label: nil),
                .wikiLink(target: "Niger", fragment: nil, label: "N"),
                .citation(ids: ["s"]),
                .wikiLink(target: "AES", fragment: nil, label: nil),
            ])
    }

    @Test func referenceContextIsItsSentence() throws {
        let text = "Niger left first. The junta in [[Mali]] announced it on 22 September 2025 [@a]. Others followed."
        let reference = try #require(MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "f.md")).references().first)
        #expect(reference.context == "The junta in Mali announced it on 22 September 2025.")
    }

    @Test func imagesAreReferencesWithAltTitleAndPlace() {
        let kinds = MarkdownDocument(
            MarkdownText(text: "Intro.\n\n![A *map*](map.png \"Caption\")\n\nSee ![x](y.png) inline.", firstLine: 1, file: "f.md")
        )
        .references().map(\.kind)
        #expect(
            kinds == [
                .image(ImageReference(url: "map.png", alt: "A map", title: "Caption", standalone: true, line: 3)),
                .image(ImageReference(url: "y.png", alt: "x", title: "", standalone: false, line: 5)),
            ])
    }

    @Test func tokensInsideAnImageAreItsAltTextNotReferences() {
        let kinds = MarkdownDocument(MarkdownText(text: "![[[Mali]] [@src] [l](x.md)](m.png)", firstLine: 1, file: "f.md")).references()
            .map(\.kind)
        #expect(kinds.count == 1)
        guard case .image(let image) = kinds.first else { Issue.record("not an image"); return }
        #expect(image.alt.contains("[[Mali]]"))
    }
}
