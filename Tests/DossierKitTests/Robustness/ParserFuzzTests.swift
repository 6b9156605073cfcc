import Foundation
import Testing

@testable import DossierKit

/// Seeded input generation for the fuzz tests: random characters and bytes, and mutations
/// of valid inputs built from the fragments the parsers care about.
struct Fuzzer {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let fragments: [String] = [
        "---", "--- ", "...", "\n", "\n", "\n", "\r\n", "\r", "[[", "]]", "[", "]", "|", "#", "[@", "@", ";", "; @", "-", "/", "~",
        " ", "  ", "\t", "0", "1", "2", "9", "2025", "-09", "-02", "-29", "-31", "2024-02-29", "é", "e\u{0301}", "\u{0301}",
        "🇫🇷", "👩‍👩‍👧", "\u{200D}", "\u{FEFF}", "\u{2028}", "\u{00A0}", "日本", "٣", "５", "\u{0}", ":", "title: x", "\"", "'",
        "{", "}", "- ", "Mali", "a", "x_y.z",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One Unicode scalar from a mix of ranges: ASCII, Latin-1, combining marks, CJK, emoji, specials.
    mutating func scalar() -> Character {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x20...0x7E, 0x20...0x7E, 0x80...0xFF, 0x300...0x36F, 0x2000...0x206F, 0x4E00...0x4E80,
            0x1F1E6...0x1F1FF, 0x1F300...0x1F64F, 0xFE00...0xFE0F, 0xE000...0xE010, 0xFFF0...0xFFFF, 0x10FFF0...0x10FFFF,
        ]
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: pick(ranges), using: &random)) { return Character(scalar) }
        }
    }

    /// Random text: fragments and random scalars, up to `maxPieces` of them.
    mutating func text(maxPieces: Int, fragments: [String] = Fuzzer.fragments) -> String {
        var text = ""
        for _ in 0..<int(0...maxPieces) {
            if chance(70) { text += pick(fragments) } else { text.append(scalar()) }
        }
        return text
    }

    /// One to four edits of `text`: insert, delete, replace, duplicate, swap or truncate.
    mutating func mutate(_ text: String, fragments: [String] = Fuzzer.fragments) -> String {
        var characters = Array(text)
        for _ in 0..<int(1...4) {
            let position = int(0...characters.count)
            switch int(0...6) {
            case 0, 1: characters.insert(contentsOf: Array(chance(80) ? pick(fragments) : String(scalar())), at: position)
            case 2:
                guard position < characters.count else { continue }
                characters.removeSubrange(position..<min(characters.count, position + int(1...8)))
            case 3:
                guard position < characters.count else { continue }
                characters.replaceSubrange(position...position, with: Array(pick(fragments)))
            case 4:
                guard position < characters.count else { continue }
                let slice = characters[position..<min(characters.count, position + int(1...20))]
                characters.insert(contentsOf: Array(slice), at: int(0...characters.count))
            case 5:
                guard characters.count > 1 else { continue }
                characters.swapAt(int(0...(characters.count - 1)), int(0...(characters.count - 1)))
            default:
                characters.removeSubrange(position...)
            }
        }
        return String(characters)
    }

    /// Random bytes, or valid UTF-8 text with a few bytes changed.
    mutating func bytes(from text: String) -> [UInt8] {
        var bytes: [UInt8]
        if chance(30) {
            bytes = (0..<int(0...64)).map { _ in UInt8.random(in: 0...255, using: &random) }
        } else {
            bytes = Array(text.utf8)
            for _ in 0..<int(0...3) {
                let special: [UInt8] = [0x00, 0x0A, 0x0D, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
                let byte = chance(70) ? pick(special) : UInt8.random(in: 0...255, using: &random)
                let position = int(0...bytes.count)
                if chance(50) || position == bytes.count { bytes.insert(byte, at: position) } else { bytes[position] = byte }
            }
        }
        if chance(15) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }
}

