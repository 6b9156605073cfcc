import Foundation

/// What a page shows, for the parts that depend on it beyond its layout: metadata,
/// the search index, the sitemap and the feed.
///
/// The documents are boxed, and the jobs' closures find theirs in the catalog by index:
/// 10,000 jobs, each holding its document inline and again in its closure, were 23 MB
/// held through the whole render.
enum PageKind: Sendable {
    case home, collection, search, notFound
    indirect case briefing(Briefing)
    indirect case entity(Entity)
    indirect case event(Event)
    indirect case source(Source)
}

/// One page to write: its output file, its layout and how to compute its values.
struct RenderJob: Sendable {
    var path: String  // site path of the page ("" for home)
    var file: String  // output file, e.g. "entities/countries/mali/index.html"
    var template: String
    var title: String
    var description: String
    var kind: PageKind
    var values: @Sendable (PageContext) -> [String: Any]
}

extension RenderJob {
    /// A page made from the whole site rather than from one document.
    var isSiteWide: Bool {
        if case .collection = kind { true } else { false }
    }
}

/// A rendered page: what the search index and the build report need of it.
struct RenderedPage: Sendable {
    var job: RenderJob
    var text: String
}

/// The `render` stage: every page is an independent job, rendered in parallel and
/// handed to `write` as soon as it is done, so the whole site is never held in memory.
public struct SiteRenderer: Sendable {
    let site: LinkedSite
    let renderedAhead: RenderedAhead
    let timeline: Timeline
    let templates: TemplateSet
    let assets: SiteAssets
    let portable: Bool
    var searchCache: SearchIndexCache?
    /// The build prints the print edition to a PDF, so pages may link to it.
    var pdfPlanned = false
    /// Past what size site-wide pages draw less or split.
    var limits = PageLimits()
    /// Told of the pages each render plans and of each page rendered.
    var progress: RenderProgress?
    /// What changed between editions, for `updates/`; nil: no such page.
    var changeLog: ChangeLog?
    /// The newest change of any page: what a reader has seen when they last looked.
    let siteChanged: String
    /// A multilingual site's switcher and alternates; nil: one language.
    var languageLinks: LanguageLinks?
    /// The interface's words (`t`); empty for templates without `i18n/`.
    var strings = InterfaceStrings()
    /// A language edition's folder, and the language its untranslated pages are in.
    var fallbackLanguage: (prefix: String, code: String)?
    /// Pages translated from an earlier version of their original.
    var staleTranslations: Set<String> = []
    /// In a language edition: the site-wide pages it has in its folder (see `editionJobs`).
    var editionPages: Set<String> = []
    /// The print edition's plan in the build before, whose volumes an edit may leave as they were.
    var previousPrintPlan: PrintVolumes?

    init(site: LinkedSite, renderedAhead: RenderedAhead, timeline: Timeline, templates: TemplateSet, assets: SiteAssets, portable: Bool) {
        self.site = site
        self.renderedAhead = renderedAhead
        self.timeline = timeline
        self.templates = templates
        self.assets = assets
        self.portable = portable
        self.siteChanged = site.catalog.lastChanged.values.map(\.sortKey).max() ?? site.catalog.site.asOf?.firstDayISO ?? ""
    }

    static let searchPath = "search/"

    var jobs: [RenderJob] { jobs(in: nil) }

    /// The file a page's path is written to: `entities/countries/mali/index.html`.
    static func file(of path: String) -> String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// The pages of the site, or those `selection` names (made without making the others:
    /// `serve` asks for one or two of ten thousand).
    func jobs(in selection: RenderPlan.Selection?) -> [RenderJob] { jobs(in: selection, printPlan: printVolumes()) }

