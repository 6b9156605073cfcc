import Foundation

/// The other languages of a build: each edition linked, its timeline made, and its
/// translated pages rendered under `<code>/` with the same templates.
enum LanguageEditions {
    struct Linked: Sendable {
        var edition: LanguageEdition
        var site: LinkedSite
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
            let (site, linkDiagnostics) = await Linker.link(edition.catalog, contentPrefix: contentPrefix)
            diagnostics += linkDiagnostics.filter { files.contains($0.location.file) }
            linked.append(Linked(edition: edition, site: site, timeline: TimelineBuilder.build(site)))
        }
        return (linked, diagnostics)
    }

    /// Renders each edition into its folder: its translated pages, its own copy of the
    /// site-wide pages (lists, timeline, graph, sources, 404), its search page and index,
    /// feed, `events.ics` and `timeline.json`. `defaultPages` are the default language's
    /// pages as rendered, whose text the edition's index takes for the pages it has no
    /// translation of. French pages get French spacing. Returns the pages, for the sitemap.
    static func render(
        _ editions: [Linked], templates: TemplateSet, assets: SiteAssets, portable: Bool, links: LanguageLinks, strings: InterfaceStrings,
        defaultPages: [RenderedPage], write: @escaping @Sendable (String, Data) throws -> Void
    ) async -> (pages: [RenderedPage], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [RenderedPage] = []
        for linked in editions {
            let code = linked.edition.language.code
            let fallback = links.languages.first?.code ?? "en"
            let translated = Set(linked.edition.originalPaths.keys)
            let originals = Set(linked.edition.originalPaths.values)
            var renderer = SiteRenderer(site: linked.site, timeline: linked.timeline, templates: templates, assets: assets, portable: portable)
            renderer.languageLinks = links
            renderer.strings = strings
            renderer.staleTranslations = linked.edition.stalePaths
            renderer.fallbackLanguage = (prefix: linked.edition.prefix, code: fallback)
            // The edition's home, when translated, is where its site title and breadcrumbs lead.
            renderer.editionPages = links.sitePages.union(translated.contains(linked.edition.prefix) ? [""] : [])
            let french = code == "fr"
            let writeInLanguage: @Sendable (String, Data) throws -> Void = { path, data in
                guard french, path.hasSuffix(".html") else { return try write(path, data) }
                try write(path, Data(FrenchTypography.apply(toHTML: String(decoding: data, as: UTF8.self)).utf8))
            }
            let (rendered, found) = await DateFormatting.$language.withValue(code) { () async -> ([RenderedPage], [Diagnostic]) in
                var (rendered, found) = await renderer.renderPages(
                    renderer.editionJobs(translated: translated, titles: strings.table(code)), write: writeInLanguage)
                let language = SearchIndex.IndexLanguage(code: code, prefix: linked.edition.prefix, fallback: fallback)
                let untranslated = defaultPages.filter { !originals.contains($0.job.path) }
                let index = await SearchIndex.script(rendered + untranslated, site: linked.site, language: language)
                let indexPath = "assets/" + SiteAssets.fingerprinted("search-index.js", index)
                let files = files(linked, prefix: linked.edition.prefix, fallback: fallback) + [(indexPath, index)]
                for (path, data) in files {
                    do { try write(path, data) } catch {
                        found.append(.error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(file: path)))
                    }
                }
                let (search, searchFound) = await renderer.renderPages([renderer.searchJob(indexPath: indexPath)], write: writeInLanguage)
                return (rendered + search, found + searchFound)
            }
            pages += rendered
            diagnostics += found
        }
        return (pages, diagnostics)
    }

    /// The edition's feed, calendar and timeline data, in its folder.
    private static func files(_ linked: Linked, prefix: String, fallback: String) -> [(String, Data)] {
        let config = linked.site.catalog.site
        let languages = TimelineExports.TitleLanguages(code: linked.edition.language.code, edition: (prefix: prefix, fallback: fallback))
        return [
            (prefix + SiteFeeds.feedPath, SiteFeeds.atom(linked.site.catalog, edition: (prefix: prefix, fallback: fallback))),
            (prefix + "events.ics", TimelineExports.iCalendar(linked.timeline, site: config, languages: languages)),
            (prefix + "timeline.json", TimelineExports.json(linked.timeline, baseURL: config.baseURL, languages: languages)),
        ]
    }
}
