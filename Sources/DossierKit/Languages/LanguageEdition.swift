import Foundation

/// The dossier in one of its other languages: the catalog with each translated page in
/// its translation, published under `<code>/` at the original's path, and every other
/// page as the original, which links then reach in the default language.
struct LanguageEdition: Sendable {
    let language: LanguageConfig
    var catalog: Catalog
    /// Edition path of each translated page → the original's path.
    var originalPaths: [String: String] = [:]
    /// Translations whose original changed since they were made.
    var stale: [Translation] = []
    /// Edition paths of the stale translations, which show readers a notice.
    var stalePaths: Set<String> = []
    var diagnostics: [Diagnostic] = []

    var prefix: String { language.code + "/" }

    /// Pages of the language, counted as `check` reports them.
    var translatable: Int { catalog.pageCount }

    init(_ source: Catalog, language: LanguageConfig) {
        self.language = language
        var catalog = source
        catalog.site = source.site.edition(language)
        catalog.translations = []
        var byFile: [String: Translation] = [:]
        for translation in source.translations where translation.language == language.code {
            byFile[translation.originalFile] = translation
        }
        let prefix = language.code + "/"
        var used: Set<String> = []
        var paths: [String: String] = [:]
        var pathByFile: [String: String] = [:]
        var problems: [Diagnostic] = []
        var staleTranslations: [Translation] = []
        func translate(_ header: inout PageHeader) -> Translation? {
            guard let translation = byFile[header.file] else { return nil }
            used.insert(header.file)
            problems += TranslationChecks.untranslated(translation, original: header)
            let path = prefix + TranslationChecks.path(header.path, slug: translation.slug?.value)
            if let slug = translation.slug, let other = paths[path] {
                problems.append(
                    .error(
                        "slug '\(slug.value)' puts this page at \(path), where the translation of \(other) is", at: slug.location,
                        hint: "choose another slug"))
            }
            paths[path] = header.path
            pathByFile[translation.file] = path
            header.path = path
            header.file = translation.file
            // [[The road here]] in a French text still reaches the page, as an entity's original names do.
            if translation.title.value != header.title.value { header.originalTitle = header.title.value }
            header.title = translation.title
            header.summary = translation.summary
            header.body = translation.body
            return translation
        }
        if var home = catalog.home, translate(&home) != nil { catalog.home = home }
        for index in catalog.briefings.indices {
            guard let translation = translate(&catalog.briefings[index].header) else { continue }
            if let keyPoints = translation.keyPoints { catalog.briefings[index].keyPoints = keyPoints }
            problems += TranslationChecks.contradictions(translation, briefing: source.briefings[index])
        }
        for index in catalog.entities.indices {
            let original = source.entities[index]
            guard let translation = translate(&catalog.entities[index].header) else { continue }
            // Names in both languages reach the page: [[Côte d'Ivoire]] and [[Ivory Coast]].
            catalog.entities[index].aliases = TranslationChecks.names(translation, original: original)
            problems += TranslationChecks.contradictions(translation, entity: original)
        }
        for index in catalog.events.indices {
            guard let translation = translate(&catalog.events[index].header) else { continue }
            if let note = translation.dateNote { catalog.events[index].dateNote = note }
            problems += TranslationChecks.contradictions(translation, event: source.events[index])
        }
        for index in catalog.sources.indices {
            guard let translation = translate(&catalog.sources[index].header) else { continue }
            if let note = translation.note { catalog.sources[index].note = note }
            problems += TranslationChecks.contradictions(translation, source: source.sources[index])
        }
        for translation in byFile.values.sorted(by: { $0.file < $1.file }) where !used.contains(translation.originalFile) {
            problems.append(
                .error(
                    "\(translation.originalFile) cannot be translated here: only the home page, briefings, entities, events and sources are",
                    at: SourceLocation(file: translation.file), hint: "remove the translation, or translate a page of another kind"))
        }
        for translation in byFile.values.sorted(by: { $0.file < $1.file }) where used.contains(translation.originalFile) {
            let current = source.originalHashes[translation.originalPath] ?? ""
            guard translation.translationOf?.value != current else { continue }
            staleTranslations.append(translation)
            problems.append(TranslationChecks.staleWarning(translation, current: current))
        }
        self.catalog = catalog
        self.originalPaths = paths
        self.diagnostics = problems
        self.stale = staleTranslations
        self.stalePaths = Set(staleTranslations.compactMap { pathByFile[$0.file] })
    }
}

/// How much of the dossier a language has, as `check` prints it.
public struct LanguageCoverage: Sendable, Equatable {
    public var language: String
    public var translated: Int
    public var missing: Int
    public var stale: Int

    init(_ edition: LanguageEdition, pageCount: Int) {
        language = edition.language.code
        translated = edition.originalPaths.count
        missing = max(0, pageCount - translated)
        stale = edition.stalePaths.count
    }

    public var line: String {
        "\(language): \(translated) page\(translated == 1 ? "" : "s") translated, \(missing) missing (shown in the default language), \(stale) stale"
    }
}