    private func jobs(in selection: RenderPlan.Selection?, printPlan: PrintVolumes?) -> [RenderJob] {
        let catalog = site.catalog
        let description = catalog.site.description
        var jobs: [RenderJob] = []
        let volumesReached = printPlan.flatMap { printVolumesReached($0, selection: selection) }
        func wanted(_ path: String, _ template: String) -> Bool {
            guard let selection else { return true }
            if template == "print-volume" { return volumesReached?.contains(path) ?? true }
            if template == "print", let printPlan, printPlan.isSplit, !selection.layouts.contains(template) {
                // The cover holds no briefing: an edit of bodies changes it only with the plan.
                return selection.pages.contains(path) && !printPlan.sameLayout(as: previousPrintPlan)
            }
            return selection.contains(path: path, template: template)
        }
        func add(
            _ path: String, _ template: String, _ title: String, _ summary: String?, _ kind: PageKind = .collection,
            _ values: @escaping @Sendable (PageContext) -> [String: Any]
        ) {
            guard wanted(path, template) else { return }
            let file = Self.file(of: path)
            jobs.append(
                RenderJob(
                    path: path, file: file, template: template, title: title, description: summary ?? description, kind: kind,
                    values: values))
        }
        let home = catalog.home
        let pdfPlanned = self.pdfPlanned
        add(home?.path ?? "", "home", home?.title.value ?? catalog.site.title, home?.summary, .home) { context in
            var values = context.home(home)
            values["print_url"] = context.url(PrintEdition.path)
            values["print_lang"] = context.otherLanguage(of: PrintEdition.path) ?? false
            values["pdf_url"] = pdfPlanned ? context.url(PrintEdition.pdfPath) : false
            return values
        }
        add("briefings/", "list", "Briefings", "All briefings of the dossier.") { $0.briefingList() }
        // Read through the array's storage: a loop over the pages copies each one,
        // retaining every field, only to drop most of them.
        func wantedIndices<Page>(_ pages: [Page], _ template: String, _ path: (UnsafePointer<Page>) -> String) -> [Int] {
            guard selection != nil else { return Array(pages.indices) }
            return pages.withUnsafeBufferPointer { buffer in
                buffer.indices.filter { wanted(path(buffer.baseAddress! + $0), template) }
            }
        }
        for index in wantedIndices(catalog.briefings, "briefing", { $0.pointee.header.path }) {
            let briefing = catalog.briefings[index]
            add(briefing.header.path, "briefing", briefing.header.title.value, briefing.header.summary, .briefing(briefing)) {
                $0.briefing($0.site.catalog.briefings[index])
            }
        }
        add("entities/", "list", "Entities", "Every entity in the dossier.") { $0.entityList(kind: nil) }
        for kind in EntityKind.allCases
        where wanted("entities/\(kind.folder)/", "list") && catalog.entities.contains(where: { $0.kind == kind }) {
            add("entities/\(kind.folder)/", "list", kind.pluralTitle, "\(kind.pluralTitle) in the dossier.") { $0.entityList(kind: kind) }
        }
        for index in wantedIndices(catalog.entities, "entity", { $0.pointee.header.path }) {
            let entity = catalog.entities[index]
            add(entity.header.path, "entity", entity.header.title.value, entity.header.summary, .entity(entity)) {
                $0.entity($0.site.catalog.entities[index])
            }
        }
        for index in wantedIndices(catalog.events, "event", { $0.pointee.header.path }) {
            let event = catalog.events[index]
            let summary = event.header.summary ?? "\(DateFormatting.display(event.date.value)): \(event.header.title.value)"
            add(event.header.path, "event", event.header.title.value, summary, .event(event)) { context in
                let event = context.site.catalog.events[index], path = event.header.path
                return context.event(event, row: context.timeline.row(of: path), consequences: context.timeline.consequences(of: path))
            }
        }
        let limits = self.limits
        add(Timeline.path, "timeline", "Timeline", "Every dated event of the dossier, with derived treaty deadlines.") {
            $0.timelinePage(limits: limits)
        }
        if timeline.byYear {
            var years: [Int] = []
            for event in timeline.events where event.date.start.year != years.last { years.append(event.date.start.year) }
            for year in years {
                add(Timeline.yearPath(year), "timeline", "Timeline: \(year)", "Every dated event of \(year) in the dossier.") {
                    $0.timelinePage(year: year, limits: limits)
                }
            }
        }
        add("events/", "list", "Events", "Every recorded event of the dossier, by year.") { $0.eventList() }
        // Tags are front matter: an edit of bodies reaches a tag page only by its path.
        let tagPagesWanted = selection.map { $0.layouts.contains("list") || $0.pages.contains { $0.hasPrefix("tags/") } } ?? true
        let tags = tagPagesWanted ? BriefingTags(catalog.briefings).tags : []
        if !tags.isEmpty {
            add("tags/", "list", "Tags", "The tags of the dossier’s briefings.") { $0.tagList() }
            for tag in tags where wanted(tag.path, "list") {
                add(tag.path, "list", "Tag: \(tag.name)", "Briefings tagged ‘\(tag.name)’.") { $0.tagPage(tag) }
            }
        }
        add("sources/", "sources", "Sources", "Every source the dossier relies on.") { $0.sourcesPage() }
        for index in wantedIndices(catalog.sources, "source", { $0.pointee.header.path }) {
            let source = catalog.sources[index]
            let summary =
                "\(source.kind.title) by \(source.publisher)\(source.date.map { ", " + DateFormatting.display($0) } ?? ""), and the pages citing it."
            add(source.header.path, "source", source.header.title.value, summary, .source(source)) {
                $0.sourcePage($0.site.catalog.sources[index])
            }
        }
        add("graph/", "graph", "Relationship graph", "How the dossier’s entities relate.") { $0.graphPage(limits: limits) }
        // Templates of an older dossier may lack the newer layouts: their pages are left out.
        if templates.sources["print"] != nil {
            if let plan = printPlan, plan.isSplit {
                add(PrintEdition.path, "print", "Print edition", "The whole dossier in volumes, for paper and PDF.") {
                    $0.printCover(plan, pdfMade: pdfPlanned)
                }
                for (index, volume) in plan.volumes.enumerated() {
                    add(
                        volume.path, "print-volume", "Print edition, volume \(volume.number)",
                        "Volume \(volume.number) of the print edition."
                    ) { context in
                        context.printVolume(plan, at: index, pdfMade: pdfPlanned)
                    }
                }
            } else {
                add(PrintEdition.path, "print", "Print edition", "The whole dossier as one document, for paper and PDF.") {
                    $0.printEdition(pdfMade: pdfPlanned)
                }
            }
        }
        if let changeLog, templates.sources["updates"] != nil {
            add(UpdatesFeed.pagePath, "updates", "Updates", "What changed each time the dossier was brought up to date.") {
                $0.updatesPage(changeLog)
            }
        }
        add("404.html", "404", "Page not found", nil, .notFound) { _ in [:] }
        return jobs
    }

