import CCmarkGFM

/// A reference found in a Markdown tree: a wiki link, citation or ordinary link.
public struct InlineReference: Sendable {
    public enum Kind: Sendable, Equatable {
        case wikiLink(target: String, fragment: String?, label: String?)
        case citation(ids: [String])
        /// An ordinary `[text](url)` link.
        case link(url: String)
        /// `![alt](url "title")`.
        case image(ImageReference)
        /// `[[` … `]]` with HTML inside, which cmark-gfm splits: no link can be made.
        case wikiLinkWithHTML

        /// An ordinary link, not a wiki link, citation or image.
        public var isLink: Bool {
            if case .link = self { true } else { false }
        }
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The sentence around the reference, as plain text, for backlinks.
    public var context: String
}

/// An image as Markdown writes it.
public struct ImageReference: Sendable, Equatable {
    public var url: String
    /// The alternative text, as plain text.
    public var alt: String
    /// The title, which a figure shows as its caption.
    public var title: String
    /// Alone in its paragraph: shown as a figure when it has a caption.
    public var standalone: Bool
    /// Line of the Markdown text it starts on (1 is the first), so an image near the top
    /// of a page can load at once and the others lazily.
    public var line: Int
}

/// What a reference becomes on the page.
public enum InlineReplacement: Sendable, Equatable {
    case keep
    case link(url: String, label: String, cssClass: String?)
    /// Trusted HTML made by the build (citation markers); never author text.
    case html(String)
    case text(String)
    /// For ordinary links: a new destination.
    case url(String)
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
}

/// The only owner of a cmark-gfm tree. Every node it holds is freed in `deinit`;
/// no pointer leaves this type, so the rest of the code never sees the C API.
/// (Members that take or hold a node are internal only for the rewriting, in
/// `MarkdownDocument+Rewriting.swift`; nothing outside this folder uses them.)
public final class MarkdownDocument: @unchecked Sendable {
    let root: OpaquePointer
    /// The text a reader sees for HTML nodes the build made (a wiki link's label), since
    /// cmark has no text for raw HTML.
    var visibleTextOfHTML: [OpaquePointer: String] = [:]
    /// Where this Markdown starts in its file, to turn tree positions into file positions.
    let file: String
    let firstLine: Int
    let firstColumn: Int
    private let text: String
    /// Byte offset of each line's start in `text`, made when a location is first asked for.
    private lazy var lineStarts: [Int] = {
        var text = text
        return text.withUTF8 { bytes in
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            return starts
        }
    }()

    public init(_ markdown: MarkdownText) {
        root = CMark.parse(markdown.text)
        text = markdown.text
        file = markdown.file
        firstLine = markdown.firstLine
        firstColumn = markdown.firstColumn
    }

