/// Fact values are written as analysts type them ("2000-08-16; the 15th State Party"); the
/// page shows their dates as the rest of the site does ("16 August 2000").
enum FactDates {
    /// `html` with every full ISO date (`YYYY-MM-DD`) in its text written out; dates
    /// inside tags (an `href`) and code are left alone, as are impossible dates.
    static func format(_ html: String) -> String {
        guard mayHoldISODate(html) else { return html }
        // Tags are found on bytes and the text between them copied in slices: appending
        // Character by Character was most of an entity page's facts.
        let bytes = html.utf8
        var out = ""
        var inCode = false
        var textStart = html.startIndex
        while let open = bytes[textStart...].firstIndex(of: UInt8(ascii: "<")),
            let close = bytes[open...].firstIndex(of: UInt8(ascii: ">"))
        {
            let text = html[textStart..<open]
            out += inCode ? String(text) : rewrite(text)
            let tag = html[open...close]
            if tag.hasPrefix("<code") { inCode = true } else if tag.hasPrefix("</code") { inCode = false }
            out += tag
            textStart = bytes.index(after: close)
        }
        let text = html[textStart...]
        return out + (inCode ? String(text) : rewrite(text))
    }

    /// Whether `html` has four digits, a hyphen and a digit anywhere: most facts have no
    /// date, and the walk below reads every Character of every fact of every entity page.
    static func mayHoldISODate(_ html: some StringProtocol) -> Bool {
        var digits = 0
        var afterHyphen = false
        for byte in html.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if afterHyphen {
                if isDigit { return true }
                afterHyphen = false
            }
            if isDigit {
                digits += 1
            } else {
                afterHyphen = byte == UInt8(ascii: "-") && digits >= 4
                digits = 0
            }
        }
        return false
    }

    private static func rewrite(_ text: Substring) -> String {
        guard mayHoldISODate(text) else { return String(text) }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return rewriteASCII(text) }
        let characters = Array(text)
        guard characters.count >= 10 else { return String(text) }
        var out = ""
        var i = 0
        func digit(_ j: Int) -> Bool { j < characters.count && characters[j].isASCII && characters[j].isNumber }
        while i < characters.count {
            // Ten characters NNNN-NN-NN, not part of a longer run of digits or a range.
            if i + 10 <= characters.count, (0..<4).allSatisfy({ digit(i + $0) }), characters[i + 4] == "-",
                digit(i + 5), digit(i + 6), characters[i + 7] == "-", digit(i + 8), digit(i + 9),
                i == 0 || !(characters[i - 1].isNumber || characters[i - 1] == "/" || characters[i - 1] == "-"),
                !(digit(i + 10) || (i + 10 < characters.count && (characters[i + 10] == "/" || characters[i + 10] == "-"))),
                let date = try? DateParser.parse(String(characters[i..<(i + 10)]))
            {
                out += DateFormatting.display(date)
                i += 10
            } else {
                out.append(characters[i])
                i += 1
            }
        }
        return out
    }

    /// `rewrite` on text of ASCII bytes, where a byte is a character (a CR LF pair is
    /// one, but neither byte is a digit, `/` or `-`, so the rules read the same): making
    /// an array of Characters and asking each whether it is a number was most of an entity
    /// page's facts.
    private static func rewriteASCII(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        func isDigit(_ j: Int) -> Bool { j < bytes.count && bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9") }
        func isDigitOrJoiner(_ j: Int) -> Bool { isDigit(j) || bytes[j] == UInt8(ascii: "/") || bytes[j] == UInt8(ascii: "-") }
        var out = ""
        var copied = 0  // bytes before this are in `out`
        var i = 0
        while i + 10 <= bytes.count {
            if (0..<4).allSatisfy({ isDigit(i + $0) }), bytes[i + 4] == UInt8(ascii: "-"), isDigit(i + 5), isDigit(i + 6),
                bytes[i + 7] == UInt8(ascii: "-"), isDigit(i + 8), isDigit(i + 9), i == 0 || !isDigitOrJoiner(i - 1),
                i + 10 == bytes.count || !isDigitOrJoiner(i + 10),
                let date = try? DateParser.parse(String(decoding: bytes[i..<(i + 10)], as: UTF8.self))
            {
                out += String(decoding: bytes[copied..<i], as: UTF8.self) + DateFormatting.display(date)
                i += 10
                copied = i
            } else {
                i += 1
            }
        }
        return copied == 0 ? String(text) : out + String(decoding: bytes[copied...], as: UTF8.self)
    }
}
