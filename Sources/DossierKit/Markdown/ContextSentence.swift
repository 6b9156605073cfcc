/// Cuts the sentence holding a position out of a paragraph, and shows wiki-link and
/// citation syntax as a reader would see it.
enum ContextSentence {
    static func extract(from text: String, around offset: Int, maxLength: Int = 280) -> String {
        extract(from: Array(text), around: offset, maxLength: maxLength)
    }

    static func extract(from characters: [Character], around offset: Int, maxLength: Int = 280) -> String {
        guard !characters.isEmpty else { return "" }
        let position = min(max(0, offset), characters.count - 1)
        var start = position
        while start > 0 {
            let previous = characters[start - 1]
            if (previous == " " || previous == "\n") && start >= 2 && ".!?".contains(characters[start - 2]) { break }
            start -= 1
        }
        var end = position
        while end < characters.count {
            if ".!?".contains(characters[end]) && (end + 1 == characters.count || characters[end + 1] == " ") {
                end += 1
                break
            }
            end += 1
        }
        var sentence = String(characters[start..<end])
        sentence = readable(sentence).trimmingSpaces()
        if sentence.count > maxLength { sentence = String(sentence.prefix(maxLength - 1)) + "…" }
        return sentence
    }

    /// `[[Mali|the state]]` → "the state", `[[Mali]]` → "Mali", `[@src]` → "".
    static func readable(_ text: String) -> String {
        InlineScanner.scan(text).map { piece in
            switch piece {
            case .text(let text): return text
            case .token(.wikiLink(let target, let fragment, let label), _, _): return label ?? (target.isEmpty ? fragment ?? "" : target)
            case .token(.citation, _, _): return ""
            }
        }.joined().replacing(" .", with: ".").replacing("  ", with: " ")
    }
}
