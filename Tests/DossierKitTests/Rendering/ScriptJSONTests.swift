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
}
