import Foundation

/// Markdown rendered once, by the link stage while its tree is at hand, with a gap
/// wherever the HTML depends on what a reference resolves to and on the page showing
/// it (relative URLs, citation numbers). Rendering a page fills the gaps instead of
/// parsing the Markdown a second time.
struct PreparedMarkdown: Sendable {
    enum Gap: Sendable {
        /// A wiki link or citation: the index of its reference in the page's list, and
        /// whether the text has a gap for it too (a heading's text is not in it).
        case token(reference: Int, inText: Bool)
        /// The opening tag of a `[text](page.md)` link, whose text is in the HTML. Boxed:
        /// tokens are most gaps, and each would take the room of two strings.
        indirect case link(reference: Int, url: String, title: String)

        var reference: Int {
            switch self {
            case .token(let reference, _), .link(let reference, _, _): reference
            }
        }

        var isLink: Bool {
            if case .link = self { true } else { false }
        }
    }

    var gaps: [Gap]
    var html: GappedText
    /// The text a reader sees, for search: a body's, not an inline value's. Only tokens
    /// outside headings leave gaps in it (a link's text is there already), so it has
    /// fewer; and it may stop early (see `GappedText.prefix`).
    var text: GappedText?

    /// The same Markdown with its HTML and text kept in `file` (see `SpillFile`).
    func spilled(to file: SpillFile) -> PreparedMarkdown {
        PreparedMarkdown(gaps: gaps, html: html.spilled(to: file), text: text?.spilled(to: file))
    }

    /// The HTML and text with gap `i` filled as `replacement(i)` decides, as
    /// `MarkdownDocument.rewrite` with the same decisions would have rendered them; nil
    /// if one decides to show a token as written (a reference that did not resolve),
    /// which the HTML no longer holds.
    func filled(_ replacement: (Int) -> InlineReplacement) -> (html: String, text: String?)? {
        var htmlPieces: [String] = []
        var textPieces: [String] = []
        htmlPieces.reserveCapacity(gaps.count)
        for (index, gap) in gaps.enumerated() {
            switch gap {
            case .token(_, let inText):
                let shown: String
                switch replacement(index) {
                case .link(let url, let label, let cssClass?):
                    htmlPieces.append(MarkdownDocument.classedLink(url: url, label: label, cssClass: cssClass))
                    shown = label
                case .link(let url, let label, nil):
                    htmlPieces.append("<a href=\"\(CMarkEscaping.href(url))\">\(CMarkEscaping.text(label))</a>")
                    shown = label
                case .html(let html):
                    htmlPieces.append(html)
                    shown = ""
                case .text(let text):
                    htmlPieces.append(CMarkEscaping.text(text))
                    shown = text
                case .keep, .url:
                    return nil
                }
                if inText { textPieces.append(shown) }
            case .link(_, let url, let title):
                var destination = url
                if case .url(let newURL) = replacement(index) { destination = newURL }
                let titleAttribute = title.isEmpty ? "" : " title=\"\(CMarkEscaping.text(title))\""
                htmlPieces.append("<a href=\"\(CMarkEscaping.href(destination))\"\(titleAttribute)>")
            }
        }
        return (html.filled(htmlPieces), text?.filled(textPieces))
    }
}

/// Text with gaps, marked while rendering by a byte no Markdown of ours makes (0x02)
/// and kept as offsets. A document whose own text holds that byte (`&#2;`) has more of
/// them than gaps, and is not prepared.
struct GappedText: Sendable {
    static let mark = "\u{2}"
    /// UTF-8 offset of each gap's mark.
    let gaps: [Int]
    private let storage: Storage

    private enum Storage: Sendable {
        case inMemory(String)
        case spilled(SpillFile, SpillFile.Extent)
    }

    /// The text with its marks; read back from the scratch file if it was spilled there.
    var text: String {
        switch storage {
        case .inMemory(let text): text
        case .spilled(let file, let extent): file.read(extent)
        }
    }

    /// The size of `text` in UTF-8 bytes, without reading it back.
    var byteCount: Int {
        switch storage {
        case .inMemory(let text): text.utf8.count
        case .spilled(_, let extent): extent.count
        }
    }

    private init(text: String, gaps: [Int]) {
        self.storage = .inMemory(text)
        self.gaps = gaps
    }

    /// The same text, kept in `file` rather than in memory if it could be written there.
    func spilled(to file: SpillFile) -> GappedText {
        guard case .inMemory(let text) = storage, let extent = file.store(text) else { return self }
        return GappedText(storage: .spilled(file, extent), gaps: gaps)
    }

    private init(storage: Storage, gaps: [Int]) {
        self.storage = storage
        self.gaps = gaps
    }

    init?(_ text: String, gaps expected: Int) {
        var text = text
        // memchr over the string's own bytes: this reads every body's HTML, where
        // stepping through the UTF-8 view was 2.6% of a build.
        let gaps = text.withUTF8 { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var gaps: [Int] = []
            gaps.reserveCapacity(expected)
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x02, bytes.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                gaps.append(position)
                offset = position + 1
            }
            return gaps
        }
        guard gaps.count == expected else { return nil }
        self.storage = .inMemory(text)
        self.gaps = gaps
    }

    /// The start of the text, up to where it holds `visible` bytes other than spaces and
    /// marks. Search keeps so much of a page's text (`SearchIndex.truncated`), and
    /// filling gaps only adds text: what it keeps comes from this prefix.
    func prefix(visible: Int) -> GappedText {
        var text = self.text
        let cut = text.withUTF8 { bytes -> Int? in
            var count = 0
            for offset in bytes.indices {
                let byte = bytes[offset]
                if count >= visible, byte & 0xC0 != 0x80 { return offset }  // not inside a character
                switch byte {
                case 0x20, 0x0A, 0x09, 0x0D, 0x02: break
                default: count += 1
                }
            }
            return nil
        }
        guard let end = cut else { return self }
        let utf8 = text.utf8
        return GappedText(text: String(Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: end)])), gaps: gaps.filter { $0 < end })
    }

    /// The text with `pieces[i]` in gap `i` (pieces past the last gap are not used).
    func filled(_ pieces: [String]) -> String {
        precondition(pieces.count >= gaps.count)
        let text = self.text
        guard !gaps.isEmpty else { return text }
        let utf8 = text.utf8
        var out = ""
        out.reserveCapacity(utf8.count + pieces.reduce(0) { $0 + $1.utf8.count })
        var start = utf8.startIndex
        for (gap, piece) in zip(gaps, pieces) {
            let mark = utf8.index(utf8.startIndex, offsetBy: gap)
            out.append(contentsOf: Substring(utf8[start..<mark]))
            out.append(piece)
            start = utf8.index(after: mark)
        }
        out.append(contentsOf: Substring(utf8[start...]))
        return out
    }
}
