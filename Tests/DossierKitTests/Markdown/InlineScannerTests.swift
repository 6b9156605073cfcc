import Testing

@testable import DossierKit

@Suite("InlineScanner")
struct InlineScannerTests {
    private func tokens(_ text: String) -> [InlineToken] {
        InlineScanner.scan(text).compactMap { if case .token(let token, _, _) = $0 { token } else { nil } }
    }

    @Test func plainWikiLink() {
        #expect(
            InlineScanner.scan("[[Mali]]") == [.token(.wikiLink(target: "Mali", fragment: nil, label: nil), source: "[[Mali]]", offset: 0)])
    }

    @Test func wikiLinkWithLabel() {
        #expect(tokens("[[a|b]]") == [.wikiLink(target: "a", fragment: nil, label: "b")])
        #expect(
            tokens("[[Assimi Goïta|the transitional president]]") == [
                .wikiLink(target: "Assimi Goïta", fragment: nil, label: "the transitional president")
            ])
    }

    @Test func wikiLinkWithFragment() {
        #expect(tokens("[[a#H]]") == [.wikiLink(target: "a", fragment: "H", label: nil)])
        #expect(
            tokens("[[rome-statute#Article 127|Article 127]]") == [
                .wikiLink(target: "rome-statute", fragment: "Article 127", label: "Article 127")
            ])
        #expect(tokens("[[#Background]]") == [.wikiLink(target: "", fragment: "Background", label: nil)])
    }

    @Test func spacesAroundPartsAreTrimmed() {
        #expect(tokens("[[ Mali | the state ]]") == [.wikiLink(target: "Mali", fragment: nil, label: "the state")])
        #expect(tokens("[[Mali|]]") == [.wikiLink(target: "Mali", fragment: nil, label: nil)])
    }

    @Test func citations() {
        #expect(tokens("[@x]") == [.citation(ids: ["x"])])
        #expect(tokens("[@x; @y]") == [.citation(ids: ["x", "y"])])
        #expect(tokens("[@icc-otp_2024.v2]") == [.citation(ids: ["icc-otp_2024.v2"])])
        #expect(tokens("[@x ;\t@y ;; @z]") == [.citation(ids: ["x", "y", "z"])])
        #expect(tokens("[@rapport-café; @x]") == [.citation(ids: ["rapport-café", "x"])])
    }

    @Test(
        "not citations: stay text",
        arguments: ["[@ x]", "[@x; y]", "[@]", "[@;@x]", "[@x; @]", "[@x y]", "[@x; @é y]", "email me@x.org [at] home", "[see @x]"])
    func notCitations(text: String) {
        #expect(InlineScanner.scan(text) == [.text(text)])
    }

    @Test("not wiki links: stay text", arguments: ["[[x", "[[]]", "[[|label]]", "[[a\nb]]", "[single]", "[[a [b]]"])
    func notWikiLinks(text: String) {
        #expect(tokens(text).isEmpty)
        #expect(
            InlineScanner.scan(text).map { piece -> String in
                if case .text(let t) = piece { return t }
                return ""
            }.joined() == text)
    }

    /// ASCII text is scanned on bytes; any other character takes the character path. Both
    /// must read the same text the same way: the text with "é" in front scans to the same
    /// pieces, one character later.
    @Test func asciiAndUnicodePathsAgree() {
        let fragments = ["[[", "]]", "[", "]", "[@", "@", ";", "; @", "|", "#", " ", "\n", "a", "Mali", "x_y.z", "-", "]]]"]
        var random = SplitMix64(seed: 20_261_129)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...14, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined()
            let ascii = InlineScanner.scan(text)
            var unicode = InlineScanner.scan("é" + text)
            switch unicode.first {
            case .text("é"): unicode.removeFirst()
            case .text(let first): unicode[0] = .text(String(first.dropFirst()))
            default: Issue.record("\(text.debugDescription): the leading character was not text")
            }
            let shifted = unicode.map { piece -> InlineScanner.Piece in
                guard case .token(let token, let source, let offset) = piece else { return piece }
                return .token(token, source: source, offset: offset - 1)
            }
            #expect(ascii == shifted, "\(text.debugDescription)")
        }
    }

    @Test func unterminatedLinkKeepsTheRestScannable() {
        #expect(tokens("[[x and [[Mali]]") == [.wikiLink(target: "Mali", fragment: nil, label: nil)])
    }

    @Test func piecesKeepTextAndOffsetsInOrder() {
        let text = "Goïta led [[Mali]] [@a; @b], then [[Niger|its neighbour]]."
        let pieces = InlineScanner.scan(text)
        #expect(
            pieces == [
                .text("Goïta led "),
                .token(.wikiLink(target: "Mali", fragment: nil, label: nil), source: "[[Mali]]", offset: 10),
                .text(" "),
                .token(.citation(ids: ["a", "b"]), source: "[@a; @b]", offset: 19),
                .text(", then "),
                .token(.wikiLink(target: "Niger", fragment: nil, label: "its neighbour"), source: "[[Niger|its neighbour]]", offset: 34),
                .text("."),
            ])
        // Offsets count characters: each token's source is found at its offset.
        for case .token(_, let source, let offset) in pieces {
            #expect(String(Array(text)[offset..<(offset + source.count)]) == source)
        }
    }

    @Test func textWithoutTokensIsOnePiece() {
        #expect(InlineScanner.scan("Nothing [here] to see.") == [.text("Nothing [here] to see.")])
        #expect(InlineScanner.scan("") == [.text("")])
    }

    @Test func contextSentenceShowsLinksAsText() {
        let text = "First one. The junta in [[Mali|the state]] left [@a]. Third one!"
        let offset = Array(text).firstIndex(of: "[")!
        #expect(ContextSentence.extract(from: text, around: offset) == "The junta in the state left.")
        #expect(ContextSentence.readable("[[Mali]] and [[#Heading]] [@x].") == "Mali and Heading.")
    }

    @Test(
        "citation markers taken out of a quoted sentence leave no space before punctuation",
        arguments: [
            ("in 2000 [@untc] [@comm-2025].", "in 2000."),
            ("on 27 October 2017 [@a], one year to the day", "on 27 October 2017, one year to the day"),
            ("between 2020 and 2023 [@a]; that history", "between 2020 and 2023; that history"),
            ("as Article 127(1) provides [@a] [@b]!", "as Article 127(1) provides!"),
            ("the date (not confirmed [@a]) is", "the date (not confirmed) is"),
            ("two  spaces [@a]  stay one", "two spaces stay one"),
        ])
    func contextSentenceTidiesCitationGaps(text: String, expected: String) {
        #expect(ContextSentence.readable(text) == expected)
    }
}

