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
    /// `spill`: where the bodies rendered ahead wait for the render (see `SpillFile`).
    static func link(
        _ catalog: Catalog, contentPrefix: String, strings: InterfaceStrings = .init(), spill: SpillFile? = nil
    ) async -> ([Linked], [Diagnostic]) {
        var linked: [Linked] = []
        var diagnostics: [Diagnostic] = []
        for language in catalog.site.otherLanguages {
            let edition = LanguageEdition(catalog, language: language)
            diagnostics += edition.diagnostics
            let files = Set(catalog.translations.filter { $0.language == language.code }.map(\.file))
            let (site, renderedAhead, linkDiagnostics) = await Linker.link(
                edition.catalog, contentPrefix: contentPrefix, textLimit: nil, reuse: nil, spill: spill)
            diagnostics += linkDiagnostics.filter { files.contains($0.location.file) }
            // Computed dates' titles and notes, in the edition's words and dates.
            let words = InterfaceWords(table: strings.byLanguage[language.code] ?? [:])
            let timeline = DateFormatting.$language.withValue(language.code) { TimelineBuilder.build(site, words: words) }
            linked.append(Linked(edition: edition, site: site, renderedAhead: renderedAhead, timeline: timeline))
        }
        return (linked, diagnostics)
    }

    /// Renders each edition into its folder: its translated pages, its own copy of the
    /// site-wide pages (lists, timeline, graph, sources, 404), its search page and index,
    /// feed, `events.ics` and `timeline.json`. `defaultPages` are the default language's
    /// pages as rendered, whose text the edition's index takes for the pages it has no
    /// translation of. French pages get French spacing. Returns the pages, for the
    /// sitemap, and each language's search index.
    ///
    /// With `selections` (serve, after edits of bodies only), an edition renders only the
    /// pages its selection names, and its index takes their records and those of the
    /// `defaultPages` rendered again in place of the ones `cache` kept; its feed, calendar
    /// and timeline data come from front matter, which has not changed.
    static func render(
        _ editions: [Linked], selections: [String: RenderPlan.Selection]? = nil, cache: BuildCache? = nil, templates: TemplateSet,
        assets: SiteAssets, portable: Bool, links: LanguageLinks, strings: InterfaceStrings, defaultPages: [RenderedPage],
        progress: RenderProgress? = nil, write: @escaping @Sendable (String, Data) throws -> Void
    ) async -> (pages: [RenderedPage], searchIndexPaths: [String: String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [RenderedPage] = []
        var indexPaths: [String: String] = [:]
        for linked in editions {
            let code = linked.edition.language.code
            let prefix = linked.edition.prefix
            let fallback = links.languages.first?.code ?? "en"
            let translated = Set(linked.edition.originalPaths.keys)
            let originals = Set(linked.edition.originalPaths.values)
            var renderer = SiteRenderer(
                site: linked.site, renderedAhead: linked.renderedAhead, timeline: linked.timeline, templates: templates, assets: assets,
                portable: portable)
            renderer.languageLinks = links
            renderer.strings = strings
            renderer.progress = progress
            renderer.staleTranslations = linked.edition.stalePaths
            renderer.fallbackLanguage = (prefix: prefix, code: fallback)
            // The edition's home, when translated, is where its site title and breadcrumbs lead.
            renderer.editionPages = links.sitePages.union(translated.contains(prefix) ? [""] : [])
            let french = code == "fr"
            let writeInLanguage: @Sendable (String, Data) throws -> Void = { path, data in
                guard french, path.hasSuffix(".html") else { return try write(path, data) }
                try write(path, Data(FrenchTypography.apply(toHTML: String(decoding: data, as: UTF8.self)).utf8))
            }
            let records = cache?.searchRecords(of: code)
            let selection = records == nil ? nil : selections?[code]
            let (rendered, indexPath, found) = await DateFormatting.$language.withValue(code) {
                () async -> ([RenderedPage], String, [Diagnostic]) in
                // Made here: a job's description may hold a date, in the language's words.
                var jobs = renderer.editionJobs(translated: translated, titles: strings.byLanguage[code] ?? [:])
                if let selection {
                    // A site-wide page is selected by its path in the edition's linked site, before the move into its folder.
                    jobs = jobs.filter {
                        selection.contains(path: $0.path, template: $0.template)
                            || (!translated.contains($0.path)
                                && selection.contains(path: String($0.path.dropFirst(prefix.count)), template: $0.template))
                    }
                }
                progress?.plan(jobs.count + 1)  // and the edition's search page
                var (rendered, found) = await renderer.renderPages(jobs, write: writeInLanguage)
                let language = SearchIndex.IndexLanguage(
                    code: code, prefix: prefix, fallback: fallback, words: InterfaceWords(table: strings.byLanguage[code] ?? [:]))
                let untranslated = defaultPages.filter { !originals.contains($0.job.path) }
                var outputs: [(String, Data)] = []
                let index: Data
                if selection != nil, let records {
                    index = SearchIndex.script(updating: rendered + untranslated, site: linked.site, cache: records, language: language)
                } else {
                    index = await SearchIndex.script(rendered + untranslated, site: linked.site, cache: records, language: language)
                    outputs = files(
                        linked, prefix: prefix, fallback: fallback, words: InterfaceWords(table: strings.byLanguage[code] ?? [:]))
                }
                let indexPath = "assets/" + SiteAssets.fingerprinted("search-index.js", index)
                for (path, data) in outputs + [(indexPath, index)] {
                    do { try write(path, data) } catch {
                        found.append(.error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(file: path)))
                    }
                }
                let (search, searchFound) = await renderer.renderPages([renderer.searchJob(indexPath: indexPath)], write: writeInLanguage)
                return (rendered + search, indexPath, found + searchFound)
            }
            pages += rendered
            indexPaths[code] = indexPath
            diagnostics += found
        }
        return (pages, indexPaths, diagnostics)
    }

    /// The edition's feed, calendar and timeline data, in its folder.
    private static func files(_ linked: Linked, prefix: String, fallback: String, words: InterfaceWords) -> [(String, Data)] {
        let config = linked.site.catalog.site
        let languages = TimelineExports.TitleLanguages(code: linked.edition.language.code, edition: (prefix: prefix, fallback: fallback))
        return [
            (prefix + SiteFeeds.feedPath, SiteFeeds.atom(linked.site.catalog, edition: (prefix: prefix, fallback: fallback))),
            (prefix + "events.ics", TimelineExports.iCalendar(linked.timeline, site: config, languages: languages, words: words)),
            (prefix + "timeline.json", TimelineExports.json(linked.timeline, baseURL: config.baseURL, languages: languages)),
        ]
    }

    /// What `serve` renders again in each other language after edits of bodies only, in
    /// either language: the pages `RenderPlan` finds in the language's own linked site,
    /// where an edited translation stands for its page, and an edited original for its
    /// translation too (whose stale notice may come or go). Nil, for everything, when a
    /// translation was added, removed or its front matter changed, or when `RenderPlan`
    /// says so for the language.
    static func selections(
        _ editions: [Linked], previous: PreviousBuild, changes: [String: BuildCache.Change], siteConfigChanged: Bool,
        templates: TemplateSet,
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
