import Foundation
import Testing

@testable import DossierKit

@Suite("JSON inside <script>")
struct ScriptJSONTests {
    @Test("round-trips through a JSON parser, keys sorted, nothing that can end a script")
    func roundTrip() throws {
        // è and © end in the bytes A8 and A9, as U+2028 and U+2029 do.
        let tricky = "Goïta \"quoted\" back\\slash\nnew line\ttab \u{01} </script><!-- & \u{2028}\u{2029} endogènes © end"
        let value: [String: Any] = ["z": [tricky, 3, true], "a": ["nested": tricky, "n": -7], "m": [] as [Any]]
        let json = ScriptJSON.encode(value)
        #expect(json.hasPrefix("{\"a\":"))
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}") && !json.contains("\n"))
        #expect(json.contains("endogènes ©"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((parsed["z"] as? [Any])?.first as? String == tricky)
        #expect((parsed["a"] as? [String: Any])?["nested"] as? String == tricky)
        #expect((parsed["a"] as? [String: Any])?["n"] as? Int == -7)
        #expect((parsed["m"] as? [Any])?.isEmpty == true)
    }

    @Test("strings come out as the rule written byte by byte says, on random texts")
    func stringsMatchThePlainRule() {
        let pieces = [
            "a", "Goïta", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}",
            "\u{2026}", "è", "©", "€", " ", "endogènes", "\u{E2}",
        ]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ScriptJSON.encode(text) == Self.plainJSON(text), "\(text.debugDescription)")
        }
    }

    /// The rule, one byte at a time.
    static func plainJSON(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
