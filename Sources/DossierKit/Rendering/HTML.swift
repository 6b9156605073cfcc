import Foundation

/// Escaping for text and attribute values written into HTML, by Swift code and, through
/// `TemplateSet`, by every `{{value}}` of the templates.
public enum HTML {
    /// `&`, `<`, `>`, `"` and, unless told not to (as cmark-gfm does not), `'`.
    public static func escape(_ text: String, apostrophes: Bool = true) -> String {
        // On bytes, and without copying text that has nothing to escape, which is most.
        let bytes = text.utf8
        // A native string's bytes are searched in place, not through the view's indices.
        let needsEscaping =
            bytes.withContiguousStorageIfAvailable { containsSpecial($0, apostrophes: apostrophes) }
            ?? bytes.contains { isSpecial($0, apostrophes: apostrophes) }
        guard needsEscaping else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case 0x26: result += Array("&amp;".utf8)
            case 0x3C: result += Array("&lt;".utf8)
            case 0x3E: result += Array("&gt;".utf8)
            case 0x22: result += Array("&quot;".utf8)
            case 0x27 where apostrophes: result += Array("&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes` hold a byte `escape` replaces. Every `{{value}}` of every page is
    /// searched: eight bytes at a time, a word matching none of the five in any byte
    /// (searched byte by byte, it was over 1% of a build).
    static func containsSpecial(_ bytes: UnsafeBufferPointer<UInt8>, apostrophes: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of `word ^ pattern` is zero where `word` holds the pattern's byte.
        func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (UInt64(byte) &* ones)
            return (x &- ones) & ~x & highs != 0
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if holds(word, 0x26) || holds(word, 0x3C) || holds(word, 0x3E) || holds(word, 0x22) || (apostrophes && holds(word, 0x27)) {
                return true
            }
            index += 8
        }
        return bytes[index...].contains { isSpecial($0, apostrophes: apostrophes) }
    }

    private static func isSpecial(_ byte: UInt8, apostrophes: Bool) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (apostrophes && byte == 0x27)
    }
}

/// JSON for `<script>` elements: keys sorted so output is deterministic, and `<`, `>`
/// and `&` written as `\u003c`… so no value can close the script element early.
/// Written by hand for the plain values pages use (strings, numbers, booleans, lists,
/// string-keyed dictionaries): every page and every search record goes through it.
enum ScriptJSON {
    static func encode(_ value: Any) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: Any, into out: inout [UInt8]) {
        switch value {
        case let string as String: write(string: string, into: &out)
        case let bool as Bool: out += Array((bool ? "true" : "false").utf8)
        case let int as Int: out += Array(String(int).utf8)
        case let double as Double: out += Array((double.isFinite ? String(double) : "null").utf8)
        case let dictionary as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(string: key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(dictionary[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let list as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, item) in list.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default: out += Array("null".utf8)
        }
    }

    private static func write(string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        // Runs of bytes that need nothing are copied whole: byte by byte, this was most of
        // the search index's time.
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2 else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript
                    // source: written as escapes. Any other character is copied.
                    if index + 1 < bytes.count, bytes[index] == 0x80, bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9 {
                        out += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                        index += 2
                    } else {
                        out.append(byte)
                    }
                default:
                    let hex = String(byte, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
