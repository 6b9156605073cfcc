import Testing

@testable import DossierKit

/// Markdown rendered while linking, with gaps filled when a page shows it, must come
/// out exactly as rewriting and rendering the tree with the same decisions does.
@Suite("Markdown rendered ahead")
struct PreparedMarkdownTests {
    /// Decisions that exercise every kind of replacement and the characters cmark-gfm escapes.
    static func replacement(_ reference: InlineReference) -> InlineReplacement {
        switch reference.kind {
        case .wikiLink(let target, let fragment, let label):
            let url = "../\(target)/" + (fragment.map { "#\($0)" } ?? "")
            switch target.count % 3 {
            case 0: return .link(url: url, label: label ?? target.uppercased(), cssClass: "xref")
            case 1: return .link(url: url + " & 'é'<>", label: (label ?? target) + " & \"<i>\"", cssClass: nil)
            default: return .text("«\(target)» & <b>")
            }
        case .citation(let ids): return .html("<sup class=\"cite\">[\(ids.joined(separator: ", "))]</sup>")
        case .image: return .html("<img src=\"x\" alt=\"\">")
        case .link(let url): return url.hasSuffix(".md") ? .url("../page/ \"é\" & 'q'/\(url.count)/") : .keep
        case .wikiLinkWithHTML: return .keep
        }
    }

