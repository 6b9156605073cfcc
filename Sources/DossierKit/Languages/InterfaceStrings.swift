import Foundation
import Mustache
import Yams

/// The words of the interface in each language, `Templates/i18n/<code>.yml` (the folder
/// Hugo uses), given to every layout as `t`: `{{t.skip_to_content}}`. A key whose value
/// is a mapping of plural forms (`one`, `other`, optionally `zero`) with `{count}` in
/// them is written as a section around the number: `{{#t.sources_count}}{{count}}{{/t.sources_count}}`.
struct InterfaceStrings: Sendable, Equatable {
    var byLanguage: [String: [String: String]] = [:]
    /// Language → key → forms.
    var plurals: [String: [String: PluralForms]] = [:]

    /// What `t` holds for a language: text, and for each plural key a lambda.
    func table(_ language: String) -> [String: Any] {
        var table: [String: Any] = byLanguage[language] ?? [:]
        for (key, forms) in plurals[language] ?? [:] { table[key] = forms.lambda(language: language) }
        return table
    }

    func text(_ key: String, in language: String) -> String? { byLanguage[language]?[key] }

    /// Every key, text or plural, of a language.
    func keys(_ language: String) -> Set<String> {
        Set((byLanguage[language] ?? [:]).keys).union((plurals[language] ?? [:]).keys)
    }

    /// Templates without an `i18n/` folder get no `t` (they were written before it). With
    /// one, every language of the site needs its file, with every key the default
    /// language's file has: a missing one is an error at the file that lacks it.
    static func load(from templatesFolder: URL, displayRoot: String, languages: [LanguageConfig]) -> (InterfaceStrings, [Diagnostic]) {
        let folder = templatesFolder.appendingPathComponent("i18n")
        var isFolder: ObjCBool = false
        guard !languages.isEmpty, FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return (.init(), [])
        }
        var strings = InterfaceStrings()
        var diagnostics: [Diagnostic] = []
        var lines: [String: [String: Int]] = [:]
        for language in languages {
            let file = "\(displayRoot)/i18n/\(language.code).yml"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(language.code + ".yml").path) else {
                diagnostics.append(
                    .error(
                        "no interface strings for '\(language.code)'", at: SourceLocation(file: file),
                        hint: "copy i18n/\(languages[0].code).yml to i18n/\(language.code).yml and translate its values"))
                continue
            }
            do {
                let parsed = try parse(String(decoding: data, as: UTF8.self), file: file)
                strings.byLanguage[language.code] = parsed.text
                strings.plurals[language.code] = parsed.plurals
                lines[language.code] = parsed.lines
                diagnostics += parsed.diagnostics
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.append(.error("cannot read interface strings: \(error)", at: SourceLocation(file: file)))
            }
        }
        let reference = languages[0].code
        guard strings.byLanguage[reference] != nil else { return (strings, diagnostics) }
        for language in languages.dropFirst() {
            guard strings.byLanguage[language.code] != nil else { continue }
            let file = "\(displayRoot)/i18n/\(language.code).yml"
            let keys = strings.keys(language.code)
            for key in strings.keys(reference).sorted() where !keys.contains(key) {
                diagnostics.append(
                    .error(
                        "missing interface string '\(key)'", at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "i18n/\(reference).yml has it: add '\(key): …' in \(language.name)"))
            }
            for key in keys.sorted() where strings.keys(reference).contains(key) {
                let plural = strings.plurals[language.code]?[key] != nil
                guard plural != (strings.plurals[reference]?[key] != nil) else { continue }
                diagnostics.append(
                    .error(
                        "interface string '\(key)' is \(plural ? "a plural" : "plain text") here, not in i18n/\(reference).yml",
                        at: SourceLocation(file: file, line: lines[language.code]?[key] ?? 1, column: 1),
                        hint: "templates write a plural as a section around its number: write it the same way in every language"))
            }
            for key in keys.sorted() where !strings.keys(reference).contains(key) {
                diagnostics.append(
                    .warning(
                        "interface string '\(key)' is not in i18n/\(reference).yml",
                        at: SourceLocation(file: file, line: lines[language.code]?[key] ?? 1, column: 1),
                        hint: "a misspelt key? templates use the keys of the default language"))
            }
        }
        return (strings, diagnostics)
    }

    struct Parsed {
        var text: [String: String] = [:]
        var plurals: [String: PluralForms] = [:]
        var lines: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// A flat mapping of keys to text, or to plural forms.
    static func parse(_ yaml: String, file: String) throws -> Parsed {
        var parsed = Parsed()
        guard let node = try Yams.compose(yaml: yaml) else { return parsed }
        guard let mapping = node.mapping else {
            throw Diagnostic.error(
                "interface strings must be a mapping of keys to text", at: SourceLocation(file: file, line: 1, column: 1))
        }
        for (key, value) in mapping {
            let line = key.mark?.line ?? 1
            guard let name = key.string else {
                throw Diagnostic.error("each interface string is 'key: text'", at: SourceLocation(file: file, line: line, column: 1))
            }
            parsed.lines[name] = line
            if let text = value.string {
                parsed.text[name] = text
            } else if let forms = value.mapping {
                switch PluralForms.parse(forms, key: name, file: file, line: line) {
                case .success(let plural): parsed.plurals[name] = plural
                case .failure(let diagnostic): parsed.diagnostics.append(diagnostic)
                }
            } else {
                throw Diagnostic.error(
                    "each interface string is 'key: text', or 'key: {one: …, other: …}' for a plural",
                    at: SourceLocation(file: file, line: line, column: 1))
            }
        }
        return parsed
    }
}

