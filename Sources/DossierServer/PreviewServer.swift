import DossierKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `dossier serve`: builds the site into a folder of its own, serves it on 127.0.0.1
/// with live reload, and rebuilds on every change to the content or the templates.
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 8000
        /// How long saves must be quiet before a rebuild starts.
        public var debounce: TimeInterval = 0.03
        /// Scan for changes instead of using inotify (for file systems without it).
        public var poll = false
        /// Print each stage of every rebuild with its time.
        public var verbose = false
        /// Where each build shows its stage and the pages rendered so far (at a terminal),
        /// erased when it ends; the log should erase it too before writing a line.
        public var progress: ProgressLine?

        public init() {}
    }

    public let configuration: Configuration
    public let events = BuildEvents()
    public let status = BuildStatus()
    /// The folder being served; removed by `cleanUp()`, with its staging folder.
    public let outputFolder: URL
    public private(set) var port = 0
    private var options: SiteBuilder.Options
    private let log: @Sendable (String) -> Void
    private var rebuilder: Rebuilder?

    public init(options: SiteBuilder.Options, configuration: Configuration, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.options = options
        self.log = log
        outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dossier-preview-\(getpid())-\(UUID().uuidString.prefix(8))")
    }

    public var url: String { "http://\(configuration.host):\(port)/" }

    /// Finds the port, makes the first build and starts watching. Returns false if the
    /// first build failed (the server still starts, and shows the errors).
    public func prepare() async throws -> Bool {
        port = try PortFinder.available(host: configuration.host, preferred: configuration.port)
        if configuration.port != 0 && port != configuration.port {
            log("Port \(configuration.port) is in use; serving on port \(port) instead.")
        }
        options.outputFolder = outputFolder
        options.cache = BuildCache()
        // Canonical URLs and the 404 page's links point at the preview itself.
        options.baseURL = url
        let folders = [options.contentFolder, options.templatesFolder]
        let watcher =
            configuration.poll ? FileWatcher(folders: folders, pollInterval: 0.25, forcePolling: true) : FileWatcher(folders: folders)
        if watcher.usesPolling && !configuration.poll {
            log("note: inotify is unavailable here; watching by scanning the folders four times a second")
        }
        let rebuilder = Rebuilder(
            options: options, watcher: watcher, events: events, status: status, debounce: configuration.debounce,
            verbose: configuration.verbose, progress: configuration.progress, log: log)
        self.rebuilder = rebuilder
        let built = await rebuilder.buildOnce()
        if !FileManager.default.fileExists(atPath: outputFolder.path) {
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        }
        return built
    }

    /// The HTTP application with the rebuilder as a service beside it. Call `prepare()` first.
    public func application() -> some ApplicationProtocol {
        let router = Router()
        let events = self.events
        let status = self.status
        router.add(middleware: PreviewHeaders())
        router.add(middleware: NotFoundPage(folder: outputFolder))
        router.add(middleware: FileMiddleware(fileProvider: PreviewFiles(root: outputFolder), searchForIndexHtml: true))
        router.get("/_dossier/live.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get("/_dossier/status") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: status.json)))
        }
        router.get("/_dossier/events") { _, _ in
            let stream = events.subscribe()
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": connected\n\n"))
                    // The stream ends when the server shuts down or the browser goes away.
                    for await event in stream.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    }
                    try await writer.finish(nil)
                })
        }
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: nil),
            services: rebuilder.map { [$0] } ?? [],
            logger: logger)
    }

    public func cleanUp() {
        try? FileManager.default.removeItem(at: outputFolder)
        // A full rebuild (after a front matter edit) keeps the site before beside it.
        try? FileManager.default.removeItem(at: OutputFolder(outputFolder).staging)
    }
}

/// Previews are never cached: what the browser shows must be what is on disk now.
struct PreviewHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// A missing page gets the site's own 404 page (with live reload), status 404.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let folder: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return notFound()
        }
    }

    private func notFound() -> Response {
        let page =
            (try? PreviewFiles.page(at: folder.appendingPathComponent("404.html").path))
            ?? PreviewFiles.injectingLiveReload(
                into: Data("<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1></body></html>".utf8))
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }
}
