import Foundation
import Mustache

/// The templates of `Templates/`, compiled once per build and shared by all renders.
/// swift-mustache renders a missing variable or partial as an empty string; this type
/// turns both into build errors that name the template.
public struct TemplateSet: Sendable {
    private(set) var library: MustacheLibrary
    /// Template name → its text, to find the line of a problem.
    let sources: [String: String]
    let displayRoot: String
    /// The templates compiled again with each language's words written in (`withWords`).
    private let wordedLibraries = WordedLibraries()
    /// What each layout's pages cost to render, over every page rendered with this set and
    /// its worded copies (`SiteRenderer` adds to it; `dossier build -v` prints it).
    let costs = LayoutCostTally()

    public static let requiredLayouts = [
        "home", "briefing", "entity", "event", "list", "timeline", "sources", "source", "graph", "search", "404",
    ]

    public static func load(from folder: URL, displayRoot: String) throws -> TemplateSet {
        HTMLEscaping.register()
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for path in files.sorted() where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            let name = String(path.dropLast(".mustache".count))
            let file = displayRoot + "/" + path
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            do {
                let text = try SourceText.decode(data, file: file)
                sources[name] = text
                templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + text)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        "template syntax error: \(error.error)",
                        at: SourceLocation(file: file, line: error.context.lineNumber - 1, column: error.context.columnNumber + 1),
                        hint: "check that every {{#section}} has a matching {{/section}}"))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(file: file)))
            }
        }
        let set = TemplateSet(library: MustacheLibrary(templates: templates), sources: sources, displayRoot: displayRoot)
        // A layout that exists but did not compile has its syntax error above, not this one.
        for layout in requiredLayouts where templates[layout] == nil && sources[layout] == nil {
            diagnostics.append(
                .error(
                    "missing template '\(layout).mustache'", at: SourceLocation(file: displayRoot + "/" + layout + ".mustache"),
                    hint: layout == "source"
                        ? "each source now has a page of its own: copy Templates/source.mustache from dossier into \(displayRoot)/"
                        : "every page type needs its layout in \(displayRoot)/"))
        }
        diagnostics += set.missingPartials()
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return set
    }

    /// The same templates with the interface words `words`, and the `plurals` of
    /// `language`, written in where they name them (see `TemplateWords`); compiled once
    /// for each set of words.
    func withWords(_ words: [String: String], plurals: [String: PluralForms] = [:], language: String = "") -> TemplateSet {
        guard !words.isEmpty || !plurals.isEmpty else { return self }
        var set = self
        set.library = wordedLibraries.library(
            for: LanguageWords(words: words, plurals: plurals, language: language), sources: sources, fallback: library)
        return set
    }

    /// `{{> name}}` and `{{< name}}` must name a template that exists.
    func missingPartials() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in TemplateTags.partialTags(in: text) where library.getTemplate(named: tag.name) == nil && sources[tag.name] == nil {
                diagnostics.append(
                    .error(
                        "template '\(name)' includes partial '\(tag.name)', which does not exist",
                        at: SourceLocation(file: "\(displayRoot)/\(name).mustache", line: tag.line, column: tag.column),
                        hint: Suggestions.closest(to: tag.name, among: sources.keys).map { "did you mean '\($0)'?" }))
            }
        }
        return diagnostics
    }

    /// Renders `values` with the named template; a name the template uses that the
    /// values lack is reported instead of rendering as an empty string.
    func render(_ template: String, _ values: [String: Any]) -> (String, [Diagnostic]) {
        let (html, diagnostics, _) = renderCounting(template, values)
        return (html, diagnostics)
    }

    /// `render`, and how many names the template looked up (each context searched
    /// counts, found or not): what rendering it cost, counted rather than timed.
    func renderCounting(_ template: String, _ values: [String: Any]) -> (html: String, diagnostics: [Diagnostic], lookups: Int) {
        let recorder = LookupRecorder()
        let html = library.render(StrictValues(values, recorder: recorder, isRoot: true), withTemplate: template) ?? ""
        let missing = recorder.missingNames()
        return (html, missing.map { diagnostic(missing: $0.name, in: template, provided: $0.provided) }, recorder.lookups)
    }

    /// `provided`: the names the page offered where the missing one was looked up.
    private func diagnostic(missing name: String, in template: String, provided: [String]) -> Diagnostic {
        let hint = Suggestions.closest(to: name, among: provided.sorted()).map { "did you mean '\($0)'? " } ?? ""
        // Point at the first tag using the name, in the template or one of its partials.
        let ordered = [template] + sources.keys.sorted().filter { $0 != template }
        for candidate in ordered {
            if let text = sources[candidate], let place = TemplateTags.firstUse(of: name, in: text) {
                return .error(
                    "template '\(candidate)' uses '\(name)', which the \(template) page does not provide",
                    at: SourceLocation(file: "\(displayRoot)/\(candidate).mustache", line: place.line, column: place.column),
                    hint: hint + "see the README for the variables each layout gets")
            }
        }
        return .error(
            "template '\(template)' uses '\(name)', which the page does not provide",
            at: SourceLocation(file: "\(displayRoot)/\(template).mustache"), hint: hint.isEmpty ? nil : String(hint.dropLast()))
    }
}

