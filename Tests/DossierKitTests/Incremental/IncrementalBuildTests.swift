import Foundation
import Testing

@testable import DossierKit

/// `serve` rebuilds with a cache and renders only what an edit needs; each test checks
/// that what it leaves in the served folder equals a full build of the same input.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    /// A temporary site built once with a cache, ready for edits and rebuilds.
    struct Session {
        let site: TempSite
        let cache = BuildCache()
        let templates: URL

        init(_ site: TempSite) async throws {
            self.site = site
            templates = try site.copyTemplates()
            let report = try await rebuild()
            #expect(report.renderedCount == report.pageCount)
            pageCount = report.pageCount
        }

        /// Pages of the first, full build.
        private(set) var pageCount = 0

        /// The stages the last rebuild went through, as `--verbose` prints them.
        let stages = StageLog()

        /// `changed`: the content files the file watcher would name, if it knows them.
        @discardableResult
        /// `editedPagesWritten`: as `serve` sets it, to reload the edited page early.
        func rebuild(changed: Set<String>? = nil, editedPagesWritten: PathsWritten? = nil) async throws -> SiteBuilder.Report {
            var options = site.options(templates: templates)
            options.cache = cache
            options.changedContentFiles = changed
            options.editedPagesWritten = editedPagesWritten
            stages.clear()
            return try await SiteBuilder(options: options, progress: stages.add).build()
        }

        /// True if the last rebuild patched the last build instead of loading every file.
        var patched: Bool { !stages.all.isEmpty && !stages.all.contains("Loading content") }

        /// The served folder equals a fresh full build, file for file.
        func expectEqualToFullBuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
            let fresh = site.root.appendingPathComponent("Fresh")
            try? FileManager.default.removeItem(at: fresh)
            try await site.build(output: fresh, templates: templates)
            let served = try snapshot(site.output)
            let expected = try snapshot(fresh)
            #expect(served.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
            for (path, data) in expected where served[path] != data {
                Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
            }
        }

        func editTemplate(_ name: String, replacing old: String, with new: String) throws {
            let url = templates.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test("an unchanged rebuild renders only the search page and changes nothing")
    func unchanged() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let before = try snapshot(site.output)
            let report = try await session.rebuild()
            #expect(report.renderedCount == 1)
            #expect(try snapshot(site.output) == before)
        }
    }

    @Test("a body edit renders the page and the pages whose backlinks quote it")
    func bodyEdit() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(
                "entities/countries/mali.md", replacing: "Mali ratified the [[Rome Statute]] in 2000",
                with: "Mali ratified the [[Rome Statute]] early, in 2000")
            let report = try await session.rebuild()
            // Mali, the Rome Statute (its backlink quotes Mali), the search page.
            #expect(report.renderedCount == 3)
            #expect(try site.html("entities/treaties/rome-statute/index.html").contains("early, in 2000"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a new link and a new citation reach the target's backlinks and the source's page")
    func newLinkAndCitation() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(
                "entities/countries/mali.md", replacing: "in 2000 [@untc].", with: "in 2000 [@untc]. It borders [[Niger]] [@comm-2025].")
            let report = try await session.rebuild()
            #expect(report.renderedCount < report.pageCount)
            #expect(try site.html("entities/countries/niger/index.html").contains("It borders"))
            #expect(try site.html("sources/comm-2025/index.html").contains(">Mali</a>"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("serve's edit: the edited page is written and named first, then the pages it reaches; all equals a full build")
    func editedPagesFirst() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(
                "entities/countries/niger.md", replacing: "Niger borders [[Mali]].",
                with: "Niger borders [[Mali]] and is party to the [[Rome Statute]] [@untc].")
            let announced = StageLog()
            let output = site.output
            let report = try await session.rebuild(changed: ["entities/countries/niger.md"]) { paths in
                // What `serve` reloads must be on disk when it is named; the others not yet.
                func page(_ path: String) -> String {
                    (try? String(contentsOf: output.appendingPathComponent(path + "index.html"), encoding: .utf8)) ?? ""
                }
                let written = page("entities/countries/niger/").contains("is party to")
                let othersWaiting = !page("entities/treaties/rome-statute/").contains("is party to")
                for path in paths { announced.add(written && othersWaiting ? path : "not in order: " + path) }
            }
            #expect(session.patched)
            #expect(announced.all == ["entities/countries/niger/"])
            // Then the pages quoting it, the newly cited source's page and the search page.
            let rest = Set(report.renderedPaths).subtracting(announced.all)
            #expect(
                rest == ["entities/countries/mali/", "entities/treaties/rome-statute/", "sources/untc/", "search/"],
                "\(report.renderedPaths)")
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("citations moved by edits: one the front matter still makes, a new one, then none; each equals a full build")
    func citationsMoved() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let (mali, niger) = ("entities/countries/mali.md", "entities/countries/niger.md")
            func citing() throws -> String { try site.html("sources/untc/index.html") }
            // Its facts and relations still cite untc: Mali stays among the source's citing pages.
            try site.edit(mali, replacing: "in 2000 [@untc].", with: "in 2000.")
            var report = try await session.rebuild(changed: [mali])
            #expect(session.patched && !report.renderedPaths.contains("sources/untc/"))
            #expect(try citing().contains(">Mali</a>") && !citing().contains(">Niger</a>"))
            try await session.expectEqualToFullBuild()
            try site.edit(niger, replacing: "Niger borders [[Mali]].", with: "Niger borders [[Mali]] [@untc].")
            report = try await session.rebuild(changed: [niger])
            #expect(session.patched && report.renderedPaths.contains("sources/untc/"))
            #expect(try citing().contains(">Niger</a>"))
            try await session.expectEqualToFullBuild()
            try site.edit(niger, replacing: "Niger borders [[Mali]] [@untc].", with: "Niger borders [[Mali]].")
            report = try await session.rebuild(changed: [niger])
            #expect(session.patched && report.renderedPaths.contains("sources/untc/"))
            #expect(try !citing().contains(">Niger</a>"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("an event body edit keeps the timeline, feed and sitemap made before, and still equals a full build")
    func eventBodyEdit() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(
                "events/2025-09-22-aes-announces-withdrawal.md", replacing: "The three states announced",
                with: "In a joint statement, the three states announced")
            let report = try await session.rebuild()
            #expect(report.renderedCount < report.pageCount)
            #expect(try site.html("events/2025-09-22-aes-announces-withdrawal/index.html").contains("In a joint statement"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a front matter edit renders every page")
    func frontMatterEdit() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit("entities/countries/mali.md", replacing: "title: \"Mali\"", with: "title: \"Republic of Mali (Mali)\"")
            let report = try await session.rebuild()
            #expect(report.renderedCount == report.pageCount)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a front matter edit shows the edited page first: written over the served folder, then announced")
    func frontMatterEditShowsTheEditedPageFirst() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let newTitle = "Republic of Mali (Mali)"
            try site.edit("entities/countries/mali.md", replacing: "title: \"Mali\"", with: "title: \"\(newTitle)\"")
            let served = site.output
            let seen = StageLog()
            let report = try await session.rebuild(changed: ["entities/countries/mali.md"]) { paths in
                // What a browser reloading now would get from the served folder.
                func has(_ file: String) -> Bool {
                    (try? String(contentsOf: served.appendingPathComponent(file), encoding: .utf8))?.contains(newTitle) ?? false
                }
                seen.add("announced \(paths.joined(separator: " "))")
                seen.add("page shows the new title: \(has("entities/countries/mali/index.html"))")
                seen.add("list of entities shows it: \(has("entities/index.html"))")
            }
            #expect(report.renderedCount == report.pageCount)
            #expect(
                seen.all == [
                    "announced entities/countries/mali/", "page shows the new title: true", "list of entities shows it: false",
                ])
            #expect(try site.html("entities/index.html").contains(newTitle))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a page is not shown first when the same save added a file: what it links to may not be served yet")
    func frontMatterEditWithANewFileIsNotShownFirst() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit("entities/countries/mali.md", replacing: "title: \"Mali\"", with: "title: \"Republic of Mali (Mali)\"")
            try site.write("entities/countries/chad.md", "---\ntitle: \"Chad\"\nkind: country\n---\nA Sahel state.\n")
            let seen = StageLog()
            let report = try await session.rebuild(changed: ["entities/countries/mali.md", "entities/countries/chad.md"]) { paths in
                seen.add(paths.joined(separator: " "))
            }
            #expect(report.renderedCount == report.pageCount)
            #expect(seen.all.isEmpty)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a layout edit renders the pages of that layout; a base edit renders all")
    func templateEdits() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try session.editTemplate("entity.mustache", replacing: "<h1>", with: "<h1 class=\"entity-title\">")
            let report = try await session.rebuild()
            #expect(report.renderedCount == 5 + 1)  // five entities and the search page
            try await session.expectEqualToFullBuild()

            try session.editTemplate("base.mustache", replacing: "<main id=\"main\">", with: "<main id=\"main\" class=\"page\">")
            let all = try await session.rebuild()
            #expect(all.renderedCount == all.pageCount)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("added and removed files rebuild everything, and leave no stale page behind")
    func addAndRemove() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.write("entities/countries/burkina-faso.md", page("title: \"Burkina Faso\"\nkind: country", "A Sahel state."))
            try await session.rebuild()
            try await session.expectEqualToFullBuild()
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("entities/countries/burkina-faso.md"))
            try await session.rebuild()
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("entities/countries/burkina-faso").path))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("edits made while the build is broken all reach the output once it is fixed")
    func editsDuringFailures() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit("entities/countries/mali.md", replacing: "[[Rome Statute]]", with: "[[Rome Statut]]")
            await #expect(throws: BuildFailure.self) { try await session.rebuild() }
            // Another page changes while the first is still broken…
            try site.edit("entities/countries/niger.md", replacing: "Niger borders", with: "The Republic of Niger borders")
            await #expect(throws: BuildFailure.self) { try await session.rebuild() }
            // …and is in the output after the fix, though the last load saw it already.
            try site.edit("entities/countries/mali.md", replacing: "[[Rome Statut]]", with: "[[Rome Statute]]")
            try await session.rebuild()
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a heading a link needs, renamed and then named back: the link resolves again")
    func headingRenamedBack() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let statute = "entities/treaties/rome-statute.md"
            try site.edit(statute, replacing: "## Article 127", with: "## Withdrawal")
            await #expect(throws: BuildFailure.self) { try await session.rebuild() }
            // What the failed build resolved against its headings must not outlive it.
            try site.edit(statute, replacing: "## Withdrawal", with: "## Article 127")
            try await session.rebuild()
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a failed rebuild leaves the served folder as it was; the fix brings it up to date")
    func failureThenFix() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let before = try snapshot(site.output)
            try site.edit("entities/countries/mali.md", replacing: "[[Rome Statute]]", with: "[[Rome Statut]]")
            await #expect(throws: BuildFailure.self) { try await session.rebuild() }
            #expect(try snapshot(site.output) == before)
            try site.edit("entities/countries/mali.md", replacing: "[[Rome Statut]]", with: "[[Rome Statute]] (1998)")
            try await session.rebuild()
            #expect(try site.html("entities/countries/mali/index.html").contains("(1998)"))
            try await session.expectEqualToFullBuild()
        }
    }
}

typealias PathsWritten = @Sendable ([String]) -> Void

final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stages: [String] = []

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stages
    }

    func add(_ stage: String) {
        lock.lock()
        defer { lock.unlock() }
        stages.append(stage)
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        stages = []
    }
}