enum TranslationChecks {
    /// `dossier new --translation` copies the original's text to be translated in place:
    /// a summary or body still word for word the original's is not translated yet. (A
    /// title may rightly stay the same: "Mali".)
    static func untranslated(_ translation: Translation, original: PageHeader) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func same(_ a: String?, _ b: String?) -> Bool {
            let a = a?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", b = b?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return !a.isEmpty && a == b
        }
        if same(translation.summary, original.summary) {
            found.append(
                .warning(
                    "not translated yet: the summary is the original's", at: SourceLocation(file: translation.file),
                    hint: "translate it in \(translation.language)"))
        }
        if same(translation.body.text, original.body.text) {
            found.append(
                .warning(
                    "not translated yet: the body is the original's",
                    at: SourceLocation(file: translation.file, line: translation.body.firstLine, column: 1),
                    hint: "translate it in \(translation.language)"))
        }
        return found
    }

    static func staleWarning(_ translation: Translation, current: String) -> Diagnostic {
        guard let recorded = translation.translationOf else {
            return .warning(
                "translation does not say which version of \(translation.originalFile) it translates",
                at: SourceLocation(file: translation.file),
                hint: "add 'translation_of: \(current)' once it matches the original (`dossier new --translation` writes it)")
        }
        let what =
            translation.originalChanges.map { ": \($0) changed" }
            ?? " (git has no version of it with hash \(recorded.value) to say what changed: compare the two files)"
        return .warning(
            "stale translation: \(translation.originalFile) changed since this translation was made\(what)",
            at: recorded.location,
            hint:
                "translation_of is \(recorded.value), the original is now \(current): bring the translation up to date, then set 'translation_of: \(current)'"
        )
    }

    /// A page's path with its last segment replaced by a translation's `slug`:
    /// `briefings/the-road-here/` → `briefings/la-route/`.
    static func path(_ path: String, slug: String?) -> String {
        guard let slug, path.hasSuffix("/") else { return path }
        let folder = path.dropLast()
        return (folder.lastIndex(of: "/").map { String(folder[...$0]) } ?? "") + slug + "/"
    }

    /// The translation's title and aliases, then the original's, each name once.
    static func names(_ translation: Translation, original: Entity) -> [Located<String>] {
        var seen: Set<String> = [NameIndex.normalize(translation.title.value)]
        var names: [Located<String>] = []
        for name in translation.aliases + [original.header.title] + original.aliases
        where seen.insert(NameIndex.normalize(name.value)).inserted {
            names.append(name)
        }
        return names
    }

    static func contradictions(_ translation: Translation, briefing: Briefing) -> [Diagnostic] {
        compare(
            translation, scalars: ["date": briefing.date.map(\.description), "order": briefing.order.map(String.init)],
            lists: ["tags": briefing.tags])
    }

    static func contradictions(_ translation: Translation, entity: Entity) -> [Diagnostic] {
        compare(translation, scalars: ["kind": entity.kind.rawValue, "geo": entity.geo?.value], lists: [:])
    }

    static func contradictions(_ translation: Translation, event: Event) -> [Diagnostic] {
        compare(
            translation,
            scalars: [
                "date": event.date.value.description, "status": event.status.rawValue, "kind": event.kind, "treaty": event.treaty?.value,
            ],
            lists: ["entities": event.entities.map(\.value), "sources": event.sources.map(\.value)])
    }

    /// A source's title, note and body are text; where to find it and how far to trust it are not.
    static func contradictions(_ translation: Translation, source: Source) -> [Diagnostic] {
        compare(
            translation,
            scalars: [
                "publisher": source.publisher, "url": source.url, "kind": source.kind.rawValue, "date": source.date?.description,
                "archive_url": source.archiveURL, "accessed": source.accessed?.description,
                "original_gone": source.originalGone ? "true" : nil, "reliability": source.reliability?.rawValue,
                "language": source.language,
            ],
            lists: [:])
    }

    /// A field the translation repeats must say what the original says.
    static func compare(_ translation: Translation, scalars: [String: String?], lists: [String: [String]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, written) in translation.fixedFields.sorted(by: { $0.key < $1.key }) {
            let original = scalars[key] ?? nil
            let same =
                key == "date" || key == "accessed"
                ? (try? DateParser.parse(written.value))?.description == original : written.value == original
            if !same { diagnostics.append(contradiction(key, written.value, original ?? "nothing", translation, at: written.location)) }
        }
        for (key, written) in translation.fixedLists.sorted(by: { $0.key < $1.key }) where written.map(\.value) != lists[key] ?? [] {
            let location = written.first?.location ?? SourceLocation(file: translation.file)
            diagnostics.append(
                contradiction(
                    key, written.map(\.value).joined(separator: ", "), (lists[key] ?? []).joined(separator: ", "), translation, at: location
                ))
        }
        return diagnostics
    }

    static func contradiction(
        _ key: String, _ written: String, _ original: String, _ translation: Translation, at location: SourceLocation
    ) -> Diagnostic {
        .error(
            "'\(key)' contradicts the original: this translation says '\(written)', \(translation.originalFile) says '\(original)'",
            at: location, hint: "a translation takes '\(key)' from its original: remove it here")
    }
}
