import DossierKit
import Foundation
import ServiceLifecycle

/// Rebuilds the site when the watcher reports a change: waits until saves have been
/// quiet for a moment, builds with the cache, and tells open pages what happened.
/// Runs as a service beside the HTTP server, so Ctrl-C stops both.
final class Rebuilder: Service, @unchecked Sendable {
    let options: SiteBuilder.Options
    let watcher: FileWatcher
    let events: BuildEvents
    let status: BuildStatus
    let debounce: TimeInterval
    let verbose: Bool
    let progress: ProgressLine?
    let log: @Sendable (String) -> Void

    init(
        options: SiteBuilder.Options, watcher: FileWatcher, events: BuildEvents, status: BuildStatus, debounce: TimeInterval,
        verbose: Bool, progress: ProgressLine? = nil, log: @escaping @Sendable (String) -> Void
    ) {
        self.options = options
        self.watcher = watcher
        self.events = events
        self.status = status
        self.debounce = debounce
        self.verbose = verbose
        self.progress = progress
        self.log = log
    }

    /// The first build, before the server starts.
    func buildOnce() async -> Bool {
        await build(first: true)
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.rebuildOnChanges() }
                group.addTask { await self.heartbeat() }
                await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.watcher.stop()
            self.events.finishAll()
        }
    }

    private func rebuildOnChanges() async {
        var built = 0
        for await _ in watcher.changes {
            // Changes that arrived while the last build read the files are already in it.
            if watcher.changeCount == built { continue }
            // A burst of saves (an editor writing a backup, then the file) is one rebuild.
            while true {
                let quiet = Date().timeIntervalSince(watcher.timeOfLastChange)
                if quiet >= debounce { break }
                try? await Task.sleep(for: .milliseconds(Int((debounce - quiet) * 1000) + 1))
            }
            let (count, paths) = watcher.takeChanges()
            built = count
            await build(first: false, changed: paths)
        }
    }

    /// Content files (relative to the content folder) among `paths`, or nil when any
    /// changed path is elsewhere or unknown: then the build looks at everything.
    private func contentFiles(among paths: Set<String>?) -> Set<String>? {
        guard let paths else { return nil }
        let root = options.contentFolder.resolvingSymlinksInPath().path + "/"
        var files: Set<String> = []
        for path in paths {
            guard path.hasPrefix(root) else { return nil }
            files.insert(String(path.dropFirst(root.count)))
        }
        return files
    }

    /// A comment line now and then, so a stream whose browser has gone is noticed and closed.
    private func heartbeat() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(10))
            events.publish(.heartbeat)
        }
    }

    /// Each stage of a build: on the progress line, and, with `--verbose`, in the log with
    /// the time since the build started.
    private func stageLog(from start: Date) -> @Sendable (String) -> Void {
        let (log, verbose, progress) = (self.log, self.verbose, self.progress)
        return { stage in
            progress?.stage(stage)
            guard verbose else { return }
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            log("[\(ms) ms] \(stage)…")
        }
    }

    @discardableResult
    private func build(first: Bool, changed paths: Set<String>? = nil) async -> Bool {
        let start = Date()
        var options = self.options
        options.changedContentFiles = contentFiles(among: paths)
        // An edit writes the edited pages first: those open reload then, the others the
        // edit reached (backlinks, print edition, search; every page, after an edit of
        // front matter) when they are written.
        let early = EarlyReload()
        if !first {
            let (events, status, stageLog) = (self.events, self.status, self.stageLog(from: start))
            options.editedPagesWritten = { paths in
                let number = status.succeeded()
                early.record(number, pages: paths)
                stageLog("Reloading \(paths.count) page\(paths.count == 1 ? "" : "s")")
                events.publish(.reload(build: number, pages: paths.map { "/" + $0 }))
            }
        }
        do {
            let report = try await SiteBuilder(
                options: options, progress: stageLog(from: start), pageProgress: progress.map(RenderProgress.init(showingOn:))
            ).build()
            progress?.clear()
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            let announced = early.announced
            let number = announced?.build ?? status.succeeded()
            for warning in report.warnings { log(warning.description) }
            let rendered =
                report.renderedCount == report.pageCount
                ? "\(report.pageCount) pages" : "\(report.renderedCount) of \(report.pageCount) pages"
            log(first ? "Built \(report.pageCount) pages in \(ms) ms" : "Rebuilt \(rendered) in \(ms) ms")
            if !first {
                if let announced, report.renderedPaths.isEmpty {
                    // Every page was rendered again (the build does not list them).
                    events.publish(.reloadOthers(build: number, shown: announced.pages.sorted().map { "/" + $0 }))
                } else if let announced {
                    let rest = report.renderedPaths.filter { !announced.pages.contains($0) }
                    events.publish(.reload(build: number, pages: rest.map { "/" + $0 }))
                } else {
                    events.publish(.reload(build: number))
                }
            }
            return true
        } catch {
            progress?.clear()
            let errors = error.diagnostics.filter { $0.severity == .error }
            for diagnostic in error.diagnostics { log(diagnostic.description) }
            log("error: rebuild failed with \(errors.count) error\(errors.count == 1 ? "" : "s"); still serving the last good build")
            status.failed(errors)
            events.publish(.failed(errors))
            return false
        }
    }
}

/// What a build announced before it finished: its number and the pages it had written.
private final class EarlyReload: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (build: Int, pages: Set<String>)?

    func record(_ build: Int, pages: [String]) {
        lock.lock()
        defer { lock.unlock() }
        value = (build, Set(pages))
    }

    var announced: (build: Int, pages: Set<String>)? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