    /// The pages a language edition has in its folder besides its translations, by their
    /// path in the default language: the site-wide ones (lists, timeline, graph, sources,
    /// 404, search) and the files made for each language. Not the print edition nor the
    /// updates page, which stay in the default language.
    static func editionPages(_ jobs: [RenderJob]) -> Set<String> {
        var paths: Set<String> = [searchPath, SiteFeeds.feedPath, "events.ics", "timeline.json"]
        for job in jobs where Self.isEditionPage(job) { paths.insert(job.path) }
        return paths
    }

    private static func isEditionPage(_ job: RenderJob) -> Bool {
        switch job.kind {
        case .collection: !["print", "print-volume", "updates"].contains(job.template)
        case .notFound: true
        default: false
        }
    }

    /// A language edition's pages: its translations (`translated`, paths in its folder)
    /// and its site-wide pages, moved into its folder.
    /// The sections of the navigation are titled in the edition's words (`nav_<key>` of `titles`).
    func editionJobs(translated: Set<String>, titles: [String: String] = [:]) -> [RenderJob] {
        guard let prefix = fallbackLanguage?.prefix else { return [] }
        let sectionTitles = Dictionary(
            uniqueKeysWithValues: Self.mainSections.compactMap { section in titles["nav_" + section.key].map { (section.path, $0) } })
        return jobs.compactMap { job in
            if translated.contains(job.path) { return job }
            guard Self.isEditionPage(job) else { return nil }
            var moved = job
            moved.path = prefix + job.path
            moved.file = prefix + job.file
            if let title = sectionTitles[job.path] { moved.title = title }
            return moved
        }
    }

