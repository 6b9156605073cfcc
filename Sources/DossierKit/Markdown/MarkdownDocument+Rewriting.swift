import CCmarkGFM

/// What becomes of one reference when a tree is rewritten for rendering ahead.
enum ReferenceRewrite {
    case replace(InlineReplacement)
    /// Left as a gap, filled when a page shows the Markdown (see `PreparedMarkdown`).
    case gap
}

extension MarkdownDocument {
    /// Replaces each reference, in the order `references()` returned them, with what
    /// `replacement` decides; neutralises raw HTML unless allowed; gives headings ids.
    public func rewrite(allowRawHTML: Bool, _ replacement: (InlineReference) -> InlineReplacement) {
        _ = rewrite(allowRawHTML: allowRawHTML, scan: ReferenceScan()) { .replace(replacement($0)) }
    }

    /// The gaps left, in document order; nil if one could not be left (or a reference
    /// was not among those `scan` holds, which gaps name: an empty scan leaves none).
    func rewrite(
        allowRawHTML: Bool, scan: ReferenceScan, firstIndex: Int = 0, _ decide: (InlineReference) -> ReferenceRewrite
    ) -> [PreparedMarkdown.Gap]? {
        mergeAdjacentText()
        var order: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var headingIDs: [String] = []
        var ids = HeadingIDs()
        walk(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                // Not in an image: the image is replaced whole, its text with it.
                if Self.literalContainsToken(node), !Self.isInside(CMARK_NODE_IMAGE, node) { order.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: if !Self.isInside(CMARK_NODE_IMAGE, node) { order.append(node) }
            case CMARK_NODE_HTML_BLOCK: htmlNodes.append(node)
            case CMARK_NODE_HTML_INLINE: if !Self.isInside(CMARK_NODE_IMAGE, node) { htmlNodes.append(node) }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
                // From the text as written, as `headings()` makes them for tables of
                // contents and links: the rewritten text lacks what links became HTML.
                headingIDs.append(ids.make(for: Self.plainText(of: node)))
            default: break
            }
        }
        var gaps: [PreparedMarkdown.Gap] = []
        var complete = true
        for node in order {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT {
                if !rewriteText(node, scan, firstIndex, decide, gaps: &gaps) { complete = false }
                continue
            }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let known = scan.nodes[node]?.references.first
            if type == CMARK_NODE_IMAGE {
                let reference =
                    known.map { scan.references[$0] }
                    ?? InlineReference(kind: .image(image(node)), location: location(of: node), context: "")
                rewriteImage(node, reference, known.map { firstIndex + $0 }, decide, gaps: &gaps)
                continue
            }
            let reference =
                known.map { scan.references[$0] } ?? InlineReference(kind: .link(url: url), location: location(of: node), context: "")
            switch decide(reference) {
            case .replace(.url(let newURL)): cmark_node_set_url(node, newURL)
            case .replace: break
            case .gap:
                // An image's text is an attribute: no tag to fill in it.
                guard let known, !Self.isInside(CMARK_NODE_IMAGE, node) else {
                    complete = false
                    break
                }
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                gaps.append(.link(reference: firstIndex + known, url: url, title: title))
                unwrapLink(node)
            }
        }
        if !allowRawHTML { htmlNodes.forEach(neutralise) }
        addHeadingAnchors(zip(headingNodes, headingIDs))
        return complete ? gaps : nil
    }