/// Runs `body` `count` times, then prints how many inputs ran and how long it took.
private func fuzz(_ name: String, count: Int, seed: UInt64, _ body: (inout Fuzzer, Int) throws -> Void) rethrows {
    var fuzzer = Fuzzer(seed: seed)
    let clock = ContinuousClock()
    let start = clock.now
    for index in 0..<count { try body(&fuzzer, index) }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("fuzz \(name): \(count) inputs in \(String(format: "%.2f", seconds)) s (seed \(seed))")
}

/// Fixture Markdown files, as seeds for mutation.
private let fixtureTexts: [String] = {
    let root = TestPaths.fixtures
    let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
    return files.sorted().compactMap { try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
}()

/// The spec's well-formed UTF-8 byte sequences (Unicode Table 3-7): the offset of the
/// first ill-formed sequence, or nil. Written apart from `SourceText` to check it.
private func firstIllFormedUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    func inRange(_ offset: Int, _ range: ClosedRange<UInt8>) -> Bool { i + offset < bytes.count && range.contains(bytes[i + offset]) }
    while i < bytes.count {
        let lead = bytes[i]
        var second: ClosedRange<UInt8> = 0x80...0xBF
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return i
        }
        if length > 1 {
            guard inRange(1, second) else { return i }
            for k in 2..<length where !inRange(k, 0x80...0xBF) { return i }
        }
        i += length
    }
    return nil
}

extension Robustness {
    /// Property-based tests of the hand-written parsers on many thousands of seeded inputs:
    /// no crash, termination, and invariants that tie the output back to the input.
    @Suite("Parser fuzzing")
    struct ParserFuzzing {
        // MARK: FrontMatter.split

        /// Checks one split against the input's lines; returns whether the text had front matter.
        private func checkSplit(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            func isFence(_ line: Substring) -> Bool {
                line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
            }
            do {
                let split = try FrontMatter.split(text, file: "f.md")
                #expect(text.hasSuffix(split.body), "body is not the end of the input: \(text.debugDescription)")
                guard isFence(lines[0]) else {
                    #expect(split == FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1))
                    return
                }
                // Lines 2..<closing are the YAML, the closing fence is a fence or "...", the body is the rest.
                #expect(split.yamlFirstLine == 2)
                let closing = split.bodyFirstLine - 2  // 0-based index of the closing line
                guard closing >= 1, closing < lines.count else {
                    Issue.record("closing fence line out of range for \(text.debugDescription)")
                    return
                }
                #expect(isFence(lines[closing]) || lines[closing] == "...")
                #expect(!lines[1..<closing].contains { isFence($0) || $0 == "..." }, "an earlier line closes: \(text.debugDescription)")
                #expect(split.yaml == lines[1..<closing].joined(separator: "\n"))
                #expect(split.body == lines[(closing + 1)...].joined(separator: "\n"))
                // Reassembled, the parts give back the input, so every offset maps back.
                let rebuilt = ([String(lines[0])] + (closing > 1 ? [split.yaml] : []) + [String(lines[closing]), split.body])
                    .joined(separator: "\n")
                #expect(
                    Array(rebuilt.utf8) == Array(text.utf8) || split.body.isEmpty && closing == lines.count - 1 && rebuilt == text + "\n")
            } catch {
                #expect(error.location == SourceLocation(file: "f.md", line: 1, column: 1))
                #expect(error.message == "front matter is not closed")
                #expect(isFence(lines[0]) && !lines.dropFirst().contains { isFence($0) || $0 == "..." }, "\(text.debugDescription)")
            }
        }

        @Test("FrontMatter.split: parts reassemble the input, lines match")
        func frontMatterSplit() {
            let seeds = fixtureTexts + ["---\ntitle: A\n---\nbody", "---\n---\n", "---\n...\n", "--- \t\nx: 1\n---  \n\n# H\n"]
            fuzz("FrontMatter.split", count: 20_000, seed: 1) { fuzzer, index in
                let text: String
                switch index % 4 {
                case 0: text = fuzzer.text(maxPieces: 40)
                case 1: text = "---\n" + fuzzer.text(maxPieces: 30)
                default: text = fuzzer.mutate(fuzzer.pick(seeds))
                }
                checkSplit(text)
            }
        }