    /// The search page comes last: it names the index, which holds the text of every other page.
    func searchJob(indexPath: String) -> RenderJob {
        let folder = editionPages.isEmpty ? "" : fallbackLanguage?.prefix ?? ""
        return RenderJob(
            path: folder + Self.searchPath, file: folder + Self.searchPath + "index.html", template: "search",
            title: editionPages.isEmpty ? "Search" : strings.text("search", in: site.catalog.site.language) ?? "Search",
            description: "Search the dossier’s briefings, entities, events and sources.", kind: .search
        ) { context in
            [
                "search_index": context.url(indexPath),
                "portable": context.portable ? "true" : "false",
                "search_script": self.assets.path(of: "search.js").map { context.url($0) } ?? false,
            ]
        }
    }

    /// Pages to render before the others, and what to do with them then (see `render`).
    struct FirstPages {
        var paths: Set<String>
        var rendered: ([RenderedPage], [Diagnostic]) throws -> Void

        /// `serve`'s first pages: once rendered, their files (`take`) are written over the
        /// served folder and `announce` is told their paths. A page with an error is never
        /// written: the build fails at the end, as it did.
        static func shown(
            _ paths: Set<String>, over folder: OutputFolder, files take: @escaping () -> [(path: String, data: Data)],
            announce: @escaping ([String]) -> Void
        ) -> FirstPages {
            FirstPages(paths: paths) { pages, diagnostics in
                guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
                do {
                    for file in take() { try folder.replace(file.path, file.data) }
                } catch {
                    throw folder.writeFailure(error)
                }
                announce(pages.map(\.job.path))
            }
        }
    }

    struct Output {
        /// The pages rendered, with their text.
        var pages: [RenderedPage]
        var rendered: Int
        var searchIndexPath: String
        var diagnostics: [Diagnostic]
        /// The print edition's plan the pages were rendered by.
        var printPlan: PrintVolumes?
    }