/// Values handed to swift-mustache that log every name looked up, so missing ones can be found.
struct StrictValues: MustacheParent {
    let values: [String: Any]
    let recorder: LookupRecorder
    let isRoot: Bool

    init(_ values: [String: Any], recorder: LookupRecorder, isRoot: Bool) {
        self.values = values
        self.recorder = recorder
        self.isRoot = isRoot
    }

    func child(named name: String) -> Any? {
        guard let value = values[name] else {
            recorder.miss(name, atRoot: isRoot, provided: values.keys)
            return nil
        }
        recorder.found(name)
        return Self.wrap(value, recorder: recorder)
    }

    static func wrap(_ value: Any?, recorder: LookupRecorder) -> Any? {
        guard let value else { return nil }
        // The common types are told apart by their type's identity, which costs a compare;
        // each failed cast was a runtime call, for every name every template looks up
        // (this function was a tenth of Mustache's time, most of it in casts). Other
        // types, an optional inside `Any` among them, take the casts below as before.
        let type = type(of: value)
        if type == String.self { return TemplateText(renderText: value as! String) }
        // HTML made by Swift for `{{{…}}}`, such as a page's `link`.
        if type == TemplateText.self { return value }
        // `false` marks every absent optional value.
        if type == Bool.self { return value }
        if type == [String: Any].self { return StrictValues(value as! [String: Any], recorder: recorder, isRoot: false) }
        // Lists are kept as they are, where `as [Any]` would copy and convert every
        // element, each time the list is looked up. (Page values are typed `[String: Any]`
        // where they are built: a list of `[String: String]` took the conversion below,
        // every dictionary of it, every time a template named it.)
        if type == [[String: Any]].self { return StrictList(items: value as! [[String: Any]], recorder: recorder) }
        if type == [String].self { return StrictList(items: value as! [String], recorder: recorder) }
        switch value {
        case let string as String: return TemplateText(renderText: string)
        case let dictionary as [String: Any]: return StrictValues(dictionary, recorder: recorder, isRoot: false)
        case let list as [[String: Any]]: return StrictList(items: list, recorder: recorder)
        case let list as [Any]: return StrictList(items: list, recorder: recorder)
        default: return value
        }
    }
}

/// A string as templates get it. swift-mustache writes a value it knows to be custom
/// renderable as it is; a plain `String` it first tries as a lambda and an optional, then
/// copies through `String(describing:)`, for every `{{value}}` of every page. As a parent
/// it has no children, like a string: a name looked up inside `{{#text}}` is searched for
/// further up.
struct TemplateText: MustacheCustomRenderable, MustacheParent {
    let renderText: String
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}

/// A list that iterates in sections and also answers `list.0`, so a template can write
/// `{{#items.0}}<ul>{{#items}}…{{/items}}</ul>{{/items.0}}` to show a block only when
/// the list has items. Items are wrapped as they are reached: `list.0` needs one, and a
/// hub page lists thousands of backlinks.
struct StrictList<Item>: MustacheSequence, MustacheParent {
    let items: [Item]
    let recorder: LookupRecorder

