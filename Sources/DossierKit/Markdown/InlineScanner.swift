/// A wiki link or citation found in a run of Markdown text.
public enum InlineToken: Equatable, Sendable {
    /// `[[target#fragment|label]]`
    case wikiLink(target: String, fragment: String?, label: String?)
    /// `[@id]` or `[@one; @two]`
    case citation(ids: [String])
}

/// Splits one run of literal text (already parsed by cmark-gfm, so never code) into plain
/// text and `[[...]]` / `[@...]` tokens. Hand-written because cmark-gfm has no syntax
/// extension for them; total over any input, never throws.
public enum InlineScanner {
    public enum Piece: Equatable, Sendable {
        case text(String)
        /// `offset` counts characters of the input before the token, for locations.
        case token(InlineToken, source: String, offset: Int)
    }

    public static func containsToken(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "["), byte == UInt8(ascii: "[") || byte == UInt8(ascii: "@") { return true }
            previous = byte
        }
        return false
    }

    public static func scan(_ text: String) -> [Piece] {
        guard containsToken(text) else { return [.text(text)] }
        var pieces: [Piece] = []
        var plainStart = text.startIndex
        // Characters before `counted`, counted only as far as needed.
        var offset = 0
        var counted = text.startIndex
        let bytes = text.utf8
        var index = bytes.startIndex
        // In ASCII text without carriage returns every byte is a character: brackets need
        // no check that they are whole characters, and offsets are byte distances.
        let plain = bytes.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } } ?? false
        // Looks for '[' byte by byte, and checks whole characters only there.
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "["), let start = plain ? index : index.samePosition(in: text),
                let (token, end) = token(in: text, at: start, plain: plain)
            {
                offset += plain ? bytes.distance(from: counted, to: start) : text[counted..<start].characterCount
                if plainStart < start { pieces.append(.text(String(text[plainStart..<start]))) }
                let source = String(text[start..<end])
                pieces.append(.token(token, source: source, offset: offset))
                offset += plain ? source.utf8.count : source.characterCount
                counted = end
                plainStart = end
                index = end
                continue
            }
            index = bytes.index(after: index)
        }
        if plainStart < text.endIndex { pieces.append(.text(String(text[plainStart...]))) }
        return pieces
    }

    private static func token(in text: String, at start: String.Index, plain: Bool) -> (InlineToken, String.Index)? {
        let bytes = text.utf8
        guard plain || text[start] == "[" else { return nil }  // not '[' fused with a mark
        // A whole-character '[' is one byte, so the next character starts at the next byte.
        let afterBracket = bytes.index(after: start)
        guard afterBracket < bytes.endIndex else { return nil }
        if bytes[afterBracket] == UInt8(ascii: "["), plain || text[afterBracket] == "[" {
            let contentStart = bytes.index(after: afterBracket)
            guard let close = closingBrackets(in: text, from: contentStart, plain: plain) else { return nil }
            let content = text[contentStart..<close.lowerBound]
            guard !content.utf8.contains(UInt8(ascii: "[")), !content.utf8.contains(UInt8(ascii: "\n")), let link = wikiLink(content)
            else { return nil }
            return (link, close.upperBound)
        }
        if bytes[afterBracket] == UInt8(ascii: "@"), plain || text[afterBracket] == "@" {
            guard let close = closingBracket(in: text, from: afterBracket, plain: plain) else { return nil }
            let content = text[afterBracket..<close]
            guard let ids = citationIDs(content) else { return nil }
            return (.citation(ids: ids), bytes.index(after: close))
        }
        return nil
    }

    /// The first `]` that is a whole character, found on bytes.
    private static func closingBracket(in text: String, from start: String.Index, plain: Bool) -> String.Index? {
        let bytes = text.utf8
        var index = start
        while let found = bytes[index...].firstIndex(of: UInt8(ascii: "]")) {
            if plain { return found }
            if let close = found.samePosition(in: text), text[close] == "]" { return close }
            index = bytes.index(after: found)
        }
        return nil
    }

    /// The first `]]` as two whole characters: `]` followed by a combining mark or a
    /// joiner is another character, as the offsets (which count characters) see it.
    private static func closingBrackets(in text: String, from start: String.Index, plain: Bool) -> Range<String.Index>? {
        // Finds "]]" on bytes, then checks it as characters.
        let bytes = text.utf8
        var index = start
        while let first = bytes[index...].firstIndex(of: UInt8(ascii: "]")) {
            let second = bytes.index(after: first)
            if second < bytes.endIndex, bytes[second] == UInt8(ascii: "]") {
                if plain { return first..<bytes.index(after: second) }
                if let lower = first.samePosition(in: text), text[lower] == "]" {
                    let next = text.index(after: lower)
                    if next < text.endIndex, text[next] == "]" { return lower..<text.index(after: next) }
                }
            }
            index = second
        }
        return nil
    }

    private static func wikiLink(_ content: Substring) -> InlineToken? {
        var targetPart = content
        var label: String?
        if let bar = content.utf8.firstIndex(of: UInt8(ascii: "|")) {
            targetPart = content[..<bar]
            label = content[content.utf8.index(after: bar)...].trimmingSpaces()
            if label?.isEmpty == true { label = nil }
        }
        var fragment: String?
        if let hash = targetPart.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = targetPart[targetPart.utf8.index(after: hash)...].trimmingSpaces()
            targetPart = targetPart[..<hash]
            if fragment?.isEmpty == true { fragment = nil }
        }
        let target = targetPart.trimmingSpaces()
        guard !target.isEmpty || fragment != nil else { return nil }
        return .wikiLink(target: target, fragment: fragment, label: label)
    }

    /// Letters, digits, `-`, `_` and `.`; checked on bytes when the id is ASCII, as ids are.
    private static func isCitationID(_ id: Substring) -> Bool {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return id.utf8.allSatisfy(isCitationIDByte) }
        return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// `@one; @two` → ["one", "two"]; anything else is not a citation and stays text.
    private static func citationIDs(_ content: Substring) -> [String]? {
        if content.utf8.allSatisfy({ $0 < 0x80 }) { return asciiCitationIDs(content.utf8) }
        var ids: [String] = []
        for part in content.utf8.split(separator: UInt8(ascii: ";")) {
            let trimmed = Substring(part).trimmingSpaces()
            guard trimmed.utf8.first == UInt8(ascii: "@") else { return nil }
            let id = trimmed.dropFirst()
            guard !id.isEmpty, isCitationID(id) else { return nil }
            ids.append(String(id))
        }
        return ids.isEmpty ? nil : ids
    }

    /// The same reading on bytes, for the ASCII ids every citation has in practice.
    private static func asciiCitationIDs(_ content: Substring.UTF8View) -> [String]? {
        func ids(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
            citationIDRanges(inASCII: bytes)?.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        if let found = content.withContiguousStorageIfAvailable(ids) { return found }
        return Array(content).withUnsafeBufferPointer(ids)
    }

    /// Where each id of `@one; @two` lies in ASCII bytes; nil when they are not a citation.
    /// Parts are split on `;`, empty ones skipped; each is `@` and an id, spaces around.
    /// On the buffer's indices: splitting into slices was a quarter of the scanner's time.
    static func citationIDRanges(inASCII bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        var partStart = 0
        while partStart < bytes.count {
            var partEnd = partStart
            while partEnd < bytes.count, bytes[partEnd] != UInt8(ascii: ";") { partEnd += 1 }
            if partEnd > partStart {
                let part = trimmedSpaces(bytes, partStart..<partEnd)
                guard !part.isEmpty, bytes[part.lowerBound] == UInt8(ascii: "@"), part.count > 1 else { return nil }
                let id = (part.lowerBound + 1)..<part.upperBound
                guard bytes[id].allSatisfy(isCitationIDByte) else { return nil }
                ranges.append(id)
            }
            partStart = partEnd + 1
        }
        return ranges.isEmpty ? nil : ranges
    }

    private static func isCitationIDByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// `range` without the ASCII whitespace at its ends.
    static func trimmedSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

extension StringProtocol {
    /// Whitespace trimmed at both ends. ASCII edges are trimmed on bytes (a space before
    /// another ASCII byte, or at the end, is a character of its own); only a non-ASCII edge
    /// pays for Unicode's view of characters.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while let first = slice.utf8.first, isSpace(first) {
            let next = slice.utf8.index(after: slice.utf8.startIndex)
            guard next == slice.utf8.endIndex || slice.utf8[next] < 0x80 else { break }
            slice = slice[next...]
        }
        while let last = slice.utf8.last, isSpace(last) { slice = slice[..<slice.utf8.index(before: slice.utf8.endIndex)] }
        if let first = slice.utf8.first, first >= 0x80 || isSpace(first) {
            while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        }
        if let last = slice.utf8.last, last >= 0x80 {
            while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        }
        return String(slice)
    }
}
