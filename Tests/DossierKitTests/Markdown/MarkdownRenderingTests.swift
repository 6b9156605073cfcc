import Testing

@testable import DossierKit

@Suite("Markdown rendering (cmark-gfm)")
struct MarkdownRenderingTests {
    @Test func tableRendersAsTable() {
        let html = renderMarkdown("| State | Joined |\n|---|---:|\n| Mali | 2000 |\n| Niger | 2002 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>State</th>"))
        #expect(html.contains("<td>Mali</td>"))
        #expect(html.contains("<td align=\"right\">2002</td>"))
        #expect(!html.contains("|---|"))
    }

    @Test func footnoteRendersInAFootnotesSection() {
        let html = renderMarkdown("The date is disputed[^d].\n\n[^d]: Two sources differ.\n")
        #expect(html.contains("<section class=\"footnotes\""))
        #expect(html.contains("href=\"#fn-d\""))
        #expect(html.contains("Two sources differ."))
        #expect(!html.contains("[^d]"))
    }

    @Test func strikethroughRendersAsDel() {
        #expect(renderMarkdown("It was ~~2024~~ 2025.").contains("<del>2024</del>"))
    }

    @Test func autolinksBareURLs() {
        let html = renderMarkdown("See https://example.org/report and www.example.com today.")
        #expect(html.contains("<a href=\"https://example.org/report\">https://example.org/report</a>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func taskListRendersCheckboxes() {
        let html = renderMarkdown("- [ ] notification received\n- [x] announcement made\n")
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" /> notification received"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> announcement made"))
    }

    @Test func smartPunctuation() {
        let html = renderMarkdown("\"Quoted\" -- it's --- done...")
        #expect(html.contains("“Quoted” – it’s — done…"))
        #expect(!html.contains("&quot;"))
    }

    @Test("repeated headings get unique ids and an anchor link")
    func headingIDs() {
        let html = renderMarkdown("## Background\n\nFirst.\n\n## Background\n\nSecond.\n\n### Article 127(1)\n")
        #expect(html.contains("<h2 id=\"background\">Background <a class=\"anchor\" href=\"#background\""))
        #expect(html.contains("<h2 id=\"background-1\">Background <a class=\"anchor\" href=\"#background-1\""))
        #expect(html.contains("<h3 id=\"article-127-1\">"))
    }

    @Test func headingsListMatchesRenderedIDs() {
        let text = "# Title\n\n## Background\n\n## Background\n\n## Background 1\n\n## Goïta’s *role*\n"
        let document = MarkdownDocument(MarkdownText(text: text, firstLine: 5, file: "f.md"))
        let headings = document.headings()
        #expect(headings.map(\.id) == ["title", "background", "background-1", "background-1-1", "goita-s-role"])
        #expect(headings.map(\.text) == ["Title", "Background", "Background", "Background 1", "Goïta’s role"])
        #expect(headings.map(\.level) == [1, 2, 2, 2, 2])
        #expect(headings.map(\.line) == [5, 7, 9, 11, 13])
        #expect(Set(headings.map(\.id)).count == headings.count)
        let html = renderMarkdown(text)
        for heading in headings { #expect(html.contains("id=\"\(heading.id)\"")) }
    }

    @Test func headingWithInlineMarkupKeepsIt() {
        let html = renderMarkdown("## The *new* court\n")
        #expect(html.contains("<h2 id=\"the-new-court\">The <em>new</em> court <a class=\"anchor\""))
    }

    @Test("raw HTML is shown as text unless the site allows it")
    func rawHTMLEscapedByDefault() {
        let text = "Hi <script>alert(1)</script> there.\n\n<script>\nalert(2)\n</script>\n\n<div class=\"box\">raw</div>\n"
        let html = renderMarkdown(text, allowRawHTML: false)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;div class=&quot;box&quot;&gt;raw&lt;/div&gt;"))
    }

    @Test func rawHTMLPassesWhenAllowed() {
        let html = renderMarkdown("A <span class=\"x\">span</span>.\n\n<div class=\"box\">raw</div>\n", allowRawHTML: true)
        #expect(html.contains("<span class=\"x\">span</span>"))
        #expect(html.contains("<div class=\"box\">raw</div>"))
    }

    // README: with allow_raw_html, GFM's tagfilter still disables <script>, <iframe>,
    // <style> and the other tags GitHub filters: opting in to layout HTML is not opting
    // in to running code in readers' browsers.
    @Test func tagfilterStillDisablesScriptWhenRawHTMLIsAllowed() {
        let html = renderMarkdown(
            "<script>\nwindow.x = 1;\n</script>\n\nInline <script>y()</script> and <iframe src=\"x\"></iframe>.\n", allowRawHTML: true)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<iframe"))
        #expect(html.contains("&lt;script>y()&lt;/script>"))
        #expect(html.contains("&lt;iframe src=\"x\">"))
    }

    @Test func inlineRenderingDropsTheParagraph() {
        let document = MarkdownDocument(inline: "1998 *Rome*", at: SourceLocation(file: "f.md", line: 3))
        #expect(document.renderInlineHTML() == "1998 <em>Rome</em>")
        let two = MarkdownDocument(inline: "a\n\nb", at: SourceLocation(file: "f.md"))
        #expect(two.renderInlineHTML().contains("<p>a</p>"))
    }

    @Test func plainTextIsWhatAReaderSees() {
        let document = MarkdownDocument(MarkdownText(text: "## Head\n\nSome *em* and `code`.\n", firstLine: 1, file: "f.md"))
        let text = document.plainText()
        #expect(text.contains("Head"))
        #expect(text.contains("Some em and code."))
        #expect(!text.contains("*"))
    }

    @Test("plain text is read exactly, and every node's byte count agrees with its text")
    func plainTextExactlyAndItsByteCounts() {
        let markdown = """
            ## Goïta’s *junta*

            Some *em*, **strong** and `code`;
            a soft break, then a [link](https://example.org) — with ~~strike~~.

            - one
            - twö

            ```
            let x = 1
            ```

            | a | b |
            |---|---|
            | é | ç |
            """
        let document = MarkdownDocument(MarkdownText(text: markdown, firstLine: 1, file: "f.md"))
        #expect(
            document.plainText()
                == "Goïta’s junta Some em, strong and code; a soft break, then a link — with strike. one  twö  let x = 1\n abéç")
        var nodes = 0
        document.walk(document.root) { node in
            nodes += 1
            #expect(MarkdownDocument.plainTextByteCount(of: node) == MarkdownDocument.plainText(of: node).utf8.count)
            #expect(MarkdownDocument.plainTextBytes(of: node) == Array(MarkdownDocument.plainText(of: node).utf8))
        }
        #expect(nodes > 20)
    }
}