    struct Iterator: IteratorProtocol {
        var items: IndexingIterator<[Item]>
        let recorder: LookupRecorder

        mutating func next() -> Any? {
            items.next().map { StrictValues.wrap($0, recorder: recorder) ?? false }
        }
    }

    func makeIterator() -> Iterator { Iterator(items: items.makeIterator(), recorder: recorder) }

    func child(named name: String) -> Any? {
        guard let index = Int(name) else {
            recorder.miss(name, atRoot: false, provided: [String: Any]().keys)
            return nil
        }
        // An index past the end is an empty list, not a typo.
        recorder.found(name)
        return index >= 0 && index < items.count ? StrictValues.wrap(items[index], recorder: recorder) ?? false : nil
    }
}

/// Mustache looks a name up in each enclosing context, innermost first: a name missing
/// inside a section is pending until an outer context has it, or the root does not.
final class LookupRecorder: @unchecked Sendable {
    private var pending: String?
    /// The names offered where the pending name was missed, for a "did you mean". Kept as
    /// the dictionaries' key views (a reference each): a name looked up inside a section is
    /// missed in each context it climbs past, which a good template does all the time.
    private var pendingProvided: [Dictionary<String, Any>.Keys] = []
    private var missing: [(name: String, provided: [String])] = []
    /// Names looked up, found or not, in each context searched.
    private(set) var lookups = 0

    /// Called for every name every template looks up: it does nothing more than it must.
    func found(_ name: String) {
        lookups += 1
        guard let pending else { return }
        if pending != name { report(pending) }
        self.pending = nil
        pendingProvided = []
    }

    /// Names are copied out of `provided` only when a name is reported missing.
    func miss(_ name: String, atRoot: Bool, provided: Dictionary<String, Any>.Keys) {
        lookups += 1
        if let pending, pending != name { report(pending) }
        if pending != name { pendingProvided = [] }
        pendingProvided.append(provided)
        if atRoot {
            report(name)
        } else {
            pending = name
        }
    }

    private func report(_ name: String) {
        if !missing.contains(where: { $0.name == name }) { missing.append((name, pendingProvided.flatMap { Array($0) })) }
        pending = nil
        pendingProvided = []
    }

    func missingNames() -> [(name: String, provided: [String])] {
        if let pending { report(pending) }
        return missing
    }
}

/// Small scans of template text, used only to locate problems for diagnostics.
enum TemplateTags {
    struct Tag {
        var name: String
        var line: Int
        var column: Int
    }

    static func partialTags(in text: String) -> [Tag] {
        tags(in: text).compactMap { tag in
            guard let first = tag.name.first, first == ">" || first == "<" else { return nil }
            return Tag(name: String(tag.name.dropFirst()).trimmingSpaces(), line: tag.line, column: tag.column)
        }
    }

    static func firstUse(of name: String, in text: String) -> (line: Int, column: Int)? {
        for tag in tags(in: text) {
            var inner = tag.name
            if let first = inner.first, "#^/&{".contains(first) { inner = String(inner.dropFirst()) }
            inner = inner.trimmingCharacters(in: CharacterSet(charactersIn: "} ")).trimmingSpaces()
            if inner == name || inner.split(separator: ".").map(String.init).contains(name) { return (tag.line, tag.column) }
        }
        return nil
    }

    private static func tags(in text: String) -> [Tag] {
        var result: [Tag] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
                let inner = text[text.index(index, offsetBy: 2)..<close.lowerBound].trimmingSpaces()
                result.append(Tag(name: inner, line: line, column: column))
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return result
    }
}

/// swift-mustache escapes `{{values}}` one character at a time through a dictionary;
/// on pages of tens of kilobytes that was an eighth of a build. Every template gets a
/// pragma (added when it is compiled, not written in `Templates/`) that selects the
/// same escaping done on bytes. Partials reset the content type, so each needs it.
enum HTMLEscaping: MustacheContentType {
    case bytes

    static let name = "DOSSIER_HTML"
    /// On a line of its own, so Mustache drops the line and the template's own lines
    /// render (and report errors) as written, one line further down.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String { HTML.escape(text) }

    static func register() { MustacheContentTypes.register(HTMLEscaping.bytes, named: name) }
}