    /// Renders the pages (all, or those `selection` names), then the search index and
    /// the search page. With a selection, the site's pages must be those of the build
    /// `searchCache` last saw, which holds the search records of the others.
    ///
    /// `first`, if given, names pages rendered before the others and handed over when
    /// they are: `serve` writes the edited page and reloads it without waiting for the
    /// pages that quote it, a volume of the print edition or the search index.
    func render(
        selection: RenderPlan.Selection? = nil, write: @escaping @Sendable (String, Data) throws -> Void, first: FirstPages? = nil
    ) async throws -> Output {
        var rendered: [RenderedPage] = [], diagnostics: [Diagnostic] = []
        var done: Set<String> = []
        if let first {
            // Before the print edition's plan, which the edited pages do not need.
            let firstJobs = jobs(in: selection, printPlan: nil).filter { first.paths.contains($0.path) }
            progress?.plan(firstJobs.count)
            (rendered, diagnostics) = await renderPages(firstJobs, write: write)
            try first.rendered(rendered, diagnostics)
            done = first.paths
            // Every page follows (an edit of front matter): a moment for `serve`'s event
            // stream to send the edited pages' reload before the render's tasks take every
            // thread, which left it queued until the whole site was written.
            if selection == nil { try? await Task.sleep(for: .milliseconds(50)) }
        }
        // A selection comes only from edits of bodies (`RenderPlan`, `BodyEdit`): the
        // front matter, and so the edition's reading orders, are the last build's.
        let printPlan = printVolumes(reusing: selection == nil ? nil : previousPrintPlan)
        let jobs = jobs(in: selection, printPlan: printPlan)
        let others = done.isEmpty ? jobs : jobs.filter { !done.contains($0.path) }
        progress?.plan(others.count + 1)  // and the search page
        let (othersRendered, otherDiagnostics) = await renderPages(others, write: write)
        rendered += othersRendered
        diagnostics += otherDiagnostics
        let index =
            if selection != nil, let searchCache {
                SearchIndex.script(updating: rendered, site: site, cache: searchCache)
            } else {
                await SearchIndex.script(rendered, site: site, cache: searchCache)
            }
        let indexPath = "assets/" + SiteAssets.fingerprinted("search-index.js", index)
        do { try write(indexPath, index) } catch {
            diagnostics.append(.error("cannot write \(indexPath): \(error.localizedDescription)", at: SourceLocation(file: indexPath)))
        }
        let (search, searchDiagnostics) = await renderPages([searchJob(indexPath: indexPath)], write: write)
        return Output(
            pages: rendered + search, rendered: rendered.count + 1, searchIndexPath: indexPath,
            diagnostics: diagnostics + searchDiagnostics,
            printPlan: printPlan)
    }

    func renderPages(_ jobs: [RenderJob], write: @escaping @Sendable (String, Data) throws -> Void) async -> ([RenderedPage], [Diagnostic])
    {
        // The site-wide pages (lists, timeline, sources, graph) are the slowest, and come
        // last in site order: at 10,000 pages one core rendered them alone for most of a
        // second after the other had finished. Started first, they run beside the rest;
        // results are put back in site order.
        let words = strings.byLanguage[site.catalog.site.language] ?? [:]
        // `t`, made once for all the pages: a dictionary of some 400 words and lambdas.
        let t = InterfaceTable(values: strings.table(site.catalog.site.language))
        let markNames = TimelineDrawing.MarkNames(words: InterfaceWords(table: words))
        // For templates that still give each drawing its words (`data-words`), made once.
        let timelineWords = TimelineScriptWords.json(InterfaceWords(table: words))
        let language = site.catalog.site.language
        let templates = self.templates.withWords(words, plurals: strings.plurals[language] ?? [:], language: language)
        let siteWideFirst = jobs.indices.filter { jobs[$0].isSiteWide } + jobs.indices.filter { !jobs[$0].isSiteWide }
        let scheduled = await Parallel.map(siteWideFirst.map { jobs[$0] }) { job -> (RenderedPage, [Diagnostic]) in
            var context = PageContext(site: site, renderedAhead: renderedAhead, timeline: timeline, path: job.path, portable: portable)
            context.fallbackLanguage = fallbackLanguage
            context.words = words
            context.editionPages = editionPages
            context.markNames = markNames
            if case .notFound = job.kind, !portable {
                context.absoluteRoot = URLComponents(string: site.catalog.site.baseURL)?.path ?? "/"
            }
            var laps = Laps()
            var values = job.values(context)
            values.merge(common(job, context, t: t.values, timelineWords: timelineWords)) { $1 }
            let valuesTime = laps.lap()
            var (html, diagnostics, lookups) = templates.renderCounting(job.template, values)
            let templateTime = laps.lap()
            do {
                try write(job.file, Data(html.utf8))
            } catch {
                diagnostics.append(.error("cannot write \(job.file): \(error.localizedDescription)", at: SourceLocation(file: job.file)))
            }
            templates.costs.add(job.template, values: valuesTime, template: templateTime, writing: laps.lap(), lookups: lookups)
            progress?.pageRendered()
            return (RenderedPage(job: job, text: context.bodyText.text), diagnostics)
        }
        var results = scheduled
        for (position, index) in siteWideFirst.enumerated() { results[index] = scheduled[position] }
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for (_, list) in results { for d in list where seen.insert(d).inserted { diagnostics.append(d) } }
        return (results.map(\.0), diagnostics)
    }