/// The byte-level readings used for ASCII text against the scanner's general ones.
@Suite struct ASCIIFastPathTests {
    /// Texts dense in the characters the syntax turns on, so most edge cases come up.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        let pieces = [
            "[", "]", "[[", "]]", "[@", "@", "|", "#", ";", " ", "  ", "\t", "\n", ".", ",", "Mali", "a-b_c.d", "x", "é", "ï", "\r",
            "[[Mali]]", "[[Mali|the state]]", "[[#Heading]]", "[@x]", "[@a; @b]",
        ]
        return (0..<count).map { index in
            // One text in four may hold non-ASCII bytes or a carriage return.
            let allowed = index % 4 == 0 ? pieces : pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
            return (0..<Int.random(in: 0...24, using: &generator)).map { _ in allowed.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func quotesReadAsTheScannerReadsThem() {
        let texts = Self.randomTexts(count: 4000, seed: 7)
        var tokens = 0
        for text in texts {
            #expect(ContextSentence.readable(text) == ContextSentence.readableScanned(text), "\(text.debugDescription)")
            tokens += InlineScanner.scan(text).filter { if case .token = $0 { true } else { false } }.count
        }
        // The comparison covered links and citations, not only plain text.
        #expect(tokens > 2000)
    }

    @Test func citationIDsSplitAsWritten() {
        // The rule, written plainly: parts between semicolons, empty ones skipped, each
        // `@id` with spaces around, ids of letters, digits, `-`, `_` and `.`.
        func expected(_ content: String) -> [String]? {
            var ids: [String] = []
            for part in content.split(separator: ";") {
                let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.hasPrefix("@") else { return nil }
                let id = trimmed.dropFirst()
                guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else { return nil }
                ids.append(String(id))
            }
            return ids.isEmpty ? nil : ids
        }
        var generator = SplitMix64(seed: 11)
        let pieces = ["@", ";", " ", "\t", "x", "a-b", "c_d.e", "!", "@y", ";;"]
        var valid = 0
        for _ in 0..<3000 {
            let content =
                "@" + (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let found: [InlineToken] = InlineScanner.scan("[\(content)]").compactMap {
                if case .token(let token, _, _) = $0 { token } else { nil }
            }
            let ids = expected(content)
            #expect(found == (ids.map { [.citation(ids: $0)] } ?? []), "\(content.debugDescription)")
            if ids != nil { valid += 1 }
        }
        #expect(valid > 200)
    }
}
