import CCmarkGFM
import Foundation

extension MarkdownDocument {
    /// The text a reader sees, for search and summaries.
    public func plainText() -> String { Self.plainText(of: root, separator: " ", htmlText: visibleTextOfHTML) }

    static func plainText(of node: OpaquePointer, separator: String = "", htmlText: [OpaquePointer: String] = [:]) -> String {
        String(decoding: plainTextBytes(of: node, separator: separator, htmlText: htmlText), as: UTF8.self)
    }

    static func plainTextBytes(of node: OpaquePointer, separator: String = "", htmlText: [OpaquePointer: String] = [:]) -> [UInt8] {
        var bytes: [UInt8] = []
        forEachPlainTextPiece(of: node, separator: separator, htmlText: htmlText) { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func plainTextByteCount(of node: OpaquePointer) -> Int {
        var count = 0
        forEachPlainTextPiece(of: node, separator: "", htmlText: [:]) { count += $0.count }
        return count
    }

    /// The pieces of a node's plain text in order, as UTF-8 bytes read from cmark-gfm's
    /// C strings. Making a String of every text node and joining them was most of the
    /// time spent on a document's text, and counting a sentence's place in its block
    /// made the text of each node before it only to count its bytes.
    private static func forEachPlainTextPiece(
        of node: OpaquePointer, separator: String, htmlText: [OpaquePointer: String], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        func literal(_ node: OpaquePointer) {
            guard let literal = cmark_node_get_literal(node) else { return }
            body(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
        }
        func text(_ text: String) {
            var text = text
            text.withUTF8(body)
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                literal(current)
            } else if event == CMARK_EVENT_ENTER, type == CMARK_NODE_HTML_INLINE, let visible = htmlText[current] {
                text(visible)
            } else if event == CMARK_EVENT_ENTER, type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text(" ")
            } else if event == CMARK_EVENT_EXIT, !separator.isEmpty,
                type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
            {
                text(separator)
            } else if event == CMARK_EVENT_ENTER, type == CMARK_NODE_CODE_BLOCK {
                literal(current)
                text(separator)
            }
        }
    }
}