/// A word that agrees with a number: "1 source", "2 sources"; in French "0 source",
/// "1 source", "2 sources" (0 and 1 take the singular).
struct PluralForms: Sendable, Equatable {
    var zero: String?
    var one: String
    var other: String

    static let formNames = ["zero", "one", "other"]

    static func parse(_ mapping: Node.Mapping, key: String, file: String, line: Int) -> Result<PluralForms, Diagnostic> {
        var forms: [String: String] = [:]
        for (name, value) in mapping {
            let formLine = name.mark?.line ?? line
            guard let form = name.string, formNames.contains(form), let text = value.string else {
                return .failure(
                    .error(
                        "plural '\(key)' has a form '\(name.string ?? "?")' dossier does not know",
                        at: SourceLocation(file: file, line: formLine, column: 1),
                        hint: "a plural's forms are 'one' and 'other', and 'zero' if 0 needs words of its own"))
            }
            if text.contains("{{") || text.contains("}}") {
                return .failure(
                    .error(
                        "plural '\(key)' holds Mustache braces", at: SourceLocation(file: file, line: formLine, column: 1),
                        hint: "write {count} where the number goes"))
            }
            forms[form] = text
        }
        for required in ["one", "other"] where forms[required] == nil {
            return .failure(
                .error(
                    "plural '\(key)' has no '\(required)' form", at: SourceLocation(file: file, line: line, column: 1),
                    hint:
                        "a plural needs 'one' (\(required == "one" ? "1" : "2")…) and 'other': {one: \"{count} page\", other: \"{count} pages\"}"
                ))
        }
        return .success(PluralForms(zero: forms["zero"], one: forms["one"]!, other: forms["other"]!))
    }

    /// Which form a number takes in a language: 0 and 1 are singular in French, only 1
    /// in English (and by default).
    func form(for number: Int, language: String) -> String {
        if number == 0, let zero { return zero }
        return number == 1 || (number == 0 && Self.zeroIsSingular(language)) ? one : other
    }

    static func zeroIsSingular(_ language: String) -> Bool { language == "fr" }

    /// The section `{{#t.key}}{{number}}{{/t.key}}`: Mustache hands the lambda the
    /// section's text unrendered, so it answers with a template that picks the form
    /// where the number is known, through swift-mustache's `equalzero` and `minusone`.
    func lambda(language: String) -> MustacheLambda {
        MustacheLambda { section in template(around: section, language: language) ?? section }
    }

    /// What the section around `section` renders as: a template choosing the form by
    /// the number `section` names, or nil if it names none. Swift-mustache parses what a
    /// lambda answers each time the section renders; `TemplateWords` writes it into the
    /// templates instead.
    func template(around section: String, language: String) -> String? {
        let number = section.trimmingCharacters(in: .whitespacesAndNewlines)
        guard number.hasPrefix("{{"), number.hasSuffix("}}"), !number.hasPrefix("{{{") else { return nil }
        let name = String(number.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        func text(_ form: String) -> String {
            HTML.escape(form, apostrophes: false).replacingOccurrences(of: "{count}", with: "{{" + name + "}}")
        }
        let isZero = "equalzero(\(name))", isOne = "equalzero(minusone(\(name)))"
        let zeroForm = zero ?? (Self.zeroIsSingular(language) ? one : other)
        return
            "{{#\(isZero)}}\(text(zeroForm)){{/\(isZero)}}{{^\(isZero)}}{{#\(isOne)}}\(text(one)){{/\(isOne)}}{{^\(isOne)}}\(text(other)){{/\(isOne)}}{{/\(isZero)}}"
    }
}

extension InterfaceStrings {
    /// A plural written as plain text (`{{t.sources_count}}`) or around anything but one
    /// number would render wrong without a word: an error at the tag.
    func pluralMisuses(in templates: [String: String], displayRoot: String, language: String) -> [Diagnostic] {
        guard let plurals = plurals[language], !plurals.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            for match in text.matches(of: /\{\{(\{|&|#|\^)?\s*t\.([A-Za-z0-9_]+)\s*\}?\}\}/) {
                let key = String(match.output.2)
                guard plurals[key] != nil else { continue }
                let sigil = match.output.1.map(String.init)
                var problem: String?
                if sigil == "#" {
                    let rest = text[match.range.upperBound...]
                    let content = rest.range(of: "{{/t.\(key)}}").map { rest[..<$0.lowerBound] } ?? rest
                    if (try? /\s*\{\{\s*[A-Za-z0-9_.]+\s*\}\}\s*/.wholeMatch(in: content)) == nil {
                        problem = "plural 't.\(key)' must hold one number, such as {{#t.\(key)}}{{count}}{{/t.\(key)}}"
                    }
                } else if sigil != "^" {
                    problem = "plural 't.\(key)' is written as a section around its number: {{#t.\(key)}}{{count}}{{/t.\(key)}}"
                }
                guard let problem else { continue }
                let before = text[..<match.range.lowerBound]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column =
                    before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
                diagnostics.append(
                    .error(
                        problem, at: SourceLocation(file: "\(displayRoot)/\(name).mustache", line: line, column: column),
                        hint: "i18n/\(language).yml gives '\(key)' plural forms, one of which is picked by the number"))
            }
        }
        return diagnostics
    }
}
