import ArgumentParser
import DossierKit
import DossierServer
import Foundation
import Hummingbird
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the dossier in a browser, rebuilding and reloading on every save.",
        discussion: """
            Builds into a temporary folder (Public/ is not touched), serves it on 127.0.0.1, \
            watches Content/ and Templates/, rebuilds only the pages an edit reaches, and \
            reloads open pages. A failed rebuild shows its errors over the last good page. \
            Canonical URLs point at the preview, so --base-url does not apply here. \
            Ctrl-C stops the server.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: "Port to listen on; the next free one is used if it is taken.")
    var port: Int = 8000

    @Option(help: "Address to listen on. Anything other than 127.0.0.1 makes the preview visible to other machines.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    @Flag(help: "Watch by scanning the folders instead of inotify (network or container file systems).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() async throws {
        var configuration = PreviewServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.poll = poll
        configuration.verbose = site.verbose
        let progress = Terminal.progressLine(site)
        configuration.progress = progress
        let quiet = site.quiet
        let server = PreviewServer(options: site.builderOptions(output: nil), configuration: configuration) { line in
            if quiet && !line.contains("error") { return }
            progress?.clear()
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        defer { server.cleanUp() }
        do {
            _ = try await server.prepare()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // Written at once (not buffered), so scripts reading the output see the address.
        FileHandle.standardOutput.write(Data("Serving \(server.url) (Ctrl-C to stop)\n".utf8))
        if host != "127.0.0.1" && host != "localhost" {
            FileHandle.standardError.write(Data("warning: listening on \(host): other machines on the network can see this preview\n".utf8))
        }
        if open { openBrowser(server.url) }
        let group = ServiceGroup(
            configuration: .init(
                services: [server.application()], gracefulShutdownSignals: [.sigterm, .sigint], logger: .init(label: "dossier")))
        try await group.run()
    }

    private func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
