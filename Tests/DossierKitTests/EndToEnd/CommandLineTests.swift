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

    /// Runs `dossier` in `folder` with stdin from /dev/null, so it is not a terminal.
    func dossier(_ arguments: [String], in folder: URL) throws -> Run {
        let executable = try #require(DossierExecutable.url, "no dossier executable beside the test products")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test("new of every kind, then build: the site builds, with warnings for what to fill in")
    func newThenBuild() async throws {
        try await withTempSite { site in
            let templates = TestPaths.templates.path
            for (kind, title, extra) in [("briefing", "Outlook", []), ("entity", "Assimi Goïta II", ["--kind", "person"]), ("event", "Court rules", []), ("source", "A report", [])] {
                let run = try dossier(["new", kind, title] + extra, in: site.root)
                #expect(run.status == 0, "\(kind): \(run.errors)")
            }
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("events/2026-01-15-court-rules.md").path))
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("entities/people/assimi-goita-ii.md").path))
            let build = try dossier(["build", "--templates", templates], in: site.root)
            #expect(build.status == 0, "\(build.errors)")
            #expect(build.errors.contains("warning: event lists no sources yet"))
            let check = try dossier(["check", "--templates", templates], in: site.root)
            #expect(check.status == 0, "\(check.errors)")
            #expect(check.errors == build.errors)
        }
    }

    @Test("new entity without --kind, not at a terminal, fails with a clear error and writes nothing")
    func entityNeedsItsKind() async throws {
        try await withTempSite { site in
            let run = try dossier(["new", "entity", "Bamako"], in: site.root)
            #expect(run.status != 0)
            #expect(run.errors.contains("an entity needs its kind: add --kind with one of country, person"))
            let countries = try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent("entities/countries").path)
            #expect(!countries.contains("bamako.md"))
        }
    }

    @Test("the example in new's help works as written")
    func helpExampleWorks() async throws {
        try await withTempSite { site in
            let help = try dossier(["new", "--help"], in: site.root)
            #expect(help.output.contains("dossier new entity \"Assimi Goïta\" --kind person"))
            let run = try dossier(["new", "entity", "Assimi Goïta", "--kind", "person", "--source", "Other"], in: site.root)
            #expect(run.status == 0, "\(run.errors)")
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Other/entities/people/assimi-goita.md").path))
        }
    }

    @Test("flags are checked before any work: --base-url, --as-of, --port")
    func flagsAreValidated() async throws {
        try await withTempSite { site in
            let url = try dossier(["build", "--base-url", "ftp://example.org/"], in: site.root)
            #expect(url.status != 0 && url.errors.contains("--base-url must start with https:// or http://"))
            let asOf = try dossier(["check", "--as-of", "2025-09"], in: site.root)
            #expect(asOf.status != 0 && asOf.errors.contains("--as-of: '2025-09' is not a single day"))
            let badDate = try dossier(["build", "--as-of", "2025-02-30"], in: site.root)
            #expect(badDate.status != 0 && badDate.errors.contains("--as-of:"))
            let port = try dossier(["serve", "--port", "70000"], in: site.root)
            #expect(port.status != 0 && port.errors.contains("--port must be between 0 and 65535"))
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
        }
    }
}
