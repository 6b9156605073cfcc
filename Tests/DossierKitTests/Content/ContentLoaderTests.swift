import Foundation
import Testing

@testable import DossierKit

private let siteYML = "title: \"Loader test\"\n"

private func entity(_ title: String, kind: String = "country") -> String {
    page("title: \"\(title)\"\nkind: \(kind)\nsummary: \"An entity.\"")
}

@Suite("ContentLoader")
struct ContentLoaderTests {
    @Test func loadsEveryKindOfPage() async throws {
        try await withTempSite { site in
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
            #expect(catalog.site.title == "Test dossier")
            #expect(catalog.home?.title.value == "Test dossier")
            #expect(catalog.briefings.map(\.header.slug) == ["sahel-overview"])
            #expect(
                Set(catalog.entities.map(\.header.slug)) == ["mali", "niger", "alliance-of-sahel-states", "rome-statute", "assimi-goita"])
            #expect(catalog.events.count == 1)
            #expect(Set(catalog.sources.map(\.id)) == ["comm-2025", "untc"])
        }
    }

    @Test func theContentGuideAtTheRootIsNotAPage() async throws {
        try await withTempSite { site in
            try site.write("README.md", "# Content guide\n\nNo front matter here.\n")
            try site.write("briefings/README.md", page("title: \"A briefing named README\""))
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(catalog.briefings.map(\.header.slug).sorted() == ["readme", "sahel-overview"])
        }
    }

    @Test func diagnosticsNameTheFileUnderTheDisplayRoot() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.write("briefings/untitled.md", "---\nsummary: s\ndate: \"2025\"\n---\n")
            let (_, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(diagnostics.first(containing: "missing required field 'title'")?.location.file == "Content/briefings/untitled.md")
        }
    }

    @Test func missingSiteFileThrows() async throws {
        try await withTempSite(nil) { site in
            let failure = await #expect(throws: BuildFailure.self) {
                _ = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            }
            #expect(failure?.diagnostics.first?.message.contains("no site.yml") == true)
        }
    }

    @Test("two entities with one slug: an error naming both files")
    func entitySlugCollision() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.write("entities/countries/niger.md", entity("Niger"))
            try site.write("entities/organizations/niger.md", entity("Niger Basin Authority", kind: "organization"))
            let (_, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let error = try #require(diagnostics.first(containing: "share the slug 'niger'"))
            #expect(error.severity == .error)
            #expect(error.message.contains("Content/entities/countries/niger.md"))
            #expect(error.message.contains("Content/entities/organizations/niger.md"))
        }
    }

    @Test("two files publishing at one URL: an error naming both files")
    func pathCollision() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            let briefing = page("title: \"A\"\nsummary: s\ndate: \"2025\"")
            try site.write("briefings/The-Exit.md", briefing)
            try site.write("briefings/the-exit.md", briefing)
            let (_, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let error = try #require(diagnostics.first(containing: "both publish at 'briefings/the-exit/'"))
            #expect(error.message.contains("Content/briefings/The-Exit.md"))
            #expect(error.message.contains("Content/briefings/the-exit.md"))
        }
    }

    @Test("editor leftovers are ignored", arguments: [".#mali.md", "mali.md~", ".mali.md.swp", "#mali.md#"])
    func editorLeftoversIgnored(name: String) async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.write("entities/countries/mali.md", entity("Mali"))
            // Broken on purpose: if it were read, it would be an error or a second Mali.
            try site.write("entities/countries/\(name)", "---\ntitle: [unclosed\n")
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(catalog.entities.map(\.header.title.value) == ["Mali"])
        }
    }

    @Test func draftsAreSkippedUnlessAsked() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.write("entities/countries/mali.md", page("title: Mali\nkind: country\ndraft: true"))
            let (normal, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(normal.entities.isEmpty)
            let (withDrafts, _) = try await ContentLoader.load(
                from: site.content, displayRoot: "Content", options: .init(includeDrafts: true))
            #expect(withDrafts.entities.count == 1)
        }
    }

    @Test func aFileNeitherMarkdownNorAnImageIsAWarningAndAFalseImageAnError() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.write("entities/countries/notes.txt", "some notes")
            try site.write("entities/countries/map.png", "not really a png")
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(diagnostics.warnings.map(\.location.file) == ["Content/entities/countries/notes.txt"])
            #expect(diagnostics.errors.map(\.location.file) == ["Content/entities/countries/map.png"])
            #expect(catalog.images.byPath.isEmpty)
        }
    }

    @Test func anImageLinkedFromOutsideTheContentFolderIsIgnored() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            let outside = site.root.appendingPathComponent("secret.png")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]).write(
                to: outside)
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("linked.png"), withDestinationURL: outside)
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(catalog.images.byPath.isEmpty)
            #expect(diagnostics.warnings.first?.message == "file link points outside the content folder and is ignored")
        }
    }

    @Test func invalidUTF8FileIsAnErrorNamingIt() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", siteYML)
            try site.writeData("entities/countries/mali.md", Data("---\ntitle: Mali\n".utf8) + Data([0xFF]) + Data("\n---\n".utf8))
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(catalog.entities.isEmpty)
            let error = try #require(diagnostics.errors.first)
            #expect(error.location == SourceLocation(file: "Content/entities/countries/mali.md", line: 3, column: 1))
        }
    }
}
