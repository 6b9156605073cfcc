import Foundation
import Mustache

/// The interface words a template names as `{{t.key}}`, written into its text before it
/// is compiled, once per language: the same for every page, yet each was a name looked up
/// through every enclosing context, by swift-mustache, on every page (0.8 of the 4.5
/// million lookups of a 10,000-page build, counting each context searched). The template
/// language does not change: what a page shows is what `t` would have given, and what is
/// not a plain word is left to `t` (any key the table lacks, reported as before).
///
/// A plural written as the README says, `{{#t.key}}{{number}}{{/t.key}}`, is written in as
/// the template its lambda answers (`PluralForms.template`), which swift-mustache would
/// otherwise parse again each time the section renders (2% of a 10,000-page build's CPU).
enum TemplateWords {
    /// `text` with each `{{t.key}}`, `{{{t.key}}}` and `{{&t.key}}` whose key `words` has
    /// replaced by the word, escaped as `{{…}}` escapes it, and each plural section of
    /// `plurals` by its forms in `language`. A template that changes its delimiters or its
    /// content type is left as it is, since the tags would not read the same. Tags are
    /// found as Mustache finds them: from `{{` to the first `}}`, so a comment is a tag of
    /// its own and nothing inside it is replaced.
    static func substitute(
        _ text: String, words: [String: String], plurals: [String: PluralForms] = [:], language: String = ""
    ) -> String {
        guard !words.isEmpty || !plurals.isEmpty, text.contains("t."), !text.contains("{{="), !text.contains("{{%")
        else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closing) else {
                rest = rest[open.lowerBound...]
                break
            }
            let tag = rest[open.lowerBound..<close.upperBound]
            var inner = rest[open.upperBound..<close.lowerBound]
            if triple { inner = inner.dropFirst() }
            if !triple, let (plural, after) = pluralSection(opening: inner, after: rest[close.upperBound...], plurals, language) {
                out += plural
                rest = after
                continue
            }
            let raw = triple || inner.hasPrefix("&")
            if inner.hasPrefix("&") { inner = inner.dropFirst() }
            out += replacement(for: inner.trimmingSpaces(), raw: raw, words: words) ?? String(tag)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// For a section opened by `#t.key` (`opening`, the tag's inside) of a plural holding
    /// just one `{{number}}` and closed at once (`after` the opening tag), the template
    /// the plural's lambda answers, and what follows the section.
    private static func pluralSection(
        opening: Substring, after: Substring, _ plurals: [String: PluralForms], _ language: String
    ) -> (String, Substring)? {
        guard opening.hasPrefix("#t."), let forms = plurals[String(opening.dropFirst(3))],
            let closing = after.range(of: "{{/" + opening.dropFirst() + "}}")
        else { return nil }
        let section = after[..<closing.lowerBound]
        let name = section.dropFirst(2).dropLast(2)
        guard section.hasPrefix("{{"), section.hasSuffix("}}"), !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }),
            let template = forms.template(around: String(section), language: language)
        else { return nil }
        return (template, after[closing.upperBound...])
    }

    /// The text a tag naming `name` renders, if it is a word of `words` that can stand in
    /// a template's text (no line break, no braces that would read as a tag).
    private static func replacement(for name: String, raw: Bool, words: [String: String]) -> String? {
        guard name.hasPrefix("t."), let word = words[String(name.dropFirst(2))],
            !word.contains("{{"), !word.contains("}}"), !word.contains("\n")
        else { return nil }
        return raw ? word : HTML.escape(word)
    }
}

/// The words of one language as `TemplateWords` writes them in.
struct LanguageWords: Sendable, Equatable {
    var words: [String: String]
    var plurals: [String: PluralForms] = [:]
    var language = ""
}

/// The compiled templates with the words of one language written in, kept for the next
/// build of `serve` as long as the words are the same: one per language of the site, and
/// a few more while `serve` follows edits of the words.
final class WordedLibraries: @unchecked Sendable {
    private static let kept = 4
    private let lock = NSLock()
    private var made: [(words: LanguageWords, library: MustacheLibrary)] = []

    /// The library for `words`, compiled from `sources` the first time they are asked for.
    func library(for words: LanguageWords, sources: [String: String], fallback: MustacheLibrary) -> MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let found = made.first(where: { $0.words == words }) { return found.library }
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            // Each compiled as it was at load, which succeeded; the original if not.
            let worded = TemplateWords.substitute(text, words: words.words, plurals: words.plurals, language: words.language)
            if let template = (try? MustacheTemplate(string: HTMLEscaping.pragma + worded)) ?? fallback.getTemplate(named: name) {
                templates[name] = template
            }
        }
        let library = MustacheLibrary(templates: templates)
        if made.count == Self.kept { made.removeFirst() }
        made.append((words, library))
        return library
    }
}
