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
        var text = text
        if let quoted = text.withUTF8(readableASCII) { return quoted }
        return readableScanned(text)
    }

    /// Any text, through the scanner that reads bodies.
    static func readableScanned(_ text: String) -> String {
        // Assembled as bytes and tidied in place: one string made per backlink quote.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for piece in InlineScanner.scan(text) {
            switch piece {
            case .text(let text): bytes += text.utf8
            case .token(.wikiLink(let target, let fragment, let label), _, _):
                bytes += (label ?? (target.isEmpty ? fragment ?? "" : target)).utf8
            case .token(.citation, _, _): break
            }
        }
        return tidiedSpaces(bytes)
    }

    /// The same reading on the bytes of ASCII text without carriage returns (nil for any
    /// other), where every byte is a character: the rules of `InlineScanner`'s plain path,
    /// without making pieces. Quoting backlinks through the scanner was 8% of the link stage.
    private static func readableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        var shown: [UInt8] = []
        shown.reserveCapacity(bytes.count)
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let token = tokenASCII(bytes, at: index) {
                shown += bytes[plainStart..<index]
                shown += bytes[token.shown]
                index = token.end
                plainStart = index
            } else {
                index += 1
            }
        }
        shown += bytes[plainStart...]
        return tidiedSpaces(shown)
    }

    /// The token starting at the `[` at `start`: where it ends, and the bytes a reader sees
    /// of it (a wiki link's label, else its target, else its fragment; nothing of a citation).
    private static func tokenASCII(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, shown: Range<Int>)? {
        let next = start + 1
        guard next < bytes.count else { return nil }
        if bytes[next] == UInt8(ascii: "@") {
            guard let close = bytes[next...].firstIndex(of: UInt8(ascii: "]")),
                InlineScanner.citationIDRanges(inASCII: UnsafeBufferPointer(rebasing: bytes[next..<close])) != nil
            else { return nil }
            return (close + 1, close..<close)
        }
        guard bytes[next] == UInt8(ascii: "[") else { return nil }
        let contentStart = next + 1
        var close = contentStart
        while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "]") && bytes[close + 1] == UInt8(ascii: "]")) { close += 1 }
        guard close + 1 < bytes.count else { return nil }
        let content = contentStart..<close
        guard !bytes[content].contains(UInt8(ascii: "[")), !bytes[content].contains(UInt8(ascii: "\n")) else { return nil }
        let bar = bytes[content].firstIndex(of: UInt8(ascii: "|"))
        let targetPart = contentStart..<(bar ?? close)
        let label = bar.map { InlineScanner.trimmedSpaces(bytes, ($0 + 1)..<close) }
        let hash = bytes[targetPart].firstIndex(of: UInt8(ascii: "#"))
        let fragment = hash.map { InlineScanner.trimmedSpaces(bytes, ($0 + 1)..<targetPart.upperBound) }
        let target = InlineScanner.trimmedSpaces(bytes, contentStart..<(hash ?? targetPart.upperBound))
        // Empty parts count as absent, and a link needs a target or a fragment.
        let named = target.isEmpty ? fragment.flatMap { $0.isEmpty ? nil : $0 } : target
        guard let named else { return nil }
        if let label, !label.isEmpty { return (close + 2, label) }
        return (close + 2, named)
    }

    /// Runs of spaces made one, and no space before punctuation: what is left where
    /// citation markers were taken out ("in 2000 [@a] [@b]." reads "in 2000.").
    private static func tidiedSpaces(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        let space = UInt8(ascii: " ")
        // A switch, not a Set: hashing each byte was a twelfth of the link stage.
        func isClosing(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                UInt8(ascii: ")"):
                true
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
