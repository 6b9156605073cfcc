import DossierKit
import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import DossierServer

/// A preview server on a free port over a temporary copy of the `sahel` fixture.
final class RunningPreview: @unchecked Sendable {
    let root: URL
    let server: PreviewServer
    let group: ServiceGroup
    let task: Task<Void, Error>
    var port: Int { server.port }
    var content: URL { root.appendingPathComponent("Content") }

    init(progress: ProgressLine? = nil) async throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Tests/DossierKitTests/Fixtures/sahel/Content"),
            to: root.appendingPathComponent("Content"))
        var options = SiteBuilder.Options(
            projectRoot: root, templatesFolder: packageRoot.appendingPathComponent("Templates"), outputFolder: nil)
        options.asOf = try DossierDate.singleDay("2026-01-15")
        var configuration = PreviewServer.Configuration()
        configuration.port = 0
        configuration.progress = progress
        server = PreviewServer(options: options, configuration: configuration, log: { _ in })
        #expect(try await server.prepare())
        group = ServiceGroup(configuration: .init(services: [server.application()], logger: Logger(label: "test")))
        let group = self.group
        task = Task { try await group.run() }
        // Ready when it answers. Other suites' builds share the two cores and the task pool,
        // so starting can take seconds in CI: wait up to 30 s, returning as soon as it answers.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if (try? RawHTTP.get(port: server.port, "/_dossier/status"))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the server did not start within 30 s")
    }

    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
        server.cleanUp()
        try? FileManager.default.removeItem(at: root)
    }
}

/// The event stream, opened and past its first line, so no event is missed.
func openEvents(port: Int) throws -> RawHTTP {
    let client = try RawHTTP(port: port, timeout: 30)
    try client.send("GET", "/_dossier/events")
    let head = try client.readHead()
    #expect(head.status == 200)
    #expect(head.headers["content-type"] == "text/event-stream")
    #expect(try client.readLine()?.isEmpty == false)  // chunk size of ": connected"
    return client
}

@Suite("Preview server", .serialized)
struct PreviewServerTests {
    @Test("serves pages with the live-reload script added, never cached; the files on disk stay as build writes them")
    func servesPages() async throws {
        let preview = try await RunningPreview()
        let page = try RawHTTP.get(port: preview.port, "/entities/countries/mali/")
        #expect(page.status == 200)
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.headers["etag"] != nil)
        #expect(page.text.contains("<h1>Mali</h1>"))
        #expect(page.text.contains("<script src=\"/_dossier/live.js\"></script>\n</body>"))
        #expect(Int(page.headers["content-length"] ?? "") == page.body.count)
        let onDisk = try String(
            contentsOf: preview.server.outputFolder.appendingPathComponent("entities/countries/mali/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("_dossier"))
        let range = try RawHTTP.get(port: preview.port, "/timeline.json", headers: ["Range": "bytes=0-9"])
        #expect(range.status == 206 && range.body.count == 10)
        let missing = try RawHTTP.get(port: preview.port, "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found") && missing.text.contains("/_dossier/live.js"))
        try await preview.stop()
    }

    @Test("an edit reloads its page first, then the print edition and the search page once they are written too")
    func editReloads() async throws {
        let preview = try await RunningPreview()
        let events = try openEvents(port: preview.port)
        try preview.edit("briefings/sahel-overview.md", replacing: "Others followed.", with: "Others followed within days.")
        let started = Date()
        let data = try events.nextEvent(named: "reload")
        #expect(data.contains("\"build\":2"))
        #expect(data.contains("\"pages\":[") && data.contains("\"/briefings/sahel-overview/\""), "\(data)")
        #expect(!data.contains("/print/") && !data.contains("/search/"), "\(data)")
        #expect(Date().timeIntervalSince(started) < 5)
        // Written before its reload was sent.
        let page = try RawHTTP.get(port: preview.port, "/briefings/sahel-overview/")
        #expect(page.text.contains("Others followed within days."))
        let rest = try events.nextEvent(named: "reload")
        #expect(rest.contains("\"build\":2") && rest.contains("\"/print/\"") && rest.contains("\"/search/\""), "\(rest)")
        #expect(!rest.contains("/briefings/sahel-overview/"))
        #expect(try RawHTTP.get(port: preview.port, "/print/").text.contains("Others followed within days."))
        // A change of front matter rebuilds every page: the edited one is written over the
        // served folder and reloaded as soon as it is rendered, then every other open page.
        try preview.edit("briefings/sahel-overview.md", replacing: "order: 1", with: "order: 2")
        let shown = try events.nextEvent(named: "reload")
        #expect(shown == "{\"build\":3,\"pages\":[\"/briefings/sahel-overview/\"]}", "\(shown)")
        let others = try events.nextEvent(named: "reload")
        #expect(others == "{\"build\":3,\"except\":[\"/briefings/sahel-overview/\"]}", "\(others)")
        try await preview.stop()
    }

