import Foundation
import Testing

@testable import DossierKit

/// `serve` patches the last build when the watcher names the files and only their bodies
/// changed; every case ends equal, file for file, to a full build of the same input, and
/// the cases it must not patch fall back to the general rebuild.
@Suite("Body edits patched into the last build")
struct BodyEditTests {
    typealias Session = IncrementalBuildTests.Session

    static let mali = "entities/countries/mali.md"

    @Test("a sentence edited around a link: the page and the target whose backlink quotes it")
    func sentenceAroundLink() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(
                Self.mali, replacing: "Mali ratified the [[Rome Statute]] in 2000",
                with: "Mali ratified the [[Rome Statute]] early, in 2000")
            let report = try await session.rebuild(changed: [Self.mali])
            #expect(session.patched)
            #expect(report.renderedCount == 3)  // Mali, the Rome Statute, the search page
            #expect(report.pageCount == session.pageCount)
            #expect(try site.html("entities/treaties/rome-statute/index.html").contains("early, in 2000"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a link added, then removed: the target's backlinks gain the page, then lose it")
    func linkAddedAndRemoved() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(Self.mali, replacing: "in 2000 [@untc].", with: "in 2000 [@untc]. It borders [[Niger]].")
            try await session.rebuild(changed: [Self.mali])
            #expect(session.patched)
            #expect(try site.html("entities/countries/niger/index.html").contains("It borders"))
            try await session.expectEqualToFullBuild()

            try site.edit(Self.mali, replacing: " It borders [[Niger]].", with: "")
            try await session.rebuild(changed: [Self.mali])
            #expect(session.patched)
            #expect(try !site.html("entities/countries/niger/index.html").contains("It borders"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a new backlink takes its place in the target's list, between pages listed before and after it")
    func backlinkOrder() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let alliance = "entities/organizations/alliance-of-sahel-states.md"
            try site.edit(alliance, replacing: "founded in 2023.", with: "founded in 2023; its members left the [[Rome Statute]].")
            try await session.rebuild(changed: [alliance])
            #expect(session.patched)
            // Rome Statute's backlinks: the briefing, then entities by title, the alliance before Mali.
            let page = try site.html("entities/treaties/rome-statute/index.html")
            let order = ["Sahel overview", "Alliance of Sahel States", "Mali"].map { $0 + "</a><blockquote>" }.map {
                page.range(of: $0)?.lowerBound
            }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("an event's body, a briefing's body and the home page's body, edited together")
    func severalPages() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let event = "events/2025-09-22-aes-announces-withdrawal.md"
            let briefing = "briefings/sahel-overview.md"
            try site.edit(
                event, replacing: "The three states announced", with: "In a joint statement, [[Mali]] and two other states announced")
            try site.edit(briefing, replacing: "Others followed.", with: "Others followed within hours.")
            let home = try site.read("index.md")
            try site.write("index.md", home + "\nOne more line for the home page.\n")
            try await session.rebuild(changed: [event, briefing, "index.md"])
            #expect(session.patched)
            #expect(try site.html("entities/countries/mali/index.html").contains("In a joint statement"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("an editor's temporary files, gone before the rebuild, do not stop the patch")
    func temporaryFiles() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            // vim probes a folder with a file named 4913; other editors write a copy and rename it.
            try site.edit(Self.mali, replacing: "in 2000", with: "in July 2000")
            try await session.rebuild(changed: [Self.mali, "entities/countries/4913", "entities/countries/mali.md.new"])
            #expect(session.patched)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("an edit to the content guide, Content/README.md, is patched and changes no page")
    func contentGuide() async throws {
        try await withTempSite { site in
            try site.write("README.md", "# Content guide\n")
            let session = try await Session(site)
            let before = try snapshot(site.output)
            try site.write("README.md", "# Content guide\n\nQuote only words a source carries.\n")
            try await session.rebuild(changed: ["README.md"])
            #expect(session.patched)
            #expect(try snapshot(site.output) == before)
        }
    }