        @Test("DocumentParser.parse on mutated fixture files: no crash, located diagnostics")
        func documentParser() {
            let paths = ["briefings/x.md", "entities/countries/x.md", "events/x.md", "sources/x.md", "index.md"]
            fuzz("DocumentParser.parse (Yams included)", count: 3_000, seed: 2) { fuzzer, index in
                let text = fuzzer.mutate(fuzzer.pick(fixtureTexts))
                let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let (_, diagnostics) = DocumentParser.parse(text: text, relativePath: fuzzer.pick(paths), file: "Content/x.md")
                for diagnostic in diagnostics {
                    #expect(diagnostic.location.file == "Content/x.md")
                    #expect((1...(lineCount + 1)).contains(diagnostic.location.line), "\(diagnostic) for \(text.debugDescription)")
                    #expect(diagnostic.location.column >= 1)
                }
            }
        }

        // MARK: InlineScanner

        /// Runs offset checks (kept as a function so each input names itself in failures).
        private func offsetChecks(_ text: String, _ body: () -> Void) {
            body()
        }

        private func checkScan(_ text: String) -> Int {
            let pieces = InlineScanner.scan(text)
            let characters = Array(text)
            var offset = 0
            var rebuilt = ""
            var previousWasText = false
            var tokens = 0
            for piece in pieces {
                switch piece {
                case .text(let plain):
                    #expect(!previousWasText, "two text pieces in a row for \(text.debugDescription)")
                    #expect(!plain.isEmpty || text.isEmpty)
                    rebuilt += plain
                    offset += plain.count
                    previousWasText = true
                case .token(let token, let source, let tokenOffset):
                    tokens += 1
                    // Tokens lie inside the input, in order, without overlap, at their offset.
                    offsetChecks(text) {
                        #expect(tokenOffset == offset, "offset \(tokenOffset) != \(offset) in \(text.debugDescription)")
                        #expect(tokenOffset + source.count <= characters.count)
                        if tokenOffset + source.count <= characters.count {
                            #expect(String(characters[tokenOffset..<(tokenOffset + source.count)]) == source, "\(text.debugDescription)")
                        }
                    }
                    // Scanned again on its own, the source is the same single token.
                    #expect(InlineScanner.scan(source) == [.token(token, source: source, offset: 0)], "\(source.debugDescription)")
                    switch token {
                    case .wikiLink(let target, let fragment, let label):
                        #expect(source.hasPrefix("[[") && source.hasSuffix("]]"))
                        #expect(!source.dropFirst(2).dropLast(2).contains("[") && !source.contains("\n"))
                        #expect(!target.contains("|") && !target.contains("#"))
                        #expect(!target.isEmpty || fragment != nil)
                        #expect(!(fragment?.contains("|") ?? false))
                        for part in [target, fragment ?? "x", label ?? "x"] {
                            #expect(part == part.trimmingSpaces() && (part.isEmpty ? part == target : true))
                        }
                    case .citation(let ids):
                        #expect(source.hasPrefix("[@") && source.hasSuffix("]"))
                        #expect(!ids.isEmpty)
                        for id in ids {
                            #expect(
                                !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }, "\(id.debugDescription)")
                        }
                    }
                    rebuilt += source
                    offset += source.count
                    previousWasText = false
                }
            }
            // Text and token sources, in order, are the input again.
            #expect(Array(rebuilt.unicodeScalars) == Array(text.unicodeScalars), "pieces do not rebuild \(text.debugDescription)")
            offsetChecks(text) { #expect(offset == characters.count, "\(text.debugDescription)") }
            return tokens
        }

        @Test("InlineScanner.scan: pieces rebuild the input, tokens in range and in order")
        func inlineScanner() {
            let seeds =
                [
                    "Goïta led [[Mali]] [@a; @b], then [[Niger|its neighbour]].", "[[Rome Statute#Article 127|the article]] [@untc]",
                    "[[#Background]] and [[a [b]] and [@x; y] and [[x|y|z]] [[a#b#c]]",
                ] + fixtureTexts.map { (try? FrontMatter.split($0, file: "x.md"))?.body ?? $0 }
            var tokens = 0
            fuzz("InlineScanner.scan", count: 20_000, seed: 3) { fuzzer, index in
                let text = index % 2 == 0 ? fuzzer.text(maxPieces: 40) : fuzzer.mutate(fuzzer.pick(seeds))
                tokens += checkScan(text)
            }
            print("  InlineScanner found \(tokens) tokens")
            #expect(tokens > 1000)
        }

        @Test("a ']' fused with a joiner does not close a wiki link, and offsets after it stay right")
        func wikiLinkBeforeJoiner() {
            let text = "[[Mali]]\u{200D} and [[Niger]]"
            let offsets = InlineScanner.scan(text).compactMap { if case .token(_, _, let offset) = $0 { offset } else { nil } }
            // "[[Mali]]\u{200D}" is 8 Characters (the joiner fuses with ']'), so it stays
            // text, visible to the author; " and " is 5 more.
            #expect(offsets == [13])
        }

        // MARK: DateParser

        private func parseDate(_ text: String) -> Result<DossierDate, DateParser.Failure> {
            do { return .success(try DateParser.parse(text)) } catch { return .failure(error) }
        }

        @Test("DateParser.parse: what parses re-formats and re-parses to the same value; errors are in range")
        func dateParser() {
            var parsed = 0
            fuzz("DateParser.parse", count: 20_000, seed: 4) { fuzzer, index in
                var text: String
                if index % 3 == 0 {
                    text = fuzzer.text(
                        maxPieces: 8,
                        fragments: [
                            "2025", "1900", "2000", "0000", "9999", "-", "/", "~", " ", "0", "1", "2", "3", "9", "-02", "-12", "-13", "-29",
                            "-30", "-31", "\t", "٣", "５", "\u{A0}", "x",
                        ])
                } else {
                    // A date that should be valid, then perhaps mutated.
                    let year = fuzzer.int(0...9997), month = fuzzer.int(1...12)
                    let day = fuzzer.int(1...CivilCalendar.daysIn(month: month, year: year))
                    let start = CalendarPoint(year: year, month: fuzzer.chance(70) ? month : nil, day: nil)
                    var point = start
                    if point.month != nil, fuzzer.chance(70) { point.day = day }
                    var date = DossierDate(start: point, isApproximate: fuzzer.chance(20))
                    if fuzzer.chance(30) {
                        var end = point
                        end.year += fuzzer.int(0...2)
                        if end.day == nil && end.month == nil && end.year == point.year { end.year += 1 }
                        if let m = end.month, end.year == point.year, m < 12 { end.month = fuzzer.int((m + 1)...12) }
                        if end.day != nil { end.day = min(end.day!, CivilCalendar.daysIn(month: end.month!, year: end.year)) }
                        if end.firstDay > point.firstDay { date.end = end }
                    }
                    text = date.description
                    let valid = try? DateParser.parse(text)
                    #expect(valid == date, "\(text) should parse to itself")
                    if index % 3 == 2 { text = fuzzer.mutate(text, fragments: ["-", "/", "~", " ", "0", "1", "9", "00", "31", "13", "x"]) }
                }
                switch parseDate(text) {
                case .success(let date):
                    parsed += 1
                    let again = parseDate(date.description)
                    #expect(again == .success(date), "\(text.debugDescription) → \(date) → \(again)")
                    #expect(!DateFormatting.display(date).isEmpty)
                    #expect(date.firstDay <= date.lastDay)
                    if let end = date.end {
                        #expect(end.precision == date.start.precision && end.firstDay > date.start.firstDay)
                    }
                    let first = parseDate(date.firstDayISO)
                    #expect((try? first.get())?.precision == .day && (try? first.get())?.firstDay == date.firstDay)
                    // Spaces around the date change nothing.
                    #expect(parseDate(" \(text)\t") == .success(date))
                case .failure(let error):
                    #expect(
                        (1...(text.count + 1)).contains(error.column),
                        "column \(error.column) for \(text.debugDescription): \(error.message)")
                    #expect(!error.message.isEmpty)
                    // A leading space moves the error one column right (unless the text
                    // starts with a mark that fuses with the space into one Character).
                    guard (" " + text).count == text.count + 1 else { return }
                    guard case .failure(let shifted) = parseDate(" " + text) else {
                        Issue.record("\(text.debugDescription) fails but not with a space before it")
                        return
                    }
                    #expect(shifted.column == error.column + 1 || error.message == "empty date", "\(text.debugDescription)")
                }
            }
            print("  DateParser accepted \(parsed) inputs")
            #expect(parsed > 5_000)
        }

        // MARK: SourceText

        private func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
            do { return .success(try SourceText.decode(Data(bytes), file: "f.md")) } catch { return .failure(error) }
        }

        @Test(
            "SourceText.decode: CRLF and CR before a combining mark or joiner give one LF each",
            arguments: [
                ("a\r\n\u{0301}b", "a\n\u{0301}b"), ("a\r\u{0301}b", "a\n\u{0301}b"),
                ("a\r\n\u{200D}\r\n\u{FE0F}", "a\n\u{200D}\n\u{FE0F}"),
                ("\r\r\n\n", "\n\n\n"),
            ])
        func lineEndsBeforeMarks(input: String, expected: String) throws {
            #expect(Array(try SourceText.decode(Data(input.utf8), file: "f.md").utf8) == Array(expected.utf8))
        }

        @Test("SourceText.decode: accepts exactly well-formed UTF-8 without NUL; errors at the first bad byte")
        func sourceText() {
            let seeds = fixtureTexts.map { String($0.prefix(300)) } + ["a\r\nb\rc\n", "Goïta — « x »\r\n"]
            var decoded = 0
            fuzz("SourceText.decode", count: 20_000, seed: 5) { fuzzer, index in
                let bytes = fuzzer.bytes(from: index % 2 == 0 ? fuzzer.text(maxPieces: 30) : fuzzer.pick(seeds))
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                func location(before end: Int) -> DossierKit.SourceLocation {
                    let prefix = body[..<end]
                    let line = prefix.filter { $0 == 0x0A }.count + 1
                    let lastLine = prefix.lastIndex(of: 0x0A).map { prefix[($0 + 1)...] } ?? prefix[...]
                    return SourceLocation(file: "f.md", line: line, column: lastLine.filter { $0 & 0xC0 != 0x80 }.count + 1)
                }
                switch decode(bytes) {
                case .success(let text):
                    decoded += 1
                    #expect(firstIllFormedUTF8(body) == nil && !body.contains(0), "accepted \(bytes)")
                    // Same as turning CRLF and CR into LF byte by byte.
                    var expected: [UInt8] = []
                    var i = 0
                    while i < body.count {
                        if body[i] == 0x0D {
                            expected.append(0x0A)
                            if i + 1 < body.count && body[i + 1] == 0x0A { i += 1 }
                        } else {
                            expected.append(body[i])
                        }
                        i += 1
                    }
                    #expect(Array(text.utf8) == expected)
                case .failure(let error):
                    if let bad = firstIllFormedUTF8(body) {
                        #expect(error.message == "file is not valid UTF-8 text")
                        #expect(error.location == location(before: bad), "\(bytes)")
                    } else if let nul = body.firstIndex(of: 0) {
                        #expect(error.message == "file contains a NUL byte and looks binary")
                        #expect(error.location == location(before: nul), "\(bytes)")
                    } else {
                        Issue.record("refused valid text \(bytes): \(error)")
                    }
                }
            }
            print("  SourceText decoded \(decoded) inputs")
        }
    }
}
