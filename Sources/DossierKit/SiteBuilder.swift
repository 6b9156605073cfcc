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
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    public var options: Options
    /// Called with the name of each stage as it starts, for progress output.
    public var progress: @Sendable (String) -> Void

    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
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

    private func buildSite() async throws -> Report {
        var log = DiagnosticLog()
        let output = options.outputFolder.map(OutputFolder.init)
        try output?.checkSafe(projectRoot: options.projectRoot, protected: [options.contentFolder, options.templatesFolder])
        if let cache = options.cache {
            let outputIsLastBuild = cache.lastBuildSucceeded
            cache.startBuild()
            if outputIsLastBuild, let files = options.changedContentFiles, let output, let previous = cache.previous,
                let report = try await rebuildEditedBodies(files, cache: cache, previous: previous, output: output)
            {
                return report
            }
        }

        progress("Loading content")
        let display = { (url: URL) in Self.displayPath(url, relativeTo: options.projectRoot) }
        var (catalog, loadDiagnostics) = try await ContentLoader.load(
            from: options.contentFolder, displayRoot: display(options.contentFolder), options: .init(includeDrafts: options.includeDrafts),
            cache: options.cache)
        log.report(contentsOf: loadDiagnostics)
        log.report(contentsOf: MapChecks.diagnostics(catalog))
        log.report(contentsOf: FigureChecks.warnings(catalog.images, prefix: display(options.contentFolder) + "/"))
        if let baseURL = options.baseURL { catalog.site.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let asOf = options.asOf { catalog.site.asOf = asOf }
        if options.portable { catalog.site.portable = true }
        var notes: [String] = []
        var pdfBytes: Int?
        let history = options.useGit ? GitHistory.read(contentFolder: options.contentFolder) : nil
        if history == nil {
            notes.append(
                "note: \(display(options.contentFolder)) is not in a git checkout that git can read; dates of last change come from front matter 'updated:' only")
        }
        catalog.gitHistory = history
        catalog.lastChanged = LastChangedDates.make(catalog, history: history, contentPrefix: display(options.contentFolder) + "/")
        let templates = log.capture { try TemplateSet.load(from: options.templatesFolder, displayRoot: display(options.templatesFolder)) }
        let assetsFolder = options.templatesFolder.appendingPathComponent("assets")
        let assets = log.capture {
            do { return try SiteAssets.load(from: assetsFolder) } catch {
                throw BuildFailure([.error("cannot read assets: \(error.localizedDescription)", at: SourceLocation(file: display(assetsFolder)))])
            }
        }
        let contentPrefix = display(options.contentFolder) + "/"
        if log.hasErrors {
            // The bodies of the files that loaded may have errors of their own: report them
            // in the same run (links to the files that failed are not errors here).
            log.report(contentsOf: await Linker.link(catalog, contentPrefix: contentPrefix).1)
            try log.throwIfErrors()
        }

        progress("Linking \(catalog.pageCount) pages")
        var (site, linkDiagnostics) = await Linker.link(catalog, contentPrefix: contentPrefix, cache: options.cache)
        log.report(contentsOf: linkDiagnostics)
        try log.throwIfErrors()
        if options.cache == nil {
            // Rendered once, from what linking made of them; `serve` keeps bodies for edits.
            site.releaseMarkdownRenderedAhead()
            catalog = site.catalog
        }
        let sourceDiagnostics = log.diagnostics
        log.report(contentsOf: Sourcing.uncitedSources(site))

        progress("Building the timeline")
        // The timeline is made from front matter only; a body edit leaves it as it was.
        let reusable = options.cache.flatMap { $0.onlyBodiesChanged ? $0.previous?.timeline : nil }
        let timeline = reusable ?? TimelineBuilder.build(site)

        progress("Reading what changed between editions")
        let changeLog = await ChangeLogReader.make(
            .init(catalog: catalog, timeline: timeline, contentFolder: options.contentFolder, contentPrefix: contentPrefix))

        progress("Rendering")
        var renderer = SiteRenderer(site: site, timeline: timeline, templates: templates!, assets: assets!, portable: catalog.site.portable)
        renderer.searchCache = options.cache?.searchRecords
        renderer.pdfPlanned = options.pdf != nil
        renderer.changeLog = changeLog
        let assetPaths = assets!.assets.map(\.outputPath)
        let cache = options.cache
        let selection = cache.flatMap { cache -> RenderPlan.Selection? in
            guard let previous = cache.previous, let output, FileManager.default.fileExists(atPath: output.url.path) else { return nil }
            return RenderPlan.selection(
                .init(
                    previous: previous, site: site, changes: cache.changes, siteConfigChanged: cache.siteConfigChanged,
                    templateSources: templates!.sources, assetPaths: assetPaths, contentPrefix: contentPrefix))
        }
        let files = SiteFiles(site: site, timeline: timeline, assets: assets!, changeLog: changeLog)
        let rendered: SiteRenderer.Output
        if let selection, let output {
            // Few pages: render them in memory, then write over the served folder only if all went well.
            let collected = CollectedFiles()
            rendered = await renderer.render(selection: selection, write: collected.add)
            log.report(contentsOf: rendered.diagnostics)
            try log.throwIfErrors()
            progress("Writing \(rendered.rendered) page\(rendered.rendered == 1 ? "" : "s")")
            do {
                try collected.files(besides: cache?.previous?.searchIndexPath).forEach { try output.replace($0.path, $0.data) }
                // The sitemap, feed and timeline data come from front matter, which an
                // incremental rebuild has not seen change; assets may have.
                try files.writeAssets(replacingIn: output)
                if let old = cache?.previous?.searchIndexPath, old != rendered.searchIndexPath { try output.remove(old) }
            } catch {
                throw output.writeFailure(error)
            }
        } else {
            if let output { try output.prepareStaging() }
            async let frontMatterFiles = output == nil ? [] : files.frontMatterFiles()
            rendered = await renderer.render { path, data in try output?.write(path, data) }
            log.report(contentsOf: rendered.diagnostics)
            if log.hasErrors {
                output?.discardStaging()
                try log.throwIfErrors()
            }
            if let output {
                progress("Writing")
                do {
                    try files.writeAll(pages: rendered.pages, frontMatterFiles: await frontMatterFiles, into: output)
                    if let printer = options.pdf { pdfBytes = try printPDF(printer, output: output, site: catalog.site) }
                    try output.commit()
                } catch let failure as BuildFailure {
                    output.discardStaging()
                    throw failure
                } catch {
                    output.discardStaging()
                    throw output.writeFailure(error)
                }
            }
        }
        // An incremental build has the pages of the last one.
        let pageCount = selection == nil ? rendered.pages.count : cache?.previous?.pageCount ?? rendered.pages.count
        cache?.finishBuild(
            PreviousBuild(
                site: site, timeline: timeline, templates: templates!, assets: assets!, sourceDiagnostics: sourceDiagnostics,
                pageCount: pageCount, searchIndexPath: rendered.searchIndexPath, changeLog: changeLog))
        return Report(
            pageCount: pageCount, renderedCount: rendered.rendered, diagnostics: log.diagnostics, notes: notes, pdfBytes: pdfBytes,
            changeLog: changeLog, catalog: catalog, site: site, timeline: timeline)
    }

    /// Prints the edition written into staging and puts the PDF beside it, so it is swapped
    /// in with the rest of the site, or not at all.
    private func printPDF(_ printer: PDFPrinter, output: OutputFolder, site config: SiteConfig) throws -> Int {
        progress("Printing the print edition to PDF (\(printer.paper.title))")
        do {
            let title = config.title + (config.asOf.map { ", current to " + DateFormatting.display($0) } ?? "")
            var data = try printer.print(siteFolder: output.staging, title: title)
            if let asOf = config.asOf { data = PDFPrinter.stampDates(data, day: asOf) }
            try output.write(PrintEdition.pdfPath, data)
            return data.count
        } catch {
            throw BuildFailure([
                .error(
                    "cannot print \(PrintEdition.pdfPath): \(error)", at: SourceLocation(file: printer.chromium),
                    hint: "build without --pdf, or check that '\(printer.chromium) --headless --print-to-pdf' works here")
            ])
        }
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
