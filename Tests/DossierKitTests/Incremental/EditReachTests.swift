import Testing

@testable import DossierKit

/// What a body edit reaches is worked out once, by `EditReach`, for both incremental paths.
@Suite("Pages a body edit reaches")
struct EditReachTests {
    typealias Session = IncrementalBuildTests.Session

    static let mali = "entities/countries/mali.md"

    /// The site linked before and after `edit`.
    static func linkedAround(_ site: TempSite, edit: () throws -> Void) async throws -> (LinkedSite, LinkedSite) {
        let (before, _) = try await site.link()
        try edit()
        let (after, _) = try await site.link()
        return (before, after)
    }

    @Test("a link moved: the page, the target that lost its backlink and the one that gained it")
    func linkMoved() async throws {
        try await withTempSite { site in
            let (before, after) = try await Self.linkedAround(site) {
                try site.edit(
                    Self.mali, replacing: "Mali ratified the [[Rome Statute]] in 2000 [@untc].", with: "Mali borders [[Niger]] [@untc].")
            }
            let reached = EditReach.pages(edited: ["entities/countries/mali/"], relinked: [], from: before, to: after)
            #expect(reached == ["entities/countries/mali/", "entities/treaties/rome-statute/", "entities/countries/niger/"])
        }
    }

    @Test("a paragraph no backlink quotes: the page alone; in a briefing, the print edition too")
    func pageAlone() async throws {
        try await withTempSite { site in
            let (before, after) = try await Self.linkedAround(site) {
                try site.edit(Self.mali, replacing: "in 2000 [@untc].", with: "in 2000 [@untc].\n\nA paragraph of its own.")
                try site.edit(
                    "briefings/sahel-overview.md", replacing: "Others followed.", with: "Others followed.\n\nA paragraph of its own.")
            }
            let edited: Set<String> = ["entities/countries/mali/", "briefings/sahel-overview/"]
            #expect(EditReach.pages(edited: edited, relinked: [], from: before, to: after) == edited.union([PrintEdition.path]))
        }
    }

    @Test("a citation added: the cited source's page")
    func citationAdded() async throws {
        try await withTempSite { site in
            let (before, after) = try await Self.linkedAround(site) {
                try site.edit(Self.mali, replacing: "in 2000 [@untc].", with: "in 2000 [@untc] [@comm-2025].")
            }
            let reached = try #require(EditReach.pages(edited: ["entities/countries/mali/"], relinked: [], from: before, to: after))
            let source = try #require(after.sourcesByID["comm-2025"]?.header.path)
            #expect(reached.contains(source))
            #expect(!reached.contains(try #require(after.sourcesByID["untc"]?.header.path)))
        }
    }

    @Test("changed headings: the relinked pages the caller found, or every page when it did not look")
    func headingsChanged() async throws {
        try await withTempSite { site in
            let statute = "entities/treaties/rome-statute/"
            let (before, after) = try await Self.linkedAround(site) {
                try site.edit(
                    "entities/treaties/rome-statute.md", replacing: "## Article 127",
                    with: "## Ratification\n\nOpen to all.\n\n## Article 127")
            }
            #expect(EditReach.pages(edited: [statute], relinked: nil, from: before, to: after) == nil)
            let reached = EditReach.pages(edited: [statute], relinked: ["briefings/sahel-overview/"], from: before, to: after)
            #expect(reached == [statute, "briefings/sahel-overview/", PrintEdition.path])
        }
    }

    @Test(
        "the patch and the general rebuild render the same pages for the same body edit",
        arguments: [
            (mali, "Mali ratified the [[Rome Statute]] in 2000 [@untc].", "Mali borders [[Niger]] [@untc]."),
            ("briefings/sahel-overview.md", "22 September 2025 [@comm-2025].", "22 September 2025 [@comm-2025] [@untc]."),
            (
                "events/2025-09-22-aes-announces-withdrawal.md", "The three states announced",
                "In a joint statement, [[Mali]] and two other states announced"
            ),
        ])
    func bothPathsAgree(file: String, old: String, new: String) async throws {
        var rendered: [Int] = []
        for watcherNamesFile in [true, false] {
            try await withTempSite { site in
                let session = try await Session(site)
                try site.edit(file, replacing: old, with: new)
                let report = try await session.rebuild(changed: watcherNamesFile ? [file] : nil)
                #expect(session.patched == watcherNamesFile)
                #expect(report.renderedCount < report.pageCount)
                rendered.append(report.renderedCount)
                try await session.expectEqualToFullBuild()
            }
        }
        #expect(rendered.count == 2 && rendered[0] == rendered[1], "\(rendered)")
    }
}
