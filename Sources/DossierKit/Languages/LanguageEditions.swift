import Foundation

/// The other languages of a build: each edition linked, its timeline made, and its
/// translated pages rendered under `<code>/` with the same templates.
enum LanguageEditions {
    struct Linked: Sendable {
        var edition: LanguageEdition
        var site: LinkedSite
        var renderedAhead: RenderedAhead
        var timeline: Timeline
    }

    /// Diagnostics are those of the translations: the originals were linked already.
    static func link(_ catalog: Catalog, contentPrefix: String) async -> ([Linked], [Diagnostic]) {
        var linked: [Linked] = []
        var diagnostics: [Diagnostic] = []
        for language in catalog.site.otherLanguages {
            let edition = LanguageEdition(catalog, language: language)
            diagnostics += edition.diagnostics
            let files = Set(catalog.translations.filter { $0.language == language.code }.map(\.file))
            let (site, renderedAhead, linkDiagnostics) = await Linker.link(
                edition.catalog, contentPrefix: contentPrefix, textLimit: nil, reuse: nil)
            diagnostics += linkDiagnostics.filter { files.contains($0.location.file) }
            linked.append(Linked(edition: edition, site: site, renderedAhead: renderedAhead, timeline: TimelineBuilder.build(site)))
        }
        return (linked, diagnostics)
    }

    /// Renders each edition's translated pages (those `selections` names for its language,
    /// when given); French pages get French spacing. Returns how many it rendered.
    static func render(
        _ editions: [Linked], selections: [String: RenderPlan.Selection]? = nil, templates: TemplateSet, assets: SiteAssets, portable: Bool,
        links: LanguageLinks, strings: InterfaceStrings, write: @escaping @Sendable (String, Data) throws -> Void
    ) async -> (rendered: Int, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var count = 0
        for linked in editions {
            let code = linked.edition.language.code
            var renderer = SiteRenderer(
                site: linked.site, renderedAhead: linked.renderedAhead, timeline: linked.timeline, templates: templates, assets: assets,
                portable: portable)
            renderer.languageLinks = links
            renderer.strings = strings
            renderer.staleTranslations = linked.edition.stalePaths
            renderer.fallbackLanguage = (prefix: linked.edition.prefix, code: links.languages.first?.code ?? "en")
            let french = code == "fr"
            let (rendered, found) = await DateFormatting.$language.withValue(code) {
                // Made here: a job's description may hold a date, in the language's words.
                var jobs = renderer.jobs(in: RenderPlan.Selection(pages: Set(linked.edition.originalPaths.keys)))
                if let selection = selections?[code] { jobs = jobs.filter { selection.contains(path: $0.path, template: $0.template) } }
                return await renderer.renderPages(jobs) { path, data in
                    guard french, path.hasSuffix(".html") else { return try write(path, data) }
                    try write(path, Data(FrenchTypography.apply(toHTML: String(decoding: data, as: UTF8.self)).utf8))
                }
            }
            count += rendered.count
            diagnostics += found
        }
        return (count, diagnostics)
    }

    /// What `serve` renders again in each other language after edits of bodies only, in
    /// either language: the pages `RenderPlan` finds in the language's own linked site,
    /// where an edited translation stands for its page, and an edited original for its
    /// translation too (whose stale notice may come or go). Nil, for everything, when a
    /// translation was added, removed or its front matter changed, or when `RenderPlan`
    /// says so for the language.
    static func selections(
        _ editions: [Linked], previous: PreviousBuild, changes: [String: BuildCache.Change], siteConfigChanged: Bool, templates: TemplateSet,
        assets: SiteAssets, contentPrefix: String
    ) -> [String: RenderPlan.Selection]? {
        var selections: [String: RenderPlan.Selection] = [:]
        var fileByPath: [String: String] = [:]
        for page in previous.site.catalog.pages { fileByPath[page.header.path] = page.header.file }
        for linked in editions {
            let code = linked.edition.language.code
            guard let before = previous.editions.first(where: { $0.edition.language.code == code }),
                before.edition.originalPaths == linked.edition.originalPaths
            else { return nil }
            var translationOf: [String: String] = [:]
            for page in linked.site.catalog.pages where page.header.path.hasPrefix(linked.edition.prefix) {
                if let original = linked.edition.originalPaths[page.header.path], let file = fileByPath[original] {
                    translationOf[String(file.dropFirst(contentPrefix.count))] = String(page.header.file.dropFirst(contentPrefix.count))
                }
            }
            var editionChanges = changes
            for (file, change) in changes where change == .body {
                if let translation = translationOf[file] {
                    editionChanges[file] = nil
                    editionChanges[translation] = .body
                }
            }
            // Translations into other languages are not pages of this one.
            let others = Set(editions.map(\.edition.language.code)).subtracting([code])
            editionChanges = editionChanges.filter { TranslationFiles.original(of: $0.key, languages: Array(others)) == nil }
            var earlier = previous
            earlier.site = before.site
            guard
                let selection = RenderPlan.selection(
                    .init(
                        previous: earlier, site: linked.site, changes: editionChanges, siteConfigChanged: siteConfigChanged,
                        templateSources: templates.sources, assetPaths: assets.assets.map(\.outputPath), contentPrefix: contentPrefix))
            else { return nil }
            selections[code] = selection
        }
        return selections
    }
}
