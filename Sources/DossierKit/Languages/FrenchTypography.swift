/// French spacing in the text of a page: a no-break space where French sets a space that
/// must not end a line, before `; : ! ?` and inside « guillemets ».
///
/// Only spaces the writer typed are made unbreakable (and guillemets given theirs), never
/// spaces inserted before every `?`: that would change URLs and times written in text,
/// and English quoted on a French page. Tags, attributes and the text of `code`, `pre`,
/// `script` and `style` are left as they are.
public enum FrenchTypography {
    /// U+202F, the narrow no-break space French sets before `; ! ?` and inside guillemets.
    static let narrow: Character = "\u{202F}"
    /// U+00A0, the no-break space French sets before `:`.
    static let noBreak: Character = "\u{00A0}"

    /// Applies the rules to the text of `html`.
    public static func apply(toHTML html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 64)
        var text = ""
        var index = html.startIndex
        var verbatimUntil: String?  // the closing tag of code, pre, script or style
        while index < html.endIndex {
            guard html[index] == "<", let close = html[index...].firstIndex(of: ">") else {
                text.append(html[index])
                index = html.index(after: index)
                continue
            }
            result += verbatimUntil == nil ? apply(toText: text) : text
            text = ""
            let tag = html[index...close]
            result += tag
            let name = tagName(tag)
            if let until = verbatimUntil {
                if name == until { verbatimUntil = nil }
            } else if ["code", "pre", "script", "style"].contains(name) {
                verbatimUntil = "/" + name
            }
            index = html.index(after: close)
        }
        result += verbatimUntil == nil ? apply(toText: text) : text
        return result
    }

    /// Applies the rules to plain text (no markup).
    public static func apply(toText text: String) -> String {
        guard text.contains(where: { ";:!?«»".contains($0) }) else { return text }
        var characters = Array(text)
        for i in characters.indices {
            switch characters[i] {
            case ";", "!", "?", ":":
                let space = characters[i] == ":" ? noBreak : narrow
                if i > 0, characters[i - 1] == " " || characters[i - 1] == noBreak || characters[i - 1] == narrow {
                    characters[i - 1] = space
                }
            case "«":
                if i + 1 < characters.count, characters[i + 1] == " " { characters[i + 1] = narrow }
            case "»":
                if i > 0, characters[i - 1] == " " { characters[i - 1] = narrow }
            default: break
            }
        }
        // Guillemets written without their spaces get them.
        var result = ""
        for (i, character) in characters.enumerated() {
            if character == "»", i > 0, characters[i - 1] != narrow, characters[i - 1] != noBreak { result.append(narrow) }
            result.append(character)
            if character == "«", i + 1 < characters.count, characters[i + 1] != narrow, characters[i + 1] != noBreak {
                result.append(narrow)
            }
        }
        return result
    }

    /// `code` for `<code class="x">`, `/code` for `</code>`.
    static func tagName(_ tag: Substring) -> String {
        var inner = tag.dropFirst()
        let closing = inner.first == "/"
        if closing { inner = inner.dropFirst() }
        let name = inner.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return closing ? "/" + name : name
    }
}
