import Foundation

/// A page's translation, `mali.fr.md` beside `mali.md` (the convention Hugo and Zola
/// share). It carries the page's text only; what is not text (dates, status, kind,
/// relations, entities, sources) is the original's, and may be repeated only unchanged.
public struct Translation: Sendable {
    public var language: String
    /// How diagnostics name the translation, `Content/entities/countries/mali.fr.md`.
    public var file: String
    /// The original's path inside the content folder, `entities/countries/mali.md`.
    public var originalPath: String
    /// How diagnostics name the original, `Content/entities/countries/mali.md`.
    public var originalFile: String = ""
    public var title: Located<String>
    public var summary: String?
    public var body: MarkdownText
    public var aliases: [Located<String>]
    public var keyPoints: [Located<String>]?
    public var dateNote: String?
    /// A source's `note`.
    public var note: String?
    /// `slug:`, the page's last path segment in the translation's language
    /// (`fr/briefings/la-route-jusquici/`); nil keeps the original's.
    public var slug: Located<String>?
    /// `translation_of:`, the hash of the original's text the translation was made from.
    public var translationOf: Located<String>?
    /// When the original changed since `translation_of`: what changed, if git still has
    /// the version translated ("the title and paragraph 2 of the body").
    public var originalChanges: String?
    /// Fields that are not text, as written, to be compared with the original's.
    var fixedFields: [String: Located<String>] = [:]
    var fixedLists: [String: [Located<String>]] = [:]
}

enum TranslationFiles {
    /// `entities/countries/mali.fr.md` → (`entities/countries/mali.md`, `fr`) when `fr` is
    /// one of `languages`; nil for any other file.
    static func original(of relativePath: String, languages: [String]) -> (path: String, language: String)? {
        guard relativePath.hasSuffix(".md") else { return nil }
        let stem = relativePath.dropLast(3)
        for language in languages where stem.hasSuffix("." + language) {
            return (String(stem.dropLast(language.count + 1)) + ".md", language)
        }
        return nil
    }

    /// A short fingerprint of a file's text (FNV-1a, 64 bits, in hex): what `translation_of`
    /// records, so that any later edit of the original makes its translations stale.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.replacingOccurrences(of: "\r\n", with: "\n").utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

enum TranslationParser {
    /// Text fields a translation gives in its own language.
    static let textFields = [
        "title", "summary", "aliases", "key_points", "date_note", "note", "translation_of", "change_note", "draft", "updated", "slug",
    ]
    /// Fields that are not text: taken from the original, compared when repeated.
    static let fixedScalarFields = [
        "date", "status", "kind", "treaty", "geo", "order", "publisher", "url", "archive_url", "accessed", "original_gone", "reliability",
        "language",
    ]
    static let fixedListFields = ["entities", "sources", "tags"]
    /// Fields whose structure a translation may not restate at all.
    static let originalOnlyFields = ["relations", "withdrawal_rule", "location", "facts"]

    static func parse(text: String, file: String, originalPath: String, language: String) -> (Translation?, [Diagnostic]) {
        let split: FrontMatterSplit
        do { split = try FrontMatter.split(text, file: file) } catch { return (nil, [error]) }
        var fields = YAMLFields.parse(split.yaml, file: file, firstLine: split.yamlFirstLine)
        guard fields.diagnostics.isEmpty else { return (nil, fields.diagnostics) }
        guard let title = fields.string("title", required: true) else { return (nil, fields.diagnostics) }
        var translation = Translation(
            language: language, file: file, originalPath: originalPath, title: title, summary: fields.string("summary")?.value,
            body: MarkdownText(text: split.body, firstLine: split.bodyFirstLine, file: file),
            aliases: fields.stringList("aliases"), keyPoints: fields.stringListIfPresent("key_points"),
            dateNote: fields.string("date_note")?.value, note: fields.string("note")?.value, translationOf: fields.string("translation_of"))
        if let slug = fields.string("slug") {
            if originalPath == "index.md" {
                fields.error("the home page has no slug to translate", at: slug.location, hint: "remove 'slug' here")
            } else if slug.value.isEmpty || Slug.make(slug.value) != slug.value {
                // The rule every page's slug follows: what `Slug.make` leaves as it is.
                fields.error(
                    "slug '\(slug.value)' may hold only lowercase letters a–z, digits and single hyphens between them",
                    at: slug.location,
                    hint: "for example 'slug: \(Slug.make(slug.value).isEmpty ? "la-route" : Slug.make(slug.value))'")
            } else {
                translation.slug = slug
            }
        }
        _ = fields.string("change_note")
        _ = fields.bool("draft")
        _ = fields.date("updated")
        for key in fixedScalarFields where fields.has(key) {
            if let value = fields.string(key) { translation.fixedFields[key] = value }
        }
        for key in fixedListFields where fields.has(key) { translation.fixedLists[key] = fields.stringList(key) }
        for key in originalOnlyFields where fields.has(key) {
            let location = fields.location(of: key) ?? fields.location
            fields.markRead(key)
            fields.error(
                "'\(key)' is taken from the original, \(originalPath); a translation does not restate it", at: location,
                hint: "remove '\(key)' here and edit it in the original")
        }
        fields.reportUnknownKeys(known: textFields + fixedScalarFields + fixedListFields + originalOnlyFields)
        let ok = !fields.diagnostics.contains { $0.severity == .error }
        return (ok ? translation : nil, fields.diagnostics)
    }
}

enum TranslationLoader {
    /// Reads the translation files, and hashes the text of their originals.
    static func load(
        _ paths: [String], languages: [String], rootPath: String, prefix: String
    ) -> (translations: [Translation], originalHashes: [String: String], texts: [String: String], diagnostics: [Diagnostic]) {
        var texts: [String: String] = [:]
        var translations: [Translation] = []
        var hashes: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            guard let (originalPath, language) = TranslationFiles.original(of: path, languages: languages) else { continue }
            let file = prefix + path
            do throws(Diagnostic) {
                guard let data = FileManager.default.contents(atPath: rootPath + "/" + path) else {
                    throw .error("cannot read file", at: SourceLocation(file: file))
                }
                let text = try SourceText.decode(data, file: file)
                texts[path] = text
                guard let originalData = FileManager.default.contents(atPath: rootPath + "/" + originalPath) else {
                    throw .error(
                        "translation of a page that does not exist: no \(prefix + originalPath)", at: SourceLocation(file: file),
                        hint: "a translation sits beside its original: \(originalPath) and \(path)")
                }
                let current = hash(originalData, file: prefix + originalPath)
                hashes[originalPath] = current
                let (translation, found) = TranslationParser.parse(text: text, file: file, originalPath: originalPath, language: language)
                diagnostics += found
                if var translation {
                    translation.originalFile = prefix + originalPath
                    if let recorded = translation.translationOf?.value, recorded != current,
                        let old = OriginalChanges.version(of: originalPath, hash: recorded, contentFolder: URL(fileURLWithPath: rootPath))
                    {
                        let new = (try? SourceText.decode(originalData, file: prefix + originalPath)) ?? ""
                        translation.originalChanges = OriginalChanges.describe(old: old, new: new)
                    }
                    translations.append(translation)
                }
            } catch {
                diagnostics.append(error)
            }
        }
        return (translations, hashes, texts, diagnostics)
    }

    static func hash(_ data: Data, file: String) -> String {
        TranslationFiles.hash((try? SourceText.decode(data, file: file)) ?? String(decoding: data, as: UTF8.self))
    }
}