    @Test("each build shows its stages and pages on the progress line, erased when it ends")
    func progressLine() async throws {
        final class Written: @unchecked Sendable {
            private let lock = NSLock()
            private var texts: [String] = []
            func add(_ text: String) { lock.withLock { texts.append(text) } }
            var all: [String] { lock.withLock { texts } }
        }
        let written = Written()
        let preview = try await RunningPreview(progress: ProgressLine(interval: .zero) { written.add($0) })
        let first = written.all
        #expect(first.contains("\r\u{1B}[KLoading content…"))
        #expect(first.contains { $0.hasPrefix("\r\u{1B}[KRendering ") && $0.hasSuffix(" pages…") })
        #expect(first.last == "\r\u{1B}[K")
        let events = try openEvents(port: preview.port)
        try preview.edit("briefings/sahel-overview.md", replacing: "Others followed.", with: "Others followed within days.")
        _ = try events.nextEvent(named: "reload")
        _ = try events.nextEvent(named: "reload")
        // A body edit's build is patched (`BodyEdit`): its stages show, for a moment.
        let edit = written.all.dropFirst(first.count)
        #expect(edit.contains("\r\u{1B}[KRendering…"))
        #expect(edit.last == "\r\u{1B}[K")
        try await preview.stop()
    }

    @Test("a broken file sends its diagnostics to the overlay and keeps the last good page; the fix clears them")
    func overlay() async throws {
        let preview = try await RunningPreview()
        let events = try openEvents(port: preview.port)
        try preview.edit("entities/countries/mali.md", replacing: "[[Rome Statute]]", with: "[[Rome Statut]]")
        let failed = try events.nextEvent(named: "failed")
        let errors = try #require(try JSONSerialization.jsonObject(with: Data(failed.utf8)) as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == "Content/entities/countries/mali.md")
        #expect(errors.first?["line"] as? Int == 13)
        #expect(errors.first?["column"] as? Int == 19)
        #expect((errors.first?["message"] as? String)?.contains("unknown page 'Rome Statut'") == true)
        let status = try RawHTTP.get(port: preview.port, "/_dossier/status").text
        #expect(status.contains("mali.md") && status.contains("Rome Statut"))
        // The last good build is still served, with the script that draws the overlay.
        let page = try RawHTTP.get(port: preview.port, "/entities/countries/mali/")
        #expect(page.status == 200 && page.text.contains("Rome Statute"))
        let script = try RawHTTP.get(port: preview.port, "/_dossier/live.js").text
        #expect(script.contains("dossier-error-overlay") && script.contains("/_dossier/status"))

        try preview.edit("entities/countries/mali.md", replacing: "[[Rome Statut]]", with: "[[Rome Statute]]")
        _ = try events.nextEvent(named: "reload")
        #expect(try RawHTTP.get(port: preview.port, "/_dossier/status").text.contains("\"errors\":[]"))
        try await preview.stop()
    }

    @Test(
        "nothing outside the served folder is reachable",
        arguments: [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/.dossier-output", "/assets/", "/escape/passwd",
        ])
    func traversal(path: String) async throws {
        let preview = try await RunningPreview()
        try FileManager.default.createSymbolicLink(
            at: preview.server.outputFolder.appendingPathComponent("escape"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        let reply = try RawHTTP.get(port: preview.port, path)
        #expect(reply.status == 400 || reply.status == 404, "\(path) answered \(reply.status)")
        #expect(!reply.text.contains("root:"))
        #expect(!reply.text.contains("Written by dossier"))
        try await preview.stop()
    }

    @Test("after a full rebuild, stopping removes the served folder and the site kept beside it")
    func cleanUpAfterFullRebuild() async throws {
        let preview = try await RunningPreview()
        let events = try openEvents(port: preview.port)
        let siteFile = preview.content.appendingPathComponent("site.yml")
        let config = try String(contentsOf: siteFile, encoding: .utf8)
        try config.replacingOccurrences(of: "title: ", with: "title: Second ").write(to: siteFile, atomically: false, encoding: .utf8)
        _ = try events.nextEvent(named: "reload")
        let staging = OutputFolder(preview.server.outputFolder).staging
        #expect(FileManager.default.fileExists(atPath: staging.path), "a site.yml edit rebuilds everything through staging")
        try await preview.stop()
        #expect(!FileManager.default.fileExists(atPath: preview.server.outputFolder.path))
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test("stopping the server ends open event streams promptly")
    func shutdownEndsStreams() async throws {
        let preview = try await RunningPreview()
        let events = try openEvents(port: preview.port)
        let started = Date()
        try await preview.stop()
        #expect(try events.readUntilClosed())
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test("a port in use is reported, and the next free one taken")
    func portInUse() async throws {
        let preview = try await RunningPreview()
        let next = try PortFinder.available(host: "127.0.0.1", preferred: preview.port)
        #expect(next != preview.port)
        #expect(next > preview.port && next <= preview.port + 10)
        try await preview.stop()
    }
}
