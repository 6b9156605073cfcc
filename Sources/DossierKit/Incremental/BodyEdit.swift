import Foundation

/// `serve`'s rebuild for what it sees most: the Markdown body of a page or two saved, and
/// nothing else. The file watcher names the files, so instead of listing, loading, linking
/// and comparing the whole site, the last good build is patched: the edited files are
/// parsed, their references resolved with the last build's indexes, their backlinks moved
/// in the lists of the pages they link to, and only the pages the edit reaches (as
/// `EditReach` says: the edited pages, the pages whose backlinks changed, …), the search
/// index and the search page are written again.
///
/// When an edited page's headings change, the other pages' links to its headings are
/// resolved again, and those whose links changed are among the pages reached.
///
/// Whatever it cannot patch exactly returns nil, and the general incremental build runs
/// instead: a file added, removed or unknown, front matter changed (names, dates and
/// relations reach other pages), the warnings of a page changed (the report lists them
/// for the whole site, in page order), a link to a heading that is gone.
extension SiteBuilder {
    /// Path 1 of `buildSite`: nil when it does not apply, or cannot patch exactly.
    func patchEditedBodies(output: OutputFolder) async throws -> Report? {
        guard let cache = options.cache, let files = options.changedContentFiles, let previous = cache.previous,
            FileManager.default.fileExists(atPath: output.url.path)
        else { return nil }
        progress("Loading \(files.count) edited file\(files.count == 1 ? "" : "s")")
        guard let loaded = loadBodyEdits(files, cache: cache) else { return nil }
        let edits = loaded.filter(\.value.bodyChanged).mapValues(\.file)
        var catalog = previous.site.catalog
        for edit in edits.values {
            guard let document = edit.document else { return nil }
            if !options.includeDrafts && document.header.draft { continue }  // not on the site before or now
            guard catalog.replace(with: document) else { return nil }
        }

        progress("Linking \(edits.count) page\(edits.count == 1 ? "" : "s")")
        let edited = edits.sorted { $0.key < $1.key }.compactMap(\.value.document?.header).filter { options.includeDrafts || !$0.draft }
        guard
            let (site, renderedAhead, relinked) = Linker.relink(
                previous.site, renderedAhead: previous.renderedAhead, catalog: catalog, edited: edited.map(\.file), cache: cache),
            let reached = EditReach.pages(edited: Set(edited.map(\.path)), relinked: relinked, from: previous.site, to: site)
        else { return nil }
        cache.finishLoad(bodyEdits: loaded)

        progress("Rendering")
        let selection = RenderPlan.Selection(reached: reached)
        var renderer = SiteRenderer(
            site: site, renderedAhead: renderedAhead, timeline: previous.timeline, templates: previous.templates, assets: previous.assets,
            portable: catalog.site.portable)
        renderer.searchCache = cache.searchRecords
        renderer.limits = options.limits
        renderer.changeLog = previous.changeLog
        renderer.strings = previous.strings
        renderer.previousPrintPlan = previous.printPlan
        let collected = CollectedFiles()
        let first = options.editedPagesWritten.map { announce in
            SiteRenderer.FirstPages.shown(Set(edited.map(\.path)), over: output, files: collected.take, announce: announce)
        }
        let rendered = try await renderer.render(selection: selection, write: collected.add, first: first)
        var log = DiagnosticLog()
        log.report(contentsOf: previous.sourceDiagnostics)
        log.report(contentsOf: Sourcing.uncitedSources(site))
        _ = try writeOut(rendered, &log, to: .overLastBuild(output, collected, previousSearchIndex: previous.searchIndexPath, assets: nil))
        var next = previous
        next.site = site
        next.renderedAhead = renderedAhead
        next.searchIndexPath = rendered.searchIndexPath
        next.printPlan = rendered.printPlan
        cache.finishBuild(next)
        var report = Report(
            pageCount: previous.pageCount, renderedCount: rendered.rendered, diagnostics: log.diagnostics, catalog: catalog, site: site,
            timeline: previous.timeline)
        report.renderedPaths = rendered.pages.map(\.job.path)
        return report
    }

    /// The edited files, read again, by path relative to the content folder; nil unless
    /// each is a Markdown file the last build read whose front matter and diagnostics
    /// are as they were. Files whose stamp did not change are left out.
    private func loadBodyEdits(_ files: Set<String>, cache: BuildCache) -> [String: BuildCache.BodyEdit]? {
        let rootPath = options.contentFolder.path
        let displayRoot = Self.displayPath(options.contentFolder, relativeTo: options.projectRoot)
        let prefix = displayRoot.isEmpty ? "" : displayRoot + "/"
        var edits: [String: BuildCache.BodyEdit] = [:]
        for relativePath in files where !ContentFiles.isEditorLeftover((relativePath as NSString).lastPathComponent) {
            // The content guide is never read by a build, so editing it changes nothing.
            if ContentFiles.isAuthorsGuide(relativePath) { continue }
            let path = rootPath + "/" + relativePath
            // An image or map file, new, changed or gone: pages anywhere may show it.
            if cache.isMedia(relativePath) || ImageFormat(fileName: relativePath) != nil || relativePath.lowercased().hasSuffix(".geojson")
            {
                return nil
            }
            guard let old = cache.loaded(relativePath) else {
                // Gone again before this build (vim's `4913`, an IDE's temporary copy renamed
                // over the file): no build ever lists it. Anything else new needs the full listing.
                var info = stat()
                if lstat(path, &info) != 0 && errno == ENOENT { continue }
                return nil
            }
            guard old.document != nil, let stamp = BuildCache.FileStamp.of(path) else { return nil }
            if stamp == old.stamp { continue }
            let (loaded, document, diagnostics) = ContentLoader.loadFile(relativePath, rootPath: rootPath, prefix: prefix, stamp: stamp)
            guard let loaded, document != nil, loaded.frontMatter == old.frontMatter, diagnostics == old.diagnostics else { return nil }
            edits[relativePath] = .init(file: loaded, bodyChanged: loaded.body != old.body)
        }
        return edits
    }
}

extension Catalog {
    /// Puts `document` in place of the page published from the same file; false if there is none.
    mutating func replace(with document: ParsedDocument) -> Bool {
        let file = document.header.file
        switch document {
        case .home(let header):
            guard home?.file == file else { return false }
            home = header
        case .briefing(let briefing):
            guard let index = briefings.firstIndex(where: { $0.header.file == file }) else { return false }
            briefings[index] = briefing
        case .entity(let entity):
            guard let index = entities.firstIndex(where: { $0.header.file == file }) else { return false }
            entities[index] = entity
        case .event(let event):
            guard let index = events.firstIndex(where: { $0.header.file == file }) else { return false }
            events[index] = event
        case .source(let source):
            guard let index = sources.firstIndex(where: { $0.header.file == file }) else { return false }
            sources[index] = source
        }
        return true
    }
}
