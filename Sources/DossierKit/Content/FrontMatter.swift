/// A Markdown file split into its YAML front matter and its body, with the line
/// each part starts on so errors inside either point at the right line of the file.
struct FrontMatterSplit: Equatable, Sendable {
    var yaml: String
    /// Line of the file holding the first line of `yaml` (the line after `---`).
    var yamlFirstLine: Int
    var body: String
    /// Line of the file holding the first line of `body`.
    var bodyFirstLine: Int
}

enum FrontMatter {
    /// Splits `---\n yaml \n---\n body`. A file without an opening `---` has no front matter.
    static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatterSplit {
        // Walks line by line only as far as the closing fence; the body is sliced once.
        let bytes = text.utf8
        // A line ends at "\n", as the characters see it: "\r\n" is one character, not a
        // line end (SourceText has already made line ends "\n" in files).
        func lineEnd(from start: String.Index) -> String.Index {
            var index = start
            while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
                if newline == bytes.startIndex || bytes[bytes.index(before: newline)] != UInt8(ascii: "\r") { return newline }
                index = bytes.index(after: newline)
            }
            return text.endIndex
        }
        let firstEnd = lineEnd(from: text.startIndex)
        guard isFence(text[text.startIndex..<firstEnd]) else {
            return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        guard firstEnd < text.endIndex else { throw notClosed(file) }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while true {
            let end = lineEnd(from: lineStart)
            let line = text[lineStart..<end]
            if isFence(line) || line == "..." {
                let bodyStart = end < text.endIndex ? bytes.index(after: end) : end
                // The YAML without the newline that ends its last line.
                let yamlEnd = lineStart > yamlStart ? bytes.index(before: lineStart) : yamlStart
                return FrontMatterSplit(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2, body: String(text[bodyStart...]),
                    bodyFirstLine: lineNumber + 1)
            }
            guard end < text.endIndex else { throw notClosed(file) }
            lineStart = bytes.index(after: end)
            lineNumber += 1
        }
    }

    private static func notClosed(_ file: String) -> Diagnostic {
        .error(
            "front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
            hint: "end the front matter with a line holding only '---'")
    }

    private static func isFence(_ line: Substring) -> Bool {
        // Every line of front matter is asked: one that does not start with three '-'
        // bytes is answered without counting its characters.
        guard line.utf8.starts(with: "---".utf8) else { return false }
        return line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