    /// False if a gap could not be left.
    private func rewriteText(
        _ node: OpaquePointer, _ scan: ReferenceScan, _ firstIndex: Int, _ decide: (InlineReference) -> ReferenceRewrite,
        gaps: inout [PreparedMarkdown.Gap]
    ) -> Bool {
        var complete = true
        let scanned = scan.nodes[node]
        var tokens = 0
        for piece in scanned?.pieces ?? InlineScanner.scan(Self.literal(of: node)) {
            let newNode: OpaquePointer
            switch piece {
            case .text(let text):
                newNode = Self.textNode(text)
            case .token(let token, let source, let offset):
                let known = scanned?.references[tokens]
                tokens += 1
                let reference =
                    known.map { scan.references[$0] }
                    ?? InlineReference(kind: Self.kind(of: token), location: location(of: node, plus: offset), context: "")
                switch decide(reference) {
                case .gap:
                    // An image's text is an attribute: no tag to fill in it.
                    guard let known, !Self.isInside(CMARK_NODE_IMAGE, node) else {
                        complete = false
                        newNode = Self.textNode(source)
                        break
                    }
                    newNode = Self.htmlInline(GappedText.mark)
                    // The mark stands in the text too, where the link's label will go,
                    // unless in a heading: headings become HTML, which has no text.
                    let inText = !Self.isInside(CMARK_NODE_HEADING, node)
                    if inText { visibleTextOfHTML[newNode] = GappedText.mark }
                    gaps.append(.token(reference: firstIndex + known, inText: inText))
                case .replace(.link(let url, let label, let cssClass)):
                    if let cssClass {
                        newNode = Self.htmlInline(Self.classedLink(url: url, label: label, cssClass: cssClass))
                        visibleTextOfHTML[newNode] = label
                    } else {
                        newNode = cmark_node_new(CMARK_NODE_LINK)
                        cmark_node_set_url(newNode, url)
                        cmark_node_append_child(newNode, Self.textNode(label))
                    }
                case .replace(.html(let html)): newNode = Self.htmlInline(html)
                case .replace(.text(let text)): newNode = Self.textNode(text)
                case .replace(.keep), .replace(.url): newNode = Self.textNode(source)
                }
            }
            cmark_node_insert_before(node, newNode)
        }
        cmark_node_free(node)
        return complete
    }

    /// An image becomes HTML of the build's (its size, a figure for a captioned image
    /// alone in its paragraph, which takes the paragraph's place), or a gap for it; or
    /// stays as cmark renders it when `decide` keeps it.
    private func rewriteImage(
        _ node: OpaquePointer, _ reference: InlineReference, _ index: Int?, _ decide: (InlineReference) -> ReferenceRewrite,
        gaps: inout [PreparedMarkdown.Gap]
    ) {
        guard case .image(let image) = reference.kind else { return }
        let html: String
        switch decide(reference) {
        case .gap:
            guard let index else { return }
            html = GappedText.mark
            gaps.append(.token(reference: index, inText: false))
        case .replace(.html(let made)): html = made
        case .replace(.url(let newURL)):
            cmark_node_set_url(node, newURL)
            return
        case .replace: return
        }
        if image.standalone, let paragraph = cmark_node_parent(node) {
            let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)!
            cmark_node_set_literal(block, html + "\n")
            cmark_node_insert_before(paragraph, block)
            cmark_node_free(paragraph)
        } else {
            cmark_node_insert_before(node, Self.htmlInline(html))
            cmark_node_free(node)
        }
    }

    /// A link with a class needs HTML of ours; the label is escaped because it is author text.
    static func classedLink(url: String, label: String, cssClass: String) -> String {
        "<a class=\"\(cssClass)\" href=\"\(HTML.escape(url))\">\(HTML.escape(label))</a>"
    }

    /// Puts a gap where the link's opening tag goes and `</a>` after its text, which stays.
    private func unwrapLink(_ node: OpaquePointer) {
        cmark_node_insert_before(node, Self.htmlInline(GappedText.mark))
        while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
        cmark_node_insert_before(node, Self.htmlInline("</a>"))
        cmark_node_free(node)
    }

    /// Shows author HTML as text instead of passing it to the page.
    private func neutralise(_ node: OpaquePointer) {
        let literal = Self.literal(of: node)
        if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
            cmark_node_insert_before(node, Self.textNode(literal))
        } else {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            cmark_node_append_child(paragraph, Self.textNode(literal.trimmingSpaces()))
            cmark_node_insert_before(node, paragraph)
        }
        cmark_node_free(node)
    }

    /// `<h2 id="x">Text <a class="anchor" href="#x">#</a></h2>`: the renderer has no ids,
    /// so each heading is rendered on its own and put back as an HTML block.
    private func addHeadingAnchors(_ headings: Zip2Sequence<[OpaquePointer], [String]>) {
        for (node, id) in headings {
            let level = cmark_node_get_heading_level(node)
            var inner = ""
            var child = cmark_node_first_child(node)
            while let current = child {
                inner += CMark.renderHTML(current)
                child = cmark_node_next(current)
            }
            let html =
                "<h\(level) id=\"\(id)\">\(inner) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>"
            let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)!
            cmark_node_set_literal(block, html)
            cmark_node_insert_before(node, block)
            cmark_node_free(node)
        }
    }
}
