/// Markdown parsed and scanned for references, waiting for its one rewrite.
///
/// Rendering ahead rewrites the tree, naming each gap by the index of its reference in
/// what the scan found, so the scan must come first and the tree be rewritten once. A
/// scan owns its tree (nobody else can rewrite it), only a scan can prepare, and
/// preparing consumes it: the order cannot be got wrong.
struct ScannedMarkdown: ~Copyable {
    private let document: MarkdownDocument
    private let scan: ReferenceScan

    /// Parses `markdown` and finds its references.
    init(_ markdown: MarkdownText) {
        document = MarkdownDocument(markdown)
        scan = document.scanReferences()
    }

    /// Every wiki link, citation, ordinary link and image, in document order, never inside code.
    var references: [InlineReference] { scan.references }

    /// Headings with unique ids, in document order.
    func headings() -> [Heading] { document.headings() }

    /// Rewrites the tree as `MarkdownDocument.rewrite` does, but leaves a gap where
    /// `decide` says, and renders it: HTML (without its `<p>` for an `inline` value) and,
    /// for a body, its text. Each gap names its reference by its index in `references`,
    /// plus `firstIndex`. The text stops once it holds more than `textLimit` visible
    /// bytes, if given. nil when a gap cannot be left (a reference the scan did not find)
    /// or the document's own text holds the gap mark. An image is a gap whole, its text
    /// with it, so what its text holds never stops a gap.
    consuming func prepared(
        allowRawHTML: Bool, inline: Bool, textLimit: Int?, firstIndex: Int, _ decide: (InlineReference) -> ReferenceRewrite
    ) -> PreparedMarkdown? {
        guard let gaps = document.rewrite(allowRawHTML: allowRawHTML, scan: scan, firstIndex: firstIndex, decide) else { return nil }
        let tokens = gaps.count(where: { if case .token(_, inText: true) = $0 { true } else { false } })
        guard let html = GappedText(inline ? document.renderInlineHTML() : document.renderHTML(), gaps: gaps.count) else { return nil }
        var text: GappedText?
        if !inline {
            guard let body = GappedText(document.plainText(), gaps: tokens) else { return nil }
            text = textLimit.map { body.prefix(visible: $0 + 1) } ?? body
        }
        return PreparedMarkdown(gaps: gaps, html: html, text: text)
    }
}

/// What `MarkdownDocument.scanReferences()` found in a tree, and where: each text node's
/// pieces with the index of each token's reference, each link or image node's index.
/// Rewriting the same tree afterwards reads them instead of scanning and locating every
/// token again; an empty scan makes the rewrite find them itself (and leave no gap).
struct ReferenceScan {
    struct Node {
        var pieces: [InlineScanner.Piece]
        var references: [Int]
    }

    var references: [InlineReference] = []
    var nodes: [OpaquePointer: Node] = [:]
}
