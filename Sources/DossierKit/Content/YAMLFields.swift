import Foundation
import Yams

/// Typed, located reads from one YAML mapping of front matter. Every problem becomes a
/// diagnostic at the line of the Markdown file (not of the YAML block), and reading
/// goes on so one run reports every problem of a file.
struct YAMLFields {
    let file: String
    /// Added to Yams' 1-based line numbers to get lines of the file.
    let lineOffset: Int
    private let pairs: [(key: String, value: Node, location: SourceLocation)]
    let location: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    private var readKeys: Set<String> = []

    /// Parses `yaml` (the front matter block) into the top-level mapping.
    static func parse(_ yaml: String, file: String, firstLine: Int) -> YAMLFields {
        let offset = firstLine - 1
        let start = SourceLocation(file: file, line: max(1, firstLine - 1), column: 1)
        // Stops at the first character that is not a space; trimming copied every block.
        guard !yaml.allSatisfy(\.isWhitespace) else {
            return YAMLFields(file: file, lineOffset: offset, pairs: [], location: start)
        }
        do {
            // Fields are read as text, so tags need no resolving (the default resolver tries
            // five regular expressions on every scalar); and naming the encoding spares Yams
            // copying the whole environment to look for an override, once per file.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                return YAMLFields(file: file, lineOffset: offset, pairs: [], location: start)
            }
            var fields = YAMLFields(file: file, lineOffset: offset, mapping: node, at: start)
            if node.mapping == nil {
                fields.diagnostics.append(
                    .error(
                        "front matter must be a mapping of 'key: value' lines", at: fields.locate(node),
                        hint: "write for example 'title: Mali'"))
            }
            return fields
        } catch {
            var fields = YAMLFields(file: file, lineOffset: offset, pairs: [], location: start)
            fields.diagnostics.append(Self.diagnostic(for: error, file: file, lineOffset: offset, yaml: yaml))
            return fields
        }
    }

    private init(file: String, lineOffset: Int, pairs: [(String, Node, SourceLocation)], location: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.pairs = pairs.map { (key: $0.0, value: $0.1, location: $0.2) }
        self.location = location
    }

    private init(file: String, lineOffset: Int, mapping node: Node, at location: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = location
        var pairs: [(key: String, value: Node, location: SourceLocation)] = []
        for (key, value) in node.mapping ?? [:] {
            let place = SourceLocation(
                file: file, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
            pairs.append((key.string ?? "\(key)", value, place))
        }
        self.pairs = pairs
    }

    func locate(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the text of a scalar starts: after its opening quote, if it has one.
    func locateText(_ node: Node) -> SourceLocation {
        var place = locate(node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { place.column += 1 }
        return place
    }

    var keys: [String] { pairs.map(\.key) }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Where a key is written, without reading it.
    func location(of key: String) -> SourceLocation? { pairs.first { $0.key == key }?.location }

    private mutating func node(_ key: String) -> (Node, SourceLocation)? {
        readKeys.insert(key)
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let scalar) = pair.value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return (pair.value, pair.location)
    }

    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
    }

    mutating func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.warning(message, at: location, hint: hint))
    }

    /// Reads `key` as one of `Value`'s raw values. An unknown value is an error, or a
    /// warning when `unknownIsWarning` (the value is then kept as text but drives nothing);
    /// either way with the closest known value as a "did you mean".
    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, as _: Value.Type, required: Bool = false, unknownIsWarning: Bool = false, what: String, listedAs: String
    ) -> (text: Located<String>, value: Value?)? where Value.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let value = Value(rawValue: text.value) { return (text, value) }
        let known = Value.allCases.map(\.rawValue)
        let guess = Suggestions.closest(to: text.value, among: known)
        let message = "unknown \(what) '\(text.value)'"
        let hint = (guess.map { "did you mean '\($0)'? " } ?? "") + "\(listedAs): \(known.joined(separator: ", "))"
        if unknownIsWarning { warning(message, at: text.location, hint: hint) } else { error(message, at: text.location, hint: hint) }
        return (text, nil)
    }

    // MARK: typed reads

    /// `placeholder`: a required field written empty (`publisher: ""`, as `dossier new`
    /// writes it) is a warning to fill it in, not an error; left out, it is still an error.
    mutating func string(_ key: String, required: Bool = false, placeholder: Bool = false) -> Located<String>? {
        guard let (node, keyLocation) = node(key) else {
            if required { error("missing required field '\(key)'", at: location, hint: "add '\(key): ...' to the front matter") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            error("'\(key)' must be text, not a \(Self.describe(node))", at: locate(node))
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        if text.isEmpty && required && placeholder {
            diagnostics.append(.warning("'\(key)' is empty", at: keyLocation, hint: "fill it in before publishing"))
            return Located(text, at: locateText(node))
        }
        if text.isEmpty && required {
            error("'\(key)' must not be empty", at: keyLocation)
            return nil
        }
        return Located(text, at: locateText(node))
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = string(key) else { return nil }
        guard let number = Int(value.value) else {
            error("'\(key)' must be a whole number, not '\(value.value)'", at: value.location)
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = string(key) else { return nil }
        switch value.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error("'\(key)' must be true or false, not '\(value.value)'", at: value.location)
            return nil
        }
    }

    mutating func date(_ key: String, required: Bool = false) -> Located<DossierDate>? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return Located(try DateParser.parse(text.value), at: text.location)
        } catch {
            var place = text.location
            place.column += error.column - 1
            diagnostics.append(.error("invalid date: \(error.message)", at: place, hint: error.hint))
            return nil
        }
    }

    /// A list of text values; a single scalar is a type error (so `aliases: 5` is caught).
    mutating func stringList(_ key: String) -> [Located<String>] {
        stringListIfPresent(key) ?? []
    }

    /// As `stringList`, but nil when the key is absent, so `sources: []` (a placeholder to
    /// fill in) can be told from no `sources` at all.
    mutating func stringListIfPresent(_ key: String) -> [Located<String>]? {
        guard let (node, _) = node(key) else { return has(key) ? [] : nil }
        guard case .sequence(let sequence) = node else {
            error(
                "'\(key)' must be a list, not a \(Self.describe(node))", at: locate(node),
                hint: "write '\(key): [first, second]' or one '- item' per line")
            return []
        }
        var values: [Located<String>] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                error("each item of '\(key)' must be text, not a \(Self.describe(item))", at: locate(item))
                continue
            }
            values.append(Located(scalar.string, at: locateText(item)))
        }
        return values
    }

    /// A list of mappings, each read with its own `YAMLFields`.
    mutating func mappings(_ key: String) -> [YAMLFields] {
        guard let (node, _) = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error("'\(key)' must be a list of entries, not a \(Self.describe(node))", at: locate(node))
            return []
        }
        return sequence.compactMap { item in
            guard item.mapping != nil else {
                error("each item of '\(key)' must be a mapping like '- label: ...'", at: locate(item))
                return nil
            }
            return YAMLFields(file: file, lineOffset: lineOffset, mapping: item, at: locate(item))
        }
    }

    mutating func mapping(_ key: String) -> YAMLFields? {
        guard let (node, _) = node(key) else { return nil }
        guard node.mapping != nil else {
            error("'\(key)' must be a mapping, not a \(Self.describe(node))", at: locate(node))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: node, at: locate(node))
    }

    /// Counts a key as read without reading it (a field reported otherwise).
    mutating func markRead(_ key: String) { readKeys.insert(key) }

    /// Keys that no read asked for: typos such as `titel:` are reported, not ignored.
    mutating func reportUnknownKeys(known: [String]) {
        for pair in pairs where !readKeys.contains(pair.key) {
            let suggestion = Suggestions.closest(to: pair.key, among: known)
            diagnostics.append(
                .warning(
                    "unknown field '\(pair.key)' is ignored", at: pair.location,
                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "known fields: \(known.joined(separator: ", "))"))
        }
    }

    /// Moves diagnostics of a nested reader into this one.
    mutating func absorb(_ nested: YAMLFields) { diagnostics.append(contentsOf: nested.diagnostics) }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .sequence: return "list"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }

    /// Yams names the mapping that holds a repeated key; this finds the repeat itself:
    /// the second line, at the mapping's indentation, that starts with `key:`.
    static func repeatedKey(_ key: String, in yaml: String, mapping: Mark) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (index, line) in lines.enumerated() where index + 1 >= mapping.line {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let bare = rest.hasPrefix("- ") ? rest.dropFirst(2) : rest
            guard indent + (rest.count - bare.count) == mapping.column - 1 || indent == mapping.column - 1 else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where bare.hasPrefix(candidate) {
                if bare.dropFirst(candidate.count).drop(while: { $0 == " " }).first == ":" {
                    seen += 1
                    if seen == 2 { return (index + 1, line.count - bare.count + 1) }
                }
            }
        }
        return nil
    }

    static func diagnostic(for error: Error, file: String, lineOffset: Int, yaml: String = "") -> Diagnostic {
        let at = { (mark: Mark) in SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        guard let yamlError = error as? YamlError else {
            return .error("invalid YAML front matter: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _):
            let tabHint = problem.contains("tab") ? "YAML does not allow tabs for indentation; use spaces" : nil
            return .error(
                "invalid YAML front matter: \(problem)", at: at(mark),
                hint: tabHint ?? "check quotes, colons and indentation on this line; quote values holding ': ' or '#'")
        case .parser(_, let problem, let mark, _):
            return .error(
                "invalid YAML front matter: \(problem)", at: at(mark),
                hint: "check the indentation of this line and the one before it")
        case .composer(_, let problem, let mark, _):
            return .error("invalid YAML front matter: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let repeated = duplicates.sorted().first.flatMap { repeatedKey($0, in: yaml, mapping: context.mark) }
            return .error(
                "duplicate key '\(duplicates.joined(separator: "', '"))' in front matter",
                at: repeated.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? at(context.mark),
                hint: "each field may appear once; remove or merge the repeated one")
        default:
            return .error("invalid YAML front matter: \(yamlError)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }
}
