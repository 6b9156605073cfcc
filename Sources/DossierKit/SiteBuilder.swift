import Foundation

/// The whole pipeline, one stage after another: load → link → timeline → render → write.
/// Side effects stay at the two ends: reading `Content/` and `Templates/`, and the
/// output folder.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var projectRoot: URL
        public var contentFolder: URL
        public var templatesFolder: URL
        /// nil: check only, write nothing.
        public var outputFolder: URL?
        public var includeDrafts = false
        /// Overrides `site.yml`; an http(s) URL (the CLI checks it, see `Dossier.swift`).
        public var baseURL: String?
        /// Overrides `site.yml`'s `as_of`.
        public var asOf: DossierDate?
        public var portable = false
        /// Kept by `serve` between builds, so a rebuild redoes only what an edit needs.
        public var cache: BuildCache?
        /// Content files (relative to the content folder) known to be all that changed
        /// since the last build, as the file watcher saw them; nil when not known.
        public var changedContentFiles: Set<String>?
        /// Dates of last change from git when the content is in a checkout; off, front
        /// matter's `updated:` only.
        public var useGit = true
        /// Prints the print edition to `print/dossier.pdf` (full builds only).
        public var pdf: PDFPrinter?
        /// Past what size the graph, the timeline and the print edition draw less or split.
        public var limits = PageLimits()
        /// Told, by `serve`, the paths of the pages whose bodies were edited, once they are
        /// written and before the other pages the edit reached (those quoting them, the
        /// print edition, the search page): the page being edited reloads without waiting.
        /// An edit of front matter, which renders every page again into staging, tells it
        /// too, once the edited pages are linked, rendered and written over the served folder.
        public var editedPagesWritten: (@Sendable ([String]) -> Void)?

        public init(projectRoot: URL, contentFolder: URL? = nil, templatesFolder: URL? = nil, outputFolder: URL?) {
            self.projectRoot = projectRoot
            self.contentFolder = contentFolder ?? projectRoot.appendingPathComponent("Content")
            self.templatesFolder = templatesFolder ?? projectRoot.appendingPathComponent("Templates")
            self.outputFolder = outputFolder
        }
    }

    public struct Report: Sendable {
        public var pageCount: Int
        /// Pages rendered by this build: all of them, unless an incremental rebuild needed fewer.
        public var renderedCount: Int
        /// After an edit of bodies, the paths of the pages rendered (the others are as they were).
        public var renderedPaths: [String] = []
        public var diagnostics: [Diagnostic]
        /// Things worth saying once that are neither errors nor warnings.
        public var notes: [String] = []
        /// The PDF of the print edition, when this build printed one: its size in bytes.
        public var pdfBytes: Int?
        /// What changed between the dossier's editions (full and incremental builds).
        public var changeLog: ChangeLog?
        public var catalog: Catalog?
        public var site: LinkedSite?
        public var timeline: Timeline?
        /// Per other language: pages translated, missing and stale.
        public var coverage: [LanguageCoverage] = []
        /// What each layout's pages cost to render, the costliest first (`LayoutCost`).
        public var layoutCosts: [LayoutCost] = []
        /// Names the templates looked up to render this build's pages (`LayoutCost.lookups`).
        public var templateLookups: Int { layoutCosts.reduce(0) { $0 + $1.lookups } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    public var options: Options
    /// Called with the name of each stage as it starts, for progress output.
    public var progress: @Sendable (String) -> Void

    /// Told of the pages planned and rendered, for a progress line (`RenderProgress`).
    public var pageProgress: RenderProgress?

    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }, pageProgress: RenderProgress? = nil) {
        self.options = options
        self.progress = progress
        self.pageProgress = pageProgress
    }

    /// Runs the pipeline. Throws `BuildFailure` with every error found, and nothing else;
    /// on failure the previous output is left exactly as it was.
    public func build() async throws(BuildFailure) -> Report {
        do {
            return try await buildSite()
        } catch let failure as BuildFailure {
            throw failure
        } catch let diagnostic as Diagnostic {
            throw BuildFailure([diagnostic])
        } catch {
            throw BuildFailure([.error("\(error)", at: SourceLocation(file: options.outputFolder?.path ?? "<build>"))])
        }
    }

    /// One of three paths, each ending in `writeOut`:
    /// 1. `patchEditedBodies` (`BodyEdit.swift`): `serve` saw only Markdown bodies saved;
    ///    the last build is patched, nothing else is loaded or linked.
    /// 2. `renderAgain`: everything is loaded and linked, but only the pages the changes
    ///    since the last build reach are rendered, over the last build's output.
    /// 3. `renderAll`: everything is loaded, linked and rendered into a staging folder,
    ///    which replaces the output whole.
    private func buildSite() async throws -> Report {
        let output = options.outputFolder.map(OutputFolder.init)
        try output?.checkSafe(projectRoot: options.projectRoot, protected: [options.contentFolder, options.templatesFolder])
        let outputIsLastBuild = options.cache?.lastBuildSucceeded ?? false
        options.cache?.startBuild()
        // A multilingual site is not patched: its other languages are linked again, and
        // only then is it known which of their pages an edit reaches (`editionPlans`).
        let multilingual = options.cache?.previous?.site.catalog.site.isMultilingual ?? false
        if outputIsLastBuild, !multilingual, let output, let report = try await patchEditedBodies(output: output) {
            return report
        }
        let linked = try await loadAndLink()
        if let output, let selection = renderPlan(linked, output: output), let editionSelections = editionPlans(linked) {
            return try await renderAgain(selection, editionSelections, linked, into: output)
        }
        return try await renderAll(linked, into: output, outputIsLastBuild: outputIsLastBuild)
    }

    /// What the stages before rendering made of the whole site.
    struct LinkedBuild {
        var catalog: Catalog
        var site: LinkedSite
        var renderedAhead: RenderedAhead
        var timeline: Timeline
        var changeLog: ChangeLog?
        /// Display prefix of content files, e.g. `Content/`.
        var contentPrefix: String
        var templates: TemplateSet
        var assets: SiteAssets
        /// What loading and linking reported; `log` adds what the whole site shows.
        var sourceDiagnostics: [Diagnostic]
        var log: DiagnosticLog
        var notes: [String]
        /// The interface's words, and the site in its other languages.
        var strings = InterfaceStrings()
        var editions: [LanguageEditions.Linked] = []
    }

    /// Load → link → timeline → change log. Throws every error loading and linking found.
    private func loadAndLink() async throws -> LinkedBuild {
        progress("Loading content")
        var log = DiagnosticLog()
        let display = { (url: URL) in Self.displayPath(url, relativeTo: options.projectRoot) }
        let contentPrefix = display(options.contentFolder) + "/"
        // What does not depend on the content is read while it loads: the templates, their
        // assets and git's history of the folder (one `git log`, longer as the history
        // grows) were read one after another once the content had loaded.
        let (templatesFolder, templatesDisplay) = (options.templatesFolder, display(options.templatesFolder))
        let assetsFolder = templatesFolder.appendingPathComponent("assets")
        let (contentFolder, useGit) = (options.contentFolder, options.useGit)
        async let loadedTemplates = Result { try TemplateSet.load(from: templatesFolder, displayRoot: templatesDisplay) }
        async let loadedAssets = Result { try SiteAssets.load(from: assetsFolder) }
        async let loadedHistory = useGit ? GitHistory.read(contentFolder: contentFolder) : nil
        var (catalog, loadDiagnostics) = try await ContentLoader.load(
            from: options.contentFolder, displayRoot: display(options.contentFolder), options: .init(includeDrafts: options.includeDrafts),
            cache: options.cache)
        log.report(contentsOf: loadDiagnostics)
        log.report(contentsOf: MapChecks.diagnostics(catalog))
        log.report(contentsOf: FigureChecks.warnings(catalog.images, prefix: contentPrefix))
        if let baseURL = options.baseURL { catalog.site.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let asOf = options.asOf { catalog.site.asOf = asOf }
        if options.portable { catalog.site.portable = true }
        var notes: [String] = []
        let history = await loadedHistory
        if history == nil {
            notes.append(
                "note: \(display(options.contentFolder)) is not in a git checkout that git can read; dates of last change come from front matter 'updated:' only"
            )
        }
        catalog.gitHistory = history
        catalog.lastChanged = LastChangedDates.make(catalog, history: history, contentPrefix: contentPrefix)
        let (templatesLoaded, assetsLoaded) = await (loadedTemplates, loadedAssets)
        let templates = log.capture { try templatesLoaded.get() }
        let assets = log.capture {
            do { return try assetsLoaded.get() } catch {
                throw BuildFailure([
                    .error("cannot read assets: \(error.localizedDescription)", at: SourceLocation(file: display(assetsFolder)))
                ])
            }
        }
        let (strings, stringDiagnostics) = InterfaceStrings.load(
            from: options.templatesFolder, displayRoot: display(options.templatesFolder), languages: catalog.site.languages)
        log.report(contentsOf: stringDiagnostics)
        if let templates {
            log.report(
                contentsOf: strings.pluralMisuses(
                    in: templates.sources, displayRoot: display(options.templatesFolder),
                    language: catalog.site.languages.first?.code ?? catalog.site.language))
        }
        // The drawings' script reads its words, in every language, from a script made here.
        let languageCodes = catalog.site.languages.isEmpty ? [catalog.site.language] : catalog.site.languages.map(\.code)
        let assetsWithWords = assets.map { assets in
            assets.path(of: "timeline.js") == nil
                ? assets
                : assets.adding(
                    generated: TimelineScriptWords.assetName, TimelineScriptWords.script(strings: strings, languages: languageCodes))
        }
        guard let templates, let assets = assetsWithWords, !log.hasErrors else {
            // The bodies of the files that loaded may have errors of their own: report them
            // in the same run (links to the files that failed are not errors here).
            log.report(contentsOf: await Linker.link(catalog, contentPrefix: contentPrefix).1)
            throw BuildFailure(log.diagnostics)
        }

        progress("Linking \(catalog.pageCount) pages")
        // Whole texts are kept for `serve`, whose cache outlives a change in the page count.
        let textLimit = options.cache == nil ? SearchIndex.textLimit(for: catalog) : nil
        let reuse = options.cache.map { cache in
            LinkReuse(scans: cache, unchangedNames: cache.onlyBodiesChanged ? cache.previous?.site : nil)
        }
        // A full build reads each body's HTML once, in the render: it waits in a scratch
        // file. `serve` keeps it at hand, since an edit patches it.
        let spill = options.cache == nil ? SpillFile() : nil
        // The other languages first: their untranslated pages show the original bodies,
        // which a full build lets go of while linking them (`serve` keeps them for edits).
        var (editions, editionDiagnostics) = await LanguageEditions.link(
            catalog, contentPrefix: contentPrefix, strings: strings, spill: spill)
        // Their pages link to the same timeline rows as the original's.
        for index in editions.indices { editions[index].timeline.pageByYear(past: options.limits.timelineEvents) }
        let (site, renderedAhead, linkDiagnostics) = await Linker.link(
            catalog.handedOver(), contentPrefix: contentPrefix, textLimit: textLimit, reuse: reuse, releasingBodies: options.cache == nil,
            spill: spill)
        catalog = site.catalog
        log.report(contentsOf: linkDiagnostics)
        log.report(contentsOf: editionDiagnostics)
        try log.throwIfErrors()
        let sourceDiagnostics = log.diagnostics
        log.report(contentsOf: Sourcing.uncitedSources(site))

        progress("Building the timeline")
        // The timeline is made from front matter only; a body edit leaves it as it was.
        let reusable = options.cache.flatMap { $0.onlyBodiesChanged ? $0.previous?.timeline : nil }
        var timeline =
            reusable ?? TimelineBuilder.build(site, words: InterfaceWords(table: strings.byLanguage[site.catalog.site.language] ?? [:]))
        timeline.pageByYear(past: options.limits.timelineEvents)

        progress("Reading what changed between editions")
        let changeLog = await ChangeLogReader.make(
            .init(catalog: catalog, timeline: timeline, contentFolder: options.contentFolder, contentPrefix: contentPrefix))
        return LinkedBuild(
            catalog: catalog, site: site, renderedAhead: renderedAhead, timeline: timeline, changeLog: changeLog,
            contentPrefix: contentPrefix,
            templates: templates, assets: assets,
            sourceDiagnostics: sourceDiagnostics, log: log, notes: notes, strings: strings, editions: editions)
    }

    /// The pages the changes since the last build reach; nil for all of them (no last
    /// build, its output gone, or a change that may show on any page).
    private func renderPlan(_ linked: LinkedBuild, output: OutputFolder) -> RenderPlan.Selection? {
        guard let cache = options.cache, let previous = cache.previous, previous.strings == linked.strings,
            FileManager.default.fileExists(atPath: output.url.path)
        else {
            return nil
        }
        let languages = linked.catalog.site.otherLanguages.map(\.code)
        let changes = cache.changes.filter { TranslationFiles.original(of: $0.key, languages: languages) == nil }
        return RenderPlan.selection(
            .init(
                previous: previous, site: linked.site, changes: changes, siteConfigChanged: cache.siteConfigChanged,
                templateSources: linked.templates.sources, assetPaths: linked.assets.assets.map(\.outputPath),
                contentPrefix: linked.contentPrefix))
    }

    /// For each other language, the translated pages to render again; nil for all of
    /// them (see `LanguageEditions.selections`).
    private func editionPlans(_ linked: LinkedBuild) -> [String: RenderPlan.Selection]? {
        guard let cache = options.cache, let previous = cache.previous else { return nil }
        return LanguageEditions.selections(
            linked.editions, previous: previous, changes: cache.changes, siteConfigChanged: cache.siteConfigChanged,
            templates: linked.templates,
            assets: linked.assets, contentPrefix: linked.contentPrefix)
    }

    private func renderer(_ linked: LinkedBuild) -> SiteRenderer {
        progress("Rendering")
        var renderer = SiteRenderer(
            site: linked.site, renderedAhead: linked.renderedAhead, timeline: linked.timeline, templates: linked.templates,
            assets: linked.assets,
            portable: linked.catalog.site.portable)
        renderer.searchCache = options.cache?.searchRecords
        renderer.pdfPlanned = options.pdf != nil
        renderer.limits = options.limits
        renderer.progress = pageProgress
        renderer.changeLog = linked.changeLog
        renderer.strings = linked.strings
        renderer.previousPrintPlan = options.cache?.previous?.printPlan
        let config = linked.catalog.site
        if config.isMultilingual {
            renderer.languageLinks = LanguageLinks(
                languages: config.languages, baseURL: config.baseURL, editions: linked.editions.map(\.edition),
                sitePages: SiteRenderer.editionPages(renderer.jobs))
        }
        return renderer
    }

    /// Path 2: few pages, rendered in memory, written over the served folder only if all
    /// went well. The sitemap, feed and timeline data come from front matter, which this
    /// path has not seen change; assets may have.
    private func renderAgain(
        _ selection: RenderPlan.Selection, _ editionSelections: [String: RenderPlan.Selection], _ linked: LinkedBuild,
        into output: OutputFolder
    ) async throws -> Report {
        let collected = CollectedFiles()
        let renderer = renderer(linked)
        var rendered = try await renderer.render(selection: selection, write: collected.add)
        var log = linked.log
        var editionIndexes: [String: String] = [:]
        if let links = renderer.languageLinks {
            let (pages, indexes, diagnostics) = await LanguageEditions.render(
                linked.editions, selections: editionSelections, cache: options.cache, templates: linked.templates, assets: linked.assets,
                portable: linked.catalog.site.portable, links: links, strings: linked.strings, defaultPages: rendered.pages,
                write: collected.add)
            log.report(contentsOf: diagnostics)
            rendered.rendered += pages.count
            editionIndexes = indexes
        }
        let previousIndex = options.cache?.previous?.searchIndexPath
        let files = SiteFiles(site: linked.site, timeline: linked.timeline, assets: linked.assets, changeLog: linked.changeLog)
        _ = try writeOut(rendered, &log, to: .overLastBuild(output, collected, previousSearchIndex: previousIndex, assets: files))
        // An index whose text changed has a new name: the old one goes.
        for (code, path) in options.cache?.previous?.editionSearchIndexPaths ?? [:] where editionIndexes[code] != path {
            do { try output.remove(path) } catch { throw output.writeFailure(error) }
        }
        // The pages of the last build are still there.
        return finish(
            linked, rendered, log: log, pageCount: options.cache?.previous?.pageCount ?? rendered.pages.count, pdfBytes: nil,
            editionSearchIndexPaths: editionIndexes)
    }

    /// Path 3: every page, written into staging as it is rendered; then the files made
    /// from front matter and the PDF, and staging swapped in. Without an output folder
    /// (`check`), it renders and writes nothing.
    private func renderAll(_ linked: LinkedBuild, into output: OutputFolder?, outputIsLastBuild: Bool) async throws -> Report {
        if let output { try output.prepareStaging() }
        let files = SiteFiles(site: linked.site, timeline: linked.timeline, assets: linked.assets, changeLog: linked.changeLog)
        async let frontMatterFilesWritten: Void = { if let output { try await files.writeFrontMatterFiles(into: output) } }()
        let renderer = renderer(linked)
        let early = CollectedFiles()
        let shownFirst = outputIsLastBuild ? output.flatMap { firstPages(linked, servedFolder: $0, files: early) } : nil
        let earlyFiles = shownFirst?.files ?? []
        var rendered = try await renderer.render(
            write: { path, data in
                try output?.write(path, data)
                if earlyFiles.contains(path) { early.add(path, data) }
            }, first: shownFirst?.pages)
        var log = linked.log
        var allFiles = files
        var editionPages = 0
        var editionIndexes: [String: String] = [:]
        if let links = renderer.languageLinks {
            let (pages, indexes, diagnostics) = await LanguageEditions.render(
                linked.editions, cache: options.cache, templates: linked.templates, assets: linked.assets,
                portable: linked.catalog.site.portable, links: links, strings: linked.strings, defaultPages: rendered.pages,
                progress: pageProgress
            ) { path, data in try output?.write(path, data) }
            log.report(contentsOf: diagnostics)
            editionIndexes = indexes
            allFiles.languageLinks = links
            allFiles.editionPages = pages
            // The other languages' pages count among the site's.
            editionPages = pages.count
            rendered.rendered += pages.count
        }
        let target: WriteTarget
        if let output {
            do {
                try await frontMatterFilesWritten
            } catch {
                output.discardStaging()
                throw error
            }
            target = .staging(output, allFiles)
        } else {
            target = .nowhere
        }
        let pdfBytes = try writeOut(rendered, &log, to: target)
        return finish(
            linked, rendered, log: log, pageCount: rendered.pages.count + editionPages, pdfBytes: pdfBytes,
            editionSearchIndexPaths: editionIndexes)
    }

    /// `serve`, after an edit of front matter (a title may show on any page, so every page
    /// is rendered again into staging): the edited pages, rendered first and written over
    /// the served folder as well, and reloaded then, seconds before the staging folder
    /// replaces it. Only when every file saved is a Markdown page the last build had, so
    /// the page written early links to nothing the served folder lacks; nil otherwise.
    /// `collected`: where the render keeps their files (`files`) as it writes them.
    private func firstPages(
        _ linked: LinkedBuild, servedFolder: OutputFolder, files collected: CollectedFiles
    ) -> (pages: SiteRenderer.FirstPages, files: Set<String>)? {
        guard let announce = options.editedPagesWritten, let saved = options.changedContentFiles, !saved.isEmpty,
            let previous = options.cache?.previous
        else { return nil }
        let before = Set(previous.site.catalog.allHeaders.map(\.file))
        let now = Dictionary(linked.catalog.allHeaders.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var paths: Set<String> = []
        for file in saved {
            let projectFile = linked.contentPrefix + file
            guard file.hasSuffix(".md"), before.contains(projectFile), let header = now[projectFile], options.includeDrafts || !header.draft
            else { return nil }
            paths.insert(header.path)
        }
        let pages = SiteRenderer.FirstPages.shown(paths, over: servedFolder, files: collected.take, announce: announce)
        return (pages, Set(paths.map(SiteRenderer.file(of:))))
    }

    /// Paths 2 and 3 end here: the cache learns what this build was, the caller what it found.
    private func finish(
        _ linked: LinkedBuild, _ rendered: SiteRenderer.Output, log: DiagnosticLog, pageCount: Int, pdfBytes: Int?,
        editionSearchIndexPaths: [String: String]
    ) -> Report {
        options.cache?.finishBuild(
            PreviousBuild(
                site: linked.site, renderedAhead: linked.renderedAhead, timeline: linked.timeline, templates: linked.templates,
                assets: linked.assets, sourceDiagnostics: linked.sourceDiagnostics, pageCount: pageCount,
                searchIndexPath: rendered.searchIndexPath,
                changeLog: linked.changeLog, strings: linked.strings, editions: linked.editions,
                editionSearchIndexPaths: editionSearchIndexPaths, printPlan: rendered.printPlan))
        return Report(
            pageCount: pageCount, renderedCount: rendered.rendered, diagnostics: log.diagnostics, notes: linked.notes, pdfBytes: pdfBytes,
            changeLog: linked.changeLog, catalog: linked.catalog, site: linked.site, timeline: linked.timeline,
            coverage: linked.editions.map { LanguageCoverage($0.edition, pageCount: linked.catalog.pageCount) },
            layoutCosts: linked.templates.costs.summary)
    }

    /// What `--base-url` and `base_url` accept: an http(s) URL without spaces.
    public static func isWebURL(_ text: String) -> Bool { URLSafety.isWebURL(text) }

    /// `Content/briefings/x.md` rather than an absolute path, when under the project.
    static func displayPath(_ url: URL, relativeTo root: URL) -> String {
        let path = url.standardizedFileURL.path
        let rootPath = root.standardizedFileURL.path
        if path == rootPath { return "." }
        if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
        return path
    }
}