    /// cmark counts columns in UTF-8 bytes; diagnostics count characters.
    private func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        var text = text
        return text.withUTF8 { bytes in
            let prefix = UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + byteColumn - 1)])
            // One byte, one character, unless a byte is not ASCII (or is a carriage return).
            if prefix.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return prefix.count + 1 }
            return String(decoding: prefix, as: UTF8.self).count + 1
        }
    }

    /// Parses a one-line Markdown value (a fact, a key point) whose text starts at `location`.
    public convenience init(inline text: String, at location: SourceLocation) {
        self.init(MarkdownText(text: text, firstLine: location.line, file: location.file))
    }

    deinit { cmark_node_free(root) }

    func location(of node: OpaquePointer, plus characters: Int = 0) -> SourceLocation {
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        var parent: OpaquePointer? = node
        while line == 0, let current = parent {  // inline nodes without positions: use the block's
            parent = cmark_node_parent(current)
            if let parent {
                line = Int(cmark_node_get_start_line(parent))
                column = Int(cmark_node_get_start_column(parent))
            }
        }
        let shift = line <= 1 ? firstColumn - 1 : 0
        column = characterColumn(line: line, byteColumn: max(1, column))
        return SourceLocation(file: file, line: max(1, line) + firstLine - 1, column: column + characters + shift)
    }

    // MARK: reading

    /// Headings with unique ids, in document order.
    public func headings() -> [Heading] {
        var result: [Heading] = []
        var ids = HeadingIDs()
        walk(root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            let text = Self.plainText(of: node)
            result.append(
                Heading(
                    level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.make(for: text),
                    line: location(of: node).line))
        }
        return result
    }

    /// Every wiki link, citation and ordinary link, in document order, never inside code.
    public func references() -> [InlineReference] { scanReferences().references }

    /// The references and where they are; `ScannedMarkdown` keeps it for its one rewrite.
    func scanReferences() -> ReferenceScan {
        var found: [InlineReference] = []
        var scannedNodes: [OpaquePointer: ReferenceScan.Node] = [:]
        // Backlinks quote the sentence around a link; citations and web links need none,
        // and a paragraph's text is made once however many links it holds.
        var blockTexts: [OpaquePointer: [UInt8]] = [:]
        var quotes: [SentenceKey: String] = [:]
        // Only the first link to a page is quoted in its backlinks, so a name linked
        // again later in the same document needs no sentence.
        var quoted: Set<String> = []
        func context(_ node: OpaquePointer, _ offset: Int) -> String {
            Self.sentence(around: node, tokenOffset: offset, blockTexts: &blockTexts, quotes: &quotes)
        }
        mergeAdjacentText()
        walk(root) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT {
                // An image's text is its alt attribute, where no link or marker can go.
                guard Self.literalContainsToken(node), !Self.isInside(CMARK_NODE_IMAGE, node) else { return }
                let literal = Self.literal(of: node)
                if Self.opensWikiLinkBeforeHTML(node, literal) {
                    found.append(
                        InlineReference(kind: .wikiLinkWithHTML, location: location(of: node, plus: literal.characterCount), context: ""))
                }
                var byteOffset = 0  // of each piece in the literal, for the sentence around it
                let pieces = InlineScanner.scan(literal)
                var indices: [Int] = []
                defer { scannedNodes[node] = ReferenceScan.Node(pieces: pieces, references: indices) }
                for piece in pieces {
                    let pieceBytes: Int
                    switch piece {
                    case .text(let text): pieceBytes = text.utf8.count
                    case .token(_, let source, _): pieceBytes = source.utf8.count
                    }
                    defer { byteOffset += pieceBytes }
                    guard case .token(let token, _, let offset) = piece else { continue }
                    let kind = Self.kind(of: token)
                    var text = ""
                    if case .wikiLink(let target, _, _) = kind, quoted.insert(target).inserted { text = context(node, byteOffset) }
                    indices.append(found.count)
                    found.append(InlineReference(kind: kind, location: location(of: node, plus: offset), context: text))
                }
            } else if type == CMARK_NODE_IMAGE, !Self.isInside(CMARK_NODE_IMAGE, node) {
                scannedNodes[node] = ReferenceScan.Node(pieces: [], references: [found.count])
                found.append(InlineReference(kind: .image(image(node)), location: location(of: node), context: ""))
            } else if type == CMARK_NODE_LINK, !Self.isInside(CMARK_NODE_IMAGE, node) {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let isWeb = url.contains(":") || url.hasPrefix("//") || url.hasPrefix("#")
                scannedNodes[node] = ReferenceScan.Node(pieces: [], references: [found.count])
                found.append(
                    InlineReference(
                        kind: .link(url: url), location: location(of: node),
                        context: isWeb || !quoted.insert(url).inserted ? "" : context(node, 0)))
            }
        }
        return ReferenceScan(references: found, nodes: scannedNodes)
    }

    func image(_ node: OpaquePointer) -> ImageReference {
        let parent = cmark_node_parent(node)
        let alone =
            parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } ?? false && cmark_node_previous(node) == nil
            && cmark_node_next(node) == nil
        return ImageReference(
            url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
            alt: Self.plainText(of: node).trimmingSpaces(),
            title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
            standalone: alone, line: Int(cmark_node_get_start_line(node)))
    }

    static func isInside(_ type: cmark_node_type, _ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == type { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// Text ending in an unclosed `[[` right before inline HTML: the label held markup.
    private static func opensWikiLinkBeforeHTML(_ node: OpaquePointer, _ literal: String) -> Bool {
        guard let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE,
            let open = literal.range(of: "[[", options: .backwards)
        else { return false }
        return !literal[open.upperBound...].contains("]]")
    }

    static func kind(of token: InlineToken) -> InlineReference.Kind {
        switch token {
        case .wikiLink(let target, let fragment, let label): .wikiLink(target: target, fragment: fragment, label: label)
        case .citation(let ids): .citation(ids: ids)
        }
    }

    // MARK: output

    public func renderHTML() -> String { CMark.renderHTML(root) }

    /// HTML of a one-paragraph document without the `<p>` wrapper (facts, key points).
    public func renderInlineHTML() -> String {
        let html = renderHTML().trimmingSpaces()
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !Self.opensParagraph(html.utf8.dropFirst(3)) {
            return String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Whether `bytes` hold "<p>", by a plain loop: the standard library's generic
    /// collection search was 3.5% of a build here, for values of a few dozen bytes.
    private static func opensParagraph(_ bytes: Substring.UTF8View) -> Bool {
        let pattern: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "p"), UInt8(ascii: ">")]
        var matched = 0
        for byte in bytes {
            // '<' occurs only at the pattern's start, so a mismatch restarts at this byte.
            if byte == pattern[matched] {
                matched += 1
                if matched == pattern.count { return true }
            } else {
                matched = byte == pattern[0] ? 1 : 0
            }
        }
        return false
    }

    // MARK: tree helpers

    func walk(_ start: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(start) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// cmark-gfm splits text at every `[` and `]`; join neighbours so `[[Mali]]` is one run.
    func mergeAdjacentText() {
        var first: [OpaquePointer] = []
        walk(root) { node in
            if cmark_node_get_type(node) == CMARK_NODE_TEXT,
                cmark_node_previous(node).map({ cmark_node_get_type($0) != CMARK_NODE_TEXT }) ?? true,
                let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_TEXT
            {
                first.append(node)
            }
        }
        for node in first {
            var text = Self.literal(of: node)
            while let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_TEXT {
                text += Self.literal(of: next)
                cmark_node_free(next)
            }
            cmark_node_set_literal(node, text)
        }
    }

    static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// `InlineScanner.containsToken` on the node's C string, without making a Swift
    /// string of every text node to find the few with a `[[` or `[@`.
    static func literalContainsToken(_ node: OpaquePointer) -> Bool {
        guard var byte = cmark_node_get_literal(node).map({ UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }) else {
            return false
        }
        var previous: UInt8 = 0
        while byte.pointee != 0 {
            if previous == UInt8(ascii: "["), byte.pointee == UInt8(ascii: "[") || byte.pointee == UInt8(ascii: "@") { return true }
            previous = byte.pointee
            byte += 1
        }
        return false
    }

    static func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }

    static func htmlInline(_ html: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_HTML_INLINE)!
        cmark_node_set_literal(node, html)
        return node
    }

    /// The sentence of the enclosing block that holds the reference, with wiki-link
    /// syntax shown as its label, for backlink context.
    /// `tokenOffset` counts UTF-8 bytes into the node's text.
    private static func sentence(
        around node: OpaquePointer, tokenOffset: Int, blockTexts: inout [OpaquePointer: [UInt8]], quotes: inout [SentenceKey: String]
    ) -> String {
        var block: OpaquePointer? = cmark_node_parent(node)
        var offsetInBlock = tokenOffset
        while let current = block, cmark_node_get_type(current).rawValue & 0xC000 != UInt32(CMARK_NODE_TYPE_BLOCK) {
            block = cmark_node_parent(current)
        }
        guard let block else { return "" }
        // Characters of the block before this node.
        var before = 0
        var sibling = cmark_node_previous(node)
        var container = node
        while true {
            while let current = sibling {
                before += plainTextByteCount(of: current)
                sibling = cmark_node_previous(current)
            }
            guard let parent = cmark_node_parent(container), parent != block else { break }
            container = parent
            sibling = cmark_node_previous(parent)
        }
        offsetInBlock += before
        if blockTexts[block] == nil { blockTexts[block] = plainTextBytes(of: block) }
        let text = blockTexts[block]!
        guard let bounds = ContextSentence.bounds(inUTF8: text, around: offsetInBlock) else { return "" }
        // Links to several pages in one sentence quote it alike: made once.
        let key = SentenceKey(block: block, start: bounds.lowerBound, end: bounds.upperBound)
        if let quoted = quotes[key] { return quoted }
        let quoted = ContextSentence.quote(text[bounds])
        quotes[key] = quoted
        return quoted
    }
}

/// A sentence of a block, by its bytes in the block's text.
private struct SentenceKey: Hashable {
    var block: OpaquePointer
    var start: Int
    var end: Int
}

/// GitHub-style heading ids, made unique within a page by a numeric suffix.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    static func base(for text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "section" : slug
    }

    mutating func make(for text: String) -> String {
        let base = Self.base(for: text)
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        used[base] = count + 1
        let candidate = "\(base)-\(count)"
        used[candidate, default: 0] += 1
        return candidate
    }
}
