import Foundation
import Testing

@testable import DossierKit

/// Broken references fail the whole build, with a diagnostic at the reference.
@Suite("End to end: link errors")
struct LinkErrorTests {
    static let briefing = "briefings/sahel-overview.md"

    /// Builds, expects a BuildFailure, and returns the single error whose message holds `text`.
    private func failingBuild(_ site: TempSite, _ text: String) async throws -> Diagnostic? {
        let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
        let matching = failure?.diagnostics.errors.filter { $0.message.contains(text) } ?? []
        #expect(matching.count == 1, "\(failure?.description ?? "no failure")")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build wrote output")
        return matching.first
    }

    @Test("a typo in a wiki link fails the build at the link, with a suggestion")
    func typoInWikiLink() async throws {
        try await withTempSite { site in
            try site.edit(Self.briefing, replacing: "The junta in [[Mali]]", with: "The junta in [[Malli]]")
            let expected = try #require(position(of: "[[Malli]]", in: try site.read(Self.briefing)))
            let error = try #require(try await failingBuild(site, "unknown page 'Malli'"))
            #expect(error.location.file == "Content/" + Self.briefing)
            #expect(error.location.line == expected.line)
            #expect(error.location.column == expected.column)
            #expect(error.hint == "did you mean 'Mali'?")
            #expect(error.description.contains("did you mean 'Mali'"))
            #expect(error.description.hasPrefix("Content/\(Self.briefing):\(expected.line):\(expected.column): error:"))
        }
    }

    @Test func typoAfterInlineMarkupHasTheRightColumn() async throws {
        try await withTempSite { site in
            let file = "entities/countries/niger.md"
            try site.edit(file, replacing: "Niger borders [[Mali]].", with: "Niger *borders* the [[Malli]].")
            let expected = try #require(position(of: "[[Malli]]", in: try site.read(file)))
            let error = try #require(try await failingBuild(site, "unknown page 'Malli'"))
            #expect(error.location == SourceLocation(file: "Content/" + file, line: expected.line, column: expected.column))
        }
    }

    @Test func typoInAFactValuePointsIntoTheFrontMatter() async throws {
        try await withTempSite { site in
            let file = "entities/countries/mali.md"
            try site.edit(file, replacing: "\"Bamako [@untc]\"", with: "\"Bamako, [[Nigerr]] [@untc]\"")
            let expected = try #require(position(of: "[[Nigerr]]", in: try site.read(file)))
            let error = try #require(try await failingBuild(site, "unknown page 'Nigerr'"))
            #expect(error.location == SourceLocation(file: "Content/" + file, line: expected.line, column: expected.column))
            #expect(error.hint == "did you mean 'Niger'?")
        }
    }

    @Test func missingHeadingFails() async throws {
        try await withTempSite { site in
            try site.edit(Self.briefing, replacing: "[[Rome Statute#Article 127|", with: "[[Mali#No Such Heading|")
            let expected = try #require(position(of: "[[Mali#No Such Heading|", in: try site.read(Self.briefing)))
            let error = try #require(try await failingBuild(site, "has no heading 'No Such Heading'"))
            #expect(error.message == "'Mali' has no heading 'No Such Heading'")
            // Reported where the link is written, not on Mali's page.
            #expect(error.location == SourceLocation(file: "Content/" + Self.briefing, line: expected.line, column: expected.column))
        }
    }

    @Test func headingOnAnotherPageByIdOrTextResolves() async throws {
        try await withTempSite { site in
            try site.edit(Self.briefing, replacing: "[[Rome Statute#Article 127|", with: "[[rome-statute#article-127|")
            try await site.build()
            #expect(
                try site.html("briefings/sahel-overview/index.html").contains("href=\"../../entities/treaties/rome-statute/#article-127\""))
        }
    }

    @Test func brokenRelativeMarkdownLinkFails() async throws {
        try await withTempSite { site in
            try site.edit(Self.briefing, replacing: "(../entities/countries/mali.md)", with: "(../entities/countries/malli.md)")
            let error = try #require(try await failingBuild(site, "does not lead to a page"))
            #expect(error.location.file == "Content/" + Self.briefing)
            #expect(error.location.line == position(of: "[Mali page]", in: try site.read(Self.briefing))?.line)
        }
    }

    @Test("javascript: links are refused", arguments: ["javascript:alert(1)", "JavaScript:void(0)", "data:text/html,x", "vbscript:x"])
    func unsafeScheme(url: String) async throws {
        try await withTempSite { site in
            let file = "entities/treaties/rome-statute.md"
            try site.edit(file, replacing: "adopted in 1998", with: "adopted in 1998 ([click](\(url)))")
            let expected = try #require(position(of: "[click]", in: try site.read(file)))
            let error = try #require(try await failingBuild(site, "unsafe URL scheme"))
            #expect(error.location == SourceLocation(file: "Content/" + file, line: expected.line, column: expected.column))
        }
    }

    @Test func relationToAMissingEntityIsAnError() async throws {
        try await withTempSite { site in
            let file = "entities/countries/niger.md"
            try site.edit(file, replacing: "target: \"Alliance of Sahel States\"", with: "target: \"Atlantis\"")
            let error = try #require(try await failingBuild(site, "relation target 'Atlantis' is not an entity"))
            #expect(error.location.file == "Content/" + file)
            #expect(error.location.line == position(of: "Atlantis", in: try site.read(file))?.line)
        }
    }

    @Test func selfRelationIsAnError() async throws {
        try await withTempSite { site in
            let file = "entities/countries/niger.md"
            try site.edit(file, replacing: "target: \"Alliance of Sahel States\"", with: "target: \"niger\"")
            let error = try #require(try await failingBuild(site, "cannot be 'member-of' itself"))
            #expect(error.location.file == "Content/" + file)
        }
    }

    @Test func relationToANonEntityIsAnError() async throws {
        try await withTempSite { site in
            try site.edit(
                "entities/countries/niger.md", replacing: "target: \"Alliance of Sahel States\"", with: "target: \"Sahel overview\"")
            _ = try await failingBuild(site, "is a briefing, not an entity")
        }
    }

    @Test func unknownRelationTypeSuggestsOne() async throws {
        try await withTempSite { site in
            try site.edit("entities/countries/niger.md", replacing: "type: member-of", with: "type: member-off")
            let error = try await failingBuild(site, "unknown relation type 'member-off'")
            #expect(error?.hint?.hasPrefix("did you mean 'member-of'?") == true)
        }
    }

    @Test func ambiguousWikiLinkFailsNamingBothPages() async throws {
        try await withTempSite { site in
            try site.edit("entities/countries/niger.md", replacing: "kind: country", with: "kind: country\naliases: [\"Sahel junta\"]")
            try site.edit(
                "entities/countries/mali.md", replacing: "aliases: [\"Republic of Mali\"]",
                with: "aliases: [\"Republic of Mali\", \"Sahel junta\"]")
            try site.edit(Self.briefing, replacing: "Others followed.", with: "Others followed the [[Sahel junta]].")
            let error = try #require(try await failingBuild(site, "'Sahel junta' is ambiguous"))
            #expect(error.message.contains("Content/entities/countries/mali.md"))
            #expect(error.message.contains("Content/entities/countries/niger.md"))
        }
    }
}
