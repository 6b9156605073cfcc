/// Cuts the sentence holding a position out of a paragraph, and shows wiki-link and
/// citation syntax as a reader would see it.
enum ContextSentence {
    /// `offset` counts characters.
    static func extract(from text: String, around offset: Int, maxLength: Int = 280) -> String {
        let index = text.index(text.startIndex, offsetBy: max(0, min(offset, text.count)))
        return extract(fromUTF8: Array(text.utf8), around: text.utf8.distance(from: text.startIndex, to: index), maxLength: maxLength)
    }

    /// `offset` counts UTF-8 bytes. Sentence ends are ASCII (`.`, `!`, `?` before a space),
    /// so the cut always falls between whole characters.
    static func extract(fromUTF8 bytes: [UInt8], around offset: Int, maxLength: Int = 280) -> String {
        guard let bounds = bounds(inUTF8: bytes, around: offset) else { return "" }
        return quote(bytes[bounds], maxLength: maxLength)
    }

    /// Where the sentence holding `offset` starts and ends, in bytes; nil for no text.
    static func bounds(inUTF8 bytes: [UInt8], around offset: Int) -> Range<Int>? {
        guard !bytes.isEmpty else { return nil }
        func isEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") }
        let space = UInt8(ascii: " ")
        let position = min(max(0, offset), bytes.count - 1)
        var start = position
        while start > 0 {
            let previous = bytes[start - 1]
            if (previous == space || previous == UInt8(ascii: "\n")) && start >= 2 && isEnd(bytes[start - 2]) { break }
            start -= 1
        }
        var end = position
        while end < bytes.count {
            if isEnd(bytes[end]) && (end + 1 == bytes.count || bytes[end + 1] == space) {
                end += 1
                break
            }
            end += 1
        }
        // A position inside a character moves back to its first byte.
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start..<end
    }

    /// A sentence's bytes as a backlink quotes them: links as their labels, citations
    /// left out, cut at `maxLength` characters.
    static func quote(_ bytes: ArraySlice<UInt8>, maxLength: Int = 280) -> String {
        var sentence = readable(String(decoding: bytes, as: UTF8.self)).trimmingSpaces()
        // Bytes bound characters from above: most quotes are counted without segmenting.
        if sentence.utf8.count > maxLength, sentence.count > maxLength { sentence = String(sentence.prefix(maxLength - 1)) + "…" }
        return sentence
    }

    /// `[[Mali|the state]]` → "the state", `[[Mali]]` → "Mali", `[@src]` → "".
    static func readable(_ text: String) -> String {
        // Assembled as bytes and tidied in place: one string made per backlink quote.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for piece in InlineScanner.scan(text) {
            switch piece {
            case .text(let text): bytes += text.utf8
            case .token(.wikiLink(let target, let fragment, let label), _, _): bytes += (label ?? (target.isEmpty ? fragment ?? "" : target)).utf8
            case .token(.citation, _, _): break
            }
        }
        return tidiedSpaces(bytes)
    }

    /// Runs of spaces made one, and no space before punctuation: what is left where
    /// citation markers were taken out ("in 2000 [@a] [@b]." reads "in 2000.").
    private static func tidiedSpaces(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        let space = UInt8(ascii: " ")
        // A switch, not a Set: hashing each byte was a twelfth of the link stage.
        func isClosing(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"): true
            default: false
            }
        }
        var kept = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == space && kept > 0 && bytes[kept - 1] == space { continue }
            if isClosing(byte) && kept > 0 && bytes[kept - 1] == space { kept -= 1 }
            bytes[kept] = byte
            kept += 1
        }
        return String(decoding: bytes[..<kept], as: UTF8.self)
    }
}