    static func fresh(_ text: String, allowRawHTML: Bool, inline: Bool) -> (html: String, text: String) {
        let document = MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "doc.md"))
        document.rewrite(allowRawHTML: allowRawHTML, replacement)
        return (inline ? document.renderInlineHTML() : document.renderHTML(), document.plainText())
    }

    /// Every token, link and image a gap.
    static func prepared(
        _ text: String, allowRawHTML: Bool, inline: Bool, textLimit: Int? = nil, spill: SpillFile? = nil
    ) -> (html: String, text: String?)? {
        let markdown = ScannedMarkdown(MarkdownText(text: text, firstLine: 1, file: "doc.md"))
        let references = markdown.references
        var prepared = markdown.prepared(
            allowRawHTML: allowRawHTML, inline: inline, textLimit: textLimit, firstIndex: 0
        ) { reference in
            .gap
        }
        if let spill { prepared = prepared?.spilled(to: spill) }
        return prepared?.filled { replacement(references[prepared!.gaps[$0].reference]) }
    }

    static let documents = [
        "Plain text, nothing to fill.",
        "[[Mali]] left; [[Burkina Faso|the other state]] too, and [[Niger#History]] [@rfi-2025; @un].",
        "A [page link](../entities/mali.md \"Title & 'quoted' <x>\") and [a web one](https://example.org/?a=1&b='2').",
        "## Heading with [[Mali]] and [a link](x.md)\n\nText.\n\n## Heading with [[Mali]] and [a link](x.md)\n",
        "| State | Link |\n|---|---|\n| Mali | [[Mali]] |\n| Niger | [text](niger.md) [@src] |\n",
        "Claim[^1] with *emphasis around [[Niger]]* and **[bold](b.md)**.\n\n[^1]: Footnote citing [[Mali]] and [@src].\n",
        "`[[not a link]]` in code, and\n\n```\n[[nor here]]\n```\n\nbut [[here]].",
        "> Quoted [[Mali]]\n\n- item [[Niger]]\n- [x] task [to](t.md)\n",
        "Raw <b>HTML</b> next to [[Mali]].\n\n<div>block [[x]]</div>\n",
        "An image ![alt](map.png \"t\") and [[Niger]].",
        "A figure alone:\n\n![The three states](map.png \"Caption [@src]\")\n\nthen [[Mali]].",
        "[![linked image](a.png)](page.md) and ![nested ![inner](i.png)](o.png) and ![<b>html</b> [[x]]](h.png)",
        "# Heading ![icon](i.svg)\n\n| a | ![cell](c.gif) |\n|---|---|\n| 1 | 2 |\n",
        "Accents: [[Côte d’Ivoire]] — “quotes” & [lien](côte.md#Histoire).",
        "Autolink https://example.org/[[x]] and www.example.com and [[Mali]].",
        "Broken [[Mali and [[Niger]] and [@x",
    ]

    @Test(arguments: [false, true])
    func bodiesMatchARenderOfTheRewrittenTree(allowRawHTML: Bool) throws {
        for text in Self.documents {
            let expected = Self.fresh(text, allowRawHTML: allowRawHTML, inline: false)
            let filled = try #require(Self.prepared(text, allowRawHTML: allowRawHTML, inline: false), "\(text.debugDescription)")
            #expect(filled.html == expected.html, "\(text.debugDescription)")
            #expect(filled.text == expected.text, "\(text.debugDescription)")
        }
    }

    /// A full build keeps bodies rendered ahead in a scratch file until their page renders.
    @Test func spilledToAFileTheyFillTheSame() throws {
        let spill = try #require(SpillFile())
        for text in Self.documents {
            let inMemory = try #require(Self.prepared(text, allowRawHTML: false, inline: false, textLimit: 40))
            let spilled = try #require(Self.prepared(text, allowRawHTML: false, inline: false, textLimit: 40, spill: spill))
            #expect(spilled.html == inMemory.html, "\(text.debugDescription)")
            #expect(spilled.text == inMemory.text, "\(text.debugDescription)")
        }
    }

    @Test func inlineValuesMatchToo() throws {
        for text in [
            "[[Mali]] since 2000 [@src]", "Member of [[ECOWAS|the bloc]] until [2024](e.md)", "*just* text", "two\n\nparagraphs [[x]]",
        ] {
            let expected = Self.fresh(text, allowRawHTML: false, inline: true)
            let filled = try #require(Self.prepared(text, allowRawHTML: false, inline: true))
            #expect(filled.html == expected.html, "\(text.debugDescription)")
            #expect(filled.text == nil)
        }
    }

    @Test func whatCannotBePreparedIsLeftToTheRenderer() {
        // The gap mark written by the author, as a character reference.
        #expect(Self.prepared("A mark &#2; here and [[Mali]].", allowRawHTML: false, inline: false) == nil)
        #expect(Self.prepared("A mark &#x2; alone.", allowRawHTML: false, inline: false) == nil)
    }

    @Test func imagesAreGapsWholeWhateverTheirTextHolds() throws {
        // An image is replaced by HTML of the build, its text with it: a wiki link or a
        // link in its alt text is no reason to render the page from the Markdown again.
        for text in ["![map](mali.md) [[Mali]]", "An image ![alt [[Mali]]](map.png) and [[Niger]].", "An image ![alt [a](a.md)](map.png)."]
        {
            let filled = try #require(Self.prepared(text, allowRawHTML: false, inline: false))
            #expect(filled.html == Self.fresh(text, allowRawHTML: false, inline: false).html)
            #expect(filled.html.contains("<img src=\"x\" alt=\"\">"))
        }
    }

    @Test func aCaptionedImageAloneInItsParagraphTakesThePlaceOfTheParagraph() {
        let html = Self.fresh("Before.\n\n![Map](m.png \"Caption\")\n\nAfter ![x](y.png).", allowRawHTML: false, inline: false).html
        #expect(html == "<p>Before.</p>\n<img src=\"x\" alt=\"\">\n<p>After <img src=\"x\" alt=\"\">.</p>\n")
    }

    /// A heading's anchor is the id `headings()` gives it (tables of contents and links to
    /// it use that one), from its text as written, whatever its links become.
    @Test func headingAnchorsUseTheIDsOfTheHeadingsList() throws {
        let text = "## Relations with [[Mali]]\n\nText.\n\n## Relations with [[Mali]]\n\n### See [the treaty](t.md)\n"
        let ids = MarkdownDocument(MarkdownText(text: text, firstLine: 1, file: "doc.md")).headings().map(\.id)
        #expect(ids == ["relations-with-mali", "relations-with-mali-1", "see-the-treaty"])
        let html = try #require(Self.prepared(text, allowRawHTML: false, inline: false)).html
        for rendered in [Self.fresh(text, allowRawHTML: false, inline: false).html, html] {
            for id in ids { #expect(rendered.contains("id=\"\(id)\"") && rendered.contains("href=\"#\(id)\""), "\(id)") }
        }
    }

    /// Random documents of the pieces above: whatever is prepared renders as the tree does.
    @Test func randomDocumentsMatch() {
        let pieces = [
            "[[Mali]]", "[[Niger|the state]]", "[[Burkina Faso#Coup]]", "[@a]", "[@a; @b]", "[t](p.md)", "[t](p.md \"T\")",
            "[w](https://e.org)", "![i](i.png)", "*em [[x]]*", "`[[c]]`", " & ", " < ", "\"", "é", "  ", ",", ".", "[[", "]]",
            "<span>", "&amp;", "[^f]", "~~s~~", "www.x.org", "\n", "\n\n", "\n## ", "\n- ", "\n| a | b |\n|---|---|\n| ", "\n> ",
        ]
        var random = SplitMix64(seed: 2026)
        var prepared = 0
        let count = 1_500
        for _ in 0..<count {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &random) { text += pieces.randomElement(using: &random)! + "word " }
            if Bool.random(using: &random) { text += "\n\n[^f]: note [[Mali]]\n" }
            let allowRawHTML = Bool.random(using: &random)
            guard let filled = Self.prepared(text, allowRawHTML: allowRawHTML, inline: false) else { continue }
            prepared += 1
            let expected = Self.fresh(text, allowRawHTML: allowRawHTML, inline: false)
            #expect(filled.html == expected.html, "\(text.debugDescription)")
            #expect(filled.text == expected.text, "\(text.debugDescription)")
        }
        // Images never become gaps here, so every document can be prepared.
        #expect(prepared == count)
    }

    /// The text is cut where search stops reading it: filled and truncated, it is the same.
    @Test func aCutTextSearchesAsTheWholeOne() {
        var random = SplitMix64(seed: 7)
        let words = ["Mali", "[[Niger]]", "[[Burkina Faso|BF]]", "[@src]", "état", "—", "  ", "\n\n", ",", ".", "a", "longer-word"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...300, using: &random) { text += words.randomElement(using: &random)! + " " }
            let limit = Int.random(in: 1...400, using: &random)
            let whole = Self.prepared(text, allowRawHTML: false, inline: false)?.text ?? nil
            let cut = Self.prepared(text, allowRawHTML: false, inline: false, textLimit: limit)?.text ?? nil
            #expect(
                SearchIndex.truncated(cut ?? "", limit: limit) == SearchIndex.truncated(whole ?? "", limit: limit),
                "\(text.debugDescription)")
        }
    }

    /// The escaping used to fill gaps is cmark-gfm's own, checked on every ASCII character
    /// and a few others, through a link cmark-gfm renders itself.
    @Test func escapingMatchesCMark() {
        let samples = (1..<128).map { String(UnicodeScalar(UInt8($0))) } + ["é", "—", "😀", "a b", "x&y'z", "%20", "#frag"]
        for sample in samples {
            let document = MarkdownDocument(MarkdownText(text: "[[x]]", firstLine: 1, file: "doc.md"))
            document.rewrite(allowRawHTML: false) { _ in .link(url: sample, label: sample, cssClass: nil) }
            let expected = "<p><a href=\"\(CMarkEscaping.href(sample))\">\(CMarkEscaping.text(sample))</a></p>\n"
            #expect(document.renderHTML() == expected, "\(sample.debugDescription)")
        }
    }
}
