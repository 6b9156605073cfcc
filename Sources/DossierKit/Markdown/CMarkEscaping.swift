/// cmark-gfm's own escaping, for HTML the build writes where cmark-gfm would have written
/// it (links filled into Markdown rendered ahead, see `PreparedMarkdown`): the page must
/// come out as if cmark-gfm had rendered the link itself. Tests compare both on every byte.
enum CMarkEscaping {
    /// Text and attribute values: `"`, `&`, `<` and `>`; unlike `HTML.escape`, not `'`.
    static func text(_ text: String) -> String { HTML.escape(text, apostrophes: false) }

    /// A link's `href`: printable ASCII stays except the characters below, which are
    /// percent-encoded like every other byte; `&` and `'` become entities.
    static func href(_ url: String) -> String {
        let bytes = url.utf8
        guard !bytes.allSatisfy(isKept) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if isKept(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out += Array("&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                out += Array("&#x27;".utf8)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false
        default: return true
        }
    }
}
