import Foundation
import Testing

@testable import DossierKit

@Suite("End to end: atomic, safe, reproducible output")
struct AtomicOutputTests {
    /// Everything in the project folder except the output, by relative path.
    private func projectSnapshot(_ site: TempSite) throws -> [String: Data] {
        try snapshot(site.root)
    }

    private func leftovers(_ site: TempSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasSuffix(".staging") || $0.hasSuffix(".old") }
    }

    @Test func buildWritesAMarkedSite() async throws {
        try await withTempSite { site in
            let report = try await site.build()
            let files = try snapshot(site.output)
            #expect(files[OutputFolder.marker] != nil)
            #expect(files["index.html"] != nil)
            #expect(files["entities/countries/mali/index.html"] != nil)
            let css = try Data(contentsOf: TestPaths.templates.appendingPathComponent("assets/style.css"))
            #expect(files["assets/" + SiteAssets.fingerprinted("style.css", css)] == css)
            #expect(files.keys.filter { $0.hasSuffix("index.html") }.count + 1 >= report.pageCount)
            #expect(try leftovers(site).isEmpty)
        }
    }

    @Test("a build replaces an output folder that dossier made")
    func rebuildReplacesOutput() async throws {
        try await withTempSite { site in
            try await site.build()
            try Data("stale".utf8).write(to: site.output.appendingPathComponent("stale.html"))
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("entities/people/assimi-goita.md"))
            try site.edit("briefings/sahel-overview.md", replacing: "led by [[Goita]]", with: "led by [[Mali]]")
            try await site.build()
            let files = try snapshot(site.output)
            #expect(files["stale.html"] == nil)
            #expect(files["entities/people/assimi-goita/index.html"] == nil)
            #expect(files[OutputFolder.marker] != nil)
            #expect(files["entities/countries/mali/index.html"] != nil)
            // The first site, stale file and all, is kept for the next build to write over.
            #expect(try leftovers(site) == [".Public.staging"])
            let kept = try snapshot(OutputFolder(site.output).staging)
            #expect(kept["stale.html"] != nil && kept["entities/people/assimi-goita/index.html"] != nil)

            // Written over that: the same site as a build into an empty folder.
            try site.edit("briefings/sahel-overview.md", replacing: "led by [[Mali]]", with: "led by [[Mali]] today")
            try await site.build()
            let fresh = site.root.appendingPathComponent("Fresh")
            try await site.build(output: fresh)
            expectSameTree(try snapshot(site.output), try snapshot(fresh), "output written over the kept site")
            #expect(try snapshot(OutputFolder(site.output).staging).filter { $0.key != ".gitignore" } == files)
        }
    }

    @Test("a failing build leaves the previous output byte for byte", arguments: ["yaml", "link", "template"])
    func failingBuildKeepsPreviousOutput(stage: String) async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            try await site.build(templates: templates)
            let before = try snapshot(site.output)
            #expect(before.count > 10)
            switch stage {
            case "yaml": try site.edit("entities/countries/mali.md", replacing: "kind: country", with: "kind: [country")
            case "link": try site.edit("briefings/sahel-overview.md", replacing: "[[Mali]]", with: "[[Malli]]")
            default:
                // Fails while rendering, after the staging folder was made.
                let url = templates.appendingPathComponent("entity.mustache")
                try (try String(contentsOf: url, encoding: .utf8) + "{{nosuchvariable}}").write(to: url, atomically: true, encoding: .utf8)
            }
            await #expect(throws: BuildFailure.self) { try await site.build(templates: templates) }
            let after = try snapshot(site.output)
            #expect(after.keys.sorted() == before.keys.sorted())
            for (path, data) in before where after[path] != data { Issue.record("\(path) changed") }
            #expect(try leftovers(site).isEmpty)
        }
    }

    @Test("refused output folders: nothing is deleted", arguments: ["root", "content", "inside-content", "foreign"])
    func refusedOutputs(which: String) async throws {
        try await withTempSite { site in
            let foreign = site.root.appendingPathComponent("Documents")
            try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
            try Data("my thesis".utf8).write(to: foreign.appendingPathComponent("thesis.txt"))
            let output: URL
            switch which {
            case "root": output = site.root
            case "content": output = site.content
            case "inside-content": output = site.content.appendingPathComponent("Public")
            default: output = foreign
            }
            let before = try projectSnapshot(site)
            let failure = await #expect(throws: BuildFailure.self) { try await site.build(output: output) }
            #expect(failure?.diagnostics.count == 1)
            #expect(failure?.diagnostics.first?.message.hasPrefix("refusing to write the site into") == true)
            #expect(try projectSnapshot(site) == before)
        }
    }

    @Test("--output / is refused before anything is read")
    func rootOfFileSystemIsRefused() async throws {
        try await withTempSite { site in
            // checkSafe runs first, so even a dossier that cannot load is refused as such.
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("site.yml"))
            let failure = await #expect(throws: BuildFailure.self) { try await site.build(output: URL(fileURLWithPath: "/")) }
            #expect(failure?.diagnostics.count == 1)
            #expect(failure?.diagnostics.first?.message.contains("file system root") == true)
        }
    }

    @Test func existingEmptyFolderIsAccepted() async throws {
        try await withTempSite { site in
            try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
            try await site.build()
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
        }
    }

    @Test("two builds of the same input are byte-identical")
    func reproducibleBuilds() async throws {
        try await withTempSite { site in
            let first = site.root.appendingPathComponent("Public-1")
            let second = site.root.appendingPathComponent("Public-2")
            try await site.build(output: first)
            try await site.build(output: second)
            let a = try snapshot(first), b = try snapshot(second)
            #expect(a.count > 10)
            #expect(a.keys.sorted() == b.keys.sorted())
            for (path, data) in a where b[path] != data { Issue.record("\(path) differs between two builds") }
            // Rebuilding in place gives the same bytes too.
            try await site.build(output: first)
            #expect(try snapshot(first) == a)
        }
    }

    @Test func reproducibleBuildsOfTheWithdrawalsFixture() async throws {
        try await withTempSite("withdrawals") { site in
            let first = site.root.appendingPathComponent("Public-1")
            let second = site.root.appendingPathComponent("Public-2")
            try await site.build(output: first)
            try await site.build(output: second)
            #expect(try snapshot(first) == snapshot(second))
        }
    }
}
