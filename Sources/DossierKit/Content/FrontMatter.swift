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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else {
            return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 2
        while let line = lines.first {
            lines = lines.dropFirst()
            if isFence(line) || line == "..." {
                return FrontMatterSplit(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(line)
            lineNumber += 1
        }
        throw .error(
            "front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
            hint: "end the front matter with a line holding only '---'")
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