    /// The sections the navigation leads to, in its order; `urls` names each by its key.
    static let mainSections: [(key: String, title: String, path: String)] = [
        ("briefings", "Briefings", "briefings/"), ("entities", "Entities", "entities/"), ("timeline", "Timeline", "timeline/"),
        ("graph", "Graph", "graph/"), ("sources", "Sources", "sources/"),
    ]

    /// Values every layout gets (see the README's list).
    private func common(_ job: RenderJob, _ context: PageContext, t: [String: Any], timelineWords: String) -> [String: Any] {
        let config = site.catalog.site
        let canonical = config.baseURL + job.path
        let home = context.url("")
        var urls: [String: Any] = ["events": context.url("events/"), "tags": context.url("tags/"), "search": context.url(Self.searchPath)]
        for section in Self.mainSections { urls[section.key] = context.url(section.path) }
        urls["updates"] = changeLog == nil ? false : context.url(UpdatesFeed.pagePath)
        urls["print"] = context.url(PrintEdition.path)
        let language = languageLinks?.values(path: job.path, language: config.language, url: context.siteURL)
        var values: [String: Any] = [
            "alternates": language?["alternates"] ?? [],
            "language_links": language?["language_links"] ?? [],
            "t": t,
            "translation_notice": staleTranslations.contains(job.path)
                ? (strings.text("translation_stale", in: config.language) as Any?) ?? false : false,
            "site_title": config.title,
            "site_description": config.description,
            "lang": config.language,
            "page_title": job.title,
            "page_description": job.description,
            "is_home": job.path == (site.catalog.home?.path ?? ""),
            "home_url": home,
            // The root folder: `home` without `index.html`, which only portable builds add
            // (checked first: Foundation's replacing, on every page, was a sixth of this).
            "root": editionPages.isEmpty
                ? (home.contains("index.html") ? home.replacingOccurrences(of: "index.html", with: "") : home) : context.rootURL,
            "urls": urls,
            "canonical_url": canonical,
            "stylesheet": assets.path(of: "style.css").map { context.url($0) } ?? false,
            "timeline_script": assets.path(of: "timeline.js").map { context.url($0) } ?? false,
            "timeline_words_script": assets.path(of: TimelineScriptWords.assetName).map { context.url($0) } ?? false,
            "timeline_words": timelineWords,
            "favicon": assets.path(of: "favicon.svg").map { context.url($0) } ?? false,
            "graph_script": assets.path(of: "graph.js").map { context.url($0) } ?? false,
            "theme_script": assets.path(of: "theme.js").map { context.url($0) } ?? false,
            "feed_url": context.url(SiteFeeds.feedPath),
            "search_url": context.url(Self.searchPath),
            "og_type": PageMetadata.openGraphType(job.kind),
            "json_ld": PageMetadata.jsonLD(job, site: site, canonicalURL: canonical),
            "as_of": config.asOf.map(DateFormatting.display) ?? false,
            "last_changed": site.catalog.lastChanged[job.path].map { ["date": DateFormatting.display($0.date), "iso": $0.sortKey] }
                ?? false,
            "site_changed": siteChanged,
            "new_since_script": assets.path(of: "new-since.js").map { context.url($0) } ?? false,
            "nav": Self.mainSections.map { section in
                [
                    "title": strings.text("nav_" + section.key, in: config.language) ?? section.title, "url": context.url(section.path),
                    "current": job.path.hasPrefix(section.path),
                ]
            },
        ]
        if t.isEmpty { values["t"] = nil }
        return values
    }
}

/// The `t` table shared by the render tasks: never changed once made, its lambdas
/// capture only their plural forms.
private struct InterfaceTable: @unchecked Sendable {
    let values: [String: Any]
}
