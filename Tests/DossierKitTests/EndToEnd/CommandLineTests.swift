import Foundation
import Testing

@testable import DossierKit

/// The `dossier` executable, run as a user runs it (found as `DossierExecutable` finds it).
@Suite("The command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `dossier` (or `executable`: `script`, running it at a terminal) with stdin from
    /// /dev/null, so it is not a terminal, and waits without blocking a thread of the test
    /// pool (`ChildProcess`, as the heavy builds do). Paths in `arguments` are absolute: the
    /// child runs in the test's folder.
    func dossier(_ arguments: [String], logs: URL, executable path: String? = nil) async throws -> Run {
        let executable =
            try path.map { URL(fileURLWithPath: $0) } ?? #require(DossierExecutable.url, "no dossier executable beside the test products")
        let id = UUID().uuidString
        let outputFile = logs.appendingPathComponent("stdout-\(id)"), errorFile = logs.appendingPathComponent("stderr-\(id)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let ending = try await ChildProcess.spawn(executable, arguments, stdout: outputFile, stderr: errorFile).wait().ending
        let status: Int32
        switch ending {
        case .exited(let code): status = code
        case .signalled(let signal): status = 128 + signal
        }
        return Run(
            status: status, output: try String(contentsOf: outputFile, encoding: .utf8),
            errors: try String(contentsOf: errorFile, encoding: .utf8))
    }

    @Test("new of every kind, then build: the site builds, with warnings for what to fill in")
    func newThenBuild() async throws {
        try await withTempSite { site in
            let logs = site.root.appendingPathComponent("logs")
            let source = ["--source", site.content.path]
            for (kind, title, extra) in [
                ("briefing", "Outlook", []), ("entity", "Assimi Goïta II", ["--kind", "person"]), ("event", "Court rules", []),
                ("source", "A report", []),
            ] {
                let run = try await dossier(["new", kind, title] + extra + source, logs: logs)
                #expect(run.status == 0, "\(kind): \(run.errors)")
            }
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("events/2026-01-15-court-rules.md").path))
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("entities/people/assimi-goita-ii.md").path))
            let pipeline = source + ["--templates", TestPaths.templates.path]
            let build = try await dossier(["build", "--output", site.output.path] + pipeline, logs: logs)
            #expect(build.status == 0, "\(build.errors)")
            #expect(build.errors.contains("Content/events/2026-01-15-court-rules.md:1:1: warning: event lists no sources yet"))
            #expect(build.errors.contains("Content/sources/a-report.md:3:1: warning: 'publisher' is empty"))
            let check = try await dossier(["check"] + pipeline, logs: logs)
            #expect(check.status == 0, "\(check.errors)")
            #expect(check.errors == build.errors)
        }
    }

    @Test("new entity without --kind, not at a terminal, fails with a clear error and writes nothing")
    func entityNeedsItsKind() async throws {
        try await withTempSite { site in
            let run = try await dossier(
                ["new", "entity", "Bamako", "--source", site.content.path], logs: site.root.appendingPathComponent("logs"))
            #expect(run.status != 0)
            #expect(run.errors.contains("an entity needs its kind: add --kind with one of country, person"))
            let countries = try FileManager.default.contentsOfDirectory(
                atPath: site.content.appendingPathComponent("entities/countries").path)
            #expect(!countries.contains("bamako.md"))
        }
    }

    @Test("the example in new's help works as written")
    func helpExampleWorks() async throws {
        try await withTempSite(nil) { site in  // an empty dossier: the fixture has Goïta already
            let logs = site.root.appendingPathComponent("logs")
            let help = try await dossier(["new", "--help"], logs: logs)
            #expect(help.output.contains("dossier new entity \"Assimi Goïta\" --kind person"))
            let run = try await dossier(["new", "entity", "Assimi Goïta", "--kind", "person", "--source", site.content.path], logs: logs)
            #expect(run.status == 0, "\(run.errors)")
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("entities/people/assimi-goita.md").path))
        }
    }

    @Test("flags are checked before any work: --base-url, --as-of, --port")
    func flagsAreValidated() async throws {
        try await withTempSite { site in
            let logs = site.root.appendingPathComponent("logs")
            let pipeline = ["--source", site.content.path, "--templates", TestPaths.templates.path]
            let build = ["build", "--output", site.output.path] + pipeline
            let url = try await dossier(build + ["--base-url", "ftp://example.org/"], logs: logs)
            #expect(url.status != 0 && url.errors.contains("--base-url must start with https:// or http://"))
            let asOf = try await dossier(["check", "--as-of", "2025-09"] + pipeline, logs: logs)
            #expect(asOf.status != 0 && asOf.errors.contains("--as-of: '2025-09' is not a single day"))
            let badDate = try await dossier(build + ["--as-of", "2025-02-30"], logs: logs)
            #expect(badDate.status != 0 && badDate.errors.contains("--as-of:"))
            let port = try await dossier(["serve", "--port", "70000"] + pipeline, logs: logs)
            #expect(port.status != 0 && port.errors.contains("--port must be between 0 and 65535"))
            let timeout = try await dossier(["check", "--external", "--timeout", "0"] + pipeline, logs: logs)
            #expect(timeout.status != 0 && timeout.errors.contains("--timeout must be a number of seconds above 0"))
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
            // A valid --as-of is taken.
            let good = try await dossier(build + ["--as-of", "2026-02-01", "--quiet"], logs: logs)
            #expect(good.status == 0, "\(good.errors)")
            #expect(try site.html("timeline.json").contains("\"as_of\" : \"2026-02-01\""))
        }
    }

    /// util-linux's `script` runs a command at a terminal of its own and copies what it
    /// shows; macOS's takes other flags.
    static let script = "/usr/bin/script"
    static var hasScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script)
        #else
        false
        #endif
    }

    @Test(
        "at a terminal, build shows its progress on one line, erased before its last word; with -v, a line per stage instead",
        .enabled(if: hasScript))
    func progressLineAtATerminal() async throws {
        try await withTempSite { site in
            let logs = site.root.appendingPathComponent("logs")
            let executable = try #require(DossierExecutable.url)
            let command = [executable.path, "build", "--source", site.content.path, "--templates", TestPaths.templates.path, "--output"]
            let plain = try await dossier(
                ["-qfec", (command + [site.output.path]).joined(separator: " "), "/dev/null"], logs: logs, executable: Self.script)
            #expect(plain.status == 0, "\(plain.output)")
            #expect(plain.output.contains("\r\u{1B}[KLinking "))
            #expect(plain.output.range(of: #"\r\x{1B}\[KRendering \d+ of \d+ pages…"#, options: .regularExpression) != nil)
            // The line is erased, and what the build says starts on a clean line.
            let afterLastErase = try #require(plain.output.components(separatedBy: "\r\u{1B}[K").last)
            #expect(afterLastErase.hasPrefix("note: ") && afterLastErase.contains("\nBuilt "), "\(afterLastErase)")
            let verbose = try await dossier(
                ["-qfec", (command + [site.root.appendingPathComponent("verbose").path, "-v"]).joined(separator: " "), "/dev/null"],
                logs: logs, executable: Self.script)
            #expect(verbose.status == 0, "\(verbose.output)")
            #expect(!verbose.output.contains("\u{1B}[K"))
            #expect(verbose.output.contains("] Rendering…"))
        }
    }
}