    @Test("a file saved again unchanged renders only the search page")
    func unchangedFile() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let before = try snapshot(site.output)
            try site.write(Self.mali, try site.read(Self.mali))
            let report = try await session.rebuild(changed: [Self.mali])
            #expect(session.patched)
            #expect(report.renderedCount == 1)
            #expect(try snapshot(site.output) == before)
        }
    }

    @Test(
        "what the patch cannot do exactly falls back to the general rebuild",
        arguments: [
            ("front matter", "title: \"Mali\"", "title: \"Republic of Mali (Mali)\""),
            ("a new warning", "in 2000 [@untc].", "in 2000 [@untc]. [[Niger|<b>Niger</b>]]"),
        ])
    func fallsBack(change: String, old: String, new: String) async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(Self.mali, replacing: old, with: new)
            try await session.rebuild(changed: [Self.mali])
            #expect(!session.patched, "\(change)")
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a citation added, then one removed: the page and the cited source's own page, not the sources index")
    func citations() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let index = try site.html("sources/index.html")
            try site.edit(
                "briefings/sahel-overview.md", replacing: "22 September 2025 [@comm-2025].", with: "22 September 2025 [@comm-2025] [@untc]."
            )
            let added = try await session.rebuild(changed: ["briefings/sahel-overview.md"])
            #expect(session.patched)
            #expect(added.renderedCount == 4)  // the briefing, the print edition, the untc source's page, the search page
            #expect(try site.html("sources/untc/index.html").contains(">Sahel overview</a>"))
            #expect(try site.html("sources/index.html") == index)
            try await session.expectEqualToFullBuild()

            try site.edit("briefings/sahel-overview.md", replacing: "22 September 2025 [@comm-2025] [@untc].", with: "22 September 2025.")
            try await session.rebuild(changed: ["briefings/sahel-overview.md"])
            #expect(session.patched)
            #expect(try !site.html("sources/untc/index.html").contains(">Sahel overview</a>"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a heading added: the page and its contents change, other pages' links to its headings still resolve")
    func headingAdded() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let statute = "entities/treaties/rome-statute.md"
            try site.edit(statute, replacing: "## Article 127", with: "## Ratification\n\nOpen to all states.\n\n## Article 127")
            try await session.rebuild(changed: [statute])
            #expect(session.patched)
            #expect(try site.html("entities/treaties/rome-statute/index.html").contains("id=\"ratification\""))
            #expect(try site.html("briefings/sahel-overview/index.html").contains("rome-statute/#article-127"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a heading another page links to is renamed: the link's error, the output kept, then the fix")
    func linkedHeadingRenamed() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let statute = "entities/treaties/rome-statute.md"
            let before = try snapshot(site.output)
            try site.edit(statute, replacing: "## Article 127", with: "## Withdrawal")
            let failure = await #expect(throws: BuildFailure.self) { try await session.rebuild(changed: [statute]) }
            #expect(failure?.diagnostics.map(\.message) == ["'Rome Statute' has no heading 'Article 127'"])
            #expect(try snapshot(site.output) == before)
            try site.edit(statute, replacing: "## Withdrawal", with: "## Article 127")
            try await session.rebuild(changed: [statute])
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a file the last build did not read, or no longer there, falls back to the general rebuild")
    func unknownFiles() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.write("entities/countries/burkina-faso.md", page("title: \"Burkina Faso\"\nkind: country", "A Sahel state."))
            try await session.rebuild(changed: ["entities/countries/burkina-faso.md"])
            #expect(!session.patched)
            try await session.expectEqualToFullBuild()

            try FileManager.default.removeItem(at: site.content.appendingPathComponent("entities/countries/burkina-faso.md"))
            try await session.rebuild(changed: ["entities/countries/burkina-faso.md"])
            #expect(!session.patched)
            try await session.expectEqualToFullBuild()

            try site.write("notes.txt", "not a page")
            let report = try await session.rebuild(changed: ["notes.txt"])
            #expect(!session.patched)
            #expect(report.warnings.contains { $0.message.contains("not Markdown") })
        }
    }

    @Test("after a failed build, the next one is not patched onto the output the failure left")
    func afterFailure() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            try site.edit(Self.mali, replacing: "[[Rome Statute]]", with: "[[Rome Statut]]")
            await #expect(throws: BuildFailure.self) { try await session.rebuild(changed: [Self.mali]) }
            try site.edit("entities/countries/niger.md", replacing: "Niger borders", with: "The Republic of Niger borders")
            await #expect(throws: BuildFailure.self) { try await session.rebuild(changed: ["entities/countries/niger.md"]) }
            try site.edit(Self.mali, replacing: "[[Rome Statut]]", with: "[[Rome Statute]]")
            try await session.rebuild(changed: [Self.mali])
            #expect(!session.patched)
            try await session.expectEqualToFullBuild()
            // Once a build succeeded, edits are patched again.
            try site.edit("entities/countries/niger.md", replacing: "borders [[Mali]]", with: "borders [[Mali]] to the west")
            try await session.rebuild(changed: ["entities/countries/niger.md"])
            #expect(session.patched)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a template error while rendering the edited page keeps the output, and the fix brings it up to date")
    func renderFailure() async throws {
        try await withTempSite { site in
            let session = try await Session(site)
            let before = try snapshot(site.output)
            try session.editTemplate("entity.mustache", replacing: "<h1>", with: "<h1>{{#facts}}")
            await #expect(throws: BuildFailure.self) { try await session.rebuild() }
            try session.editTemplate("entity.mustache", replacing: "<h1>{{#facts}}", with: "<h1>")
            try site.edit(Self.mali, replacing: "in 2000", with: "in 2000, after a vote")
            try await session.rebuild(changed: [Self.mali])
            #expect(!session.patched)
            #expect(try snapshot(site.output) != before)
            try await session.expectEqualToFullBuild()
        }
    }
}
