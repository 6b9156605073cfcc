import Foundation
import Testing

@testable import DossierKit

@Suite("site.yml")
struct SiteConfigTests {
    private func parse(_ yaml: String) throws -> SiteConfig {
        try SiteConfigParser.parse(Data(yaml.utf8), file: "Content/site.yml").config
    }

    @Test func readsEveryField() throws {
        let config = try parse(
            """
            title: "Sahel"
            base_url: "https://example.org/dossier"
            language: fr
            description: "About."
            author: "Team"
            as_of: "2026-11-29"
            allow_raw_html: true
            portable: yes
            """)
        #expect(config.title == "Sahel")
        #expect(config.baseURL == "https://example.org/dossier/")
        #expect(config.language == "fr")
        #expect(config.description == "About.")
        #expect(config.author == "Team")
        #expect(config.asOf == DossierDate(start: CalendarPoint(year: 2026, month: 11, day: 29)))
        #expect(config.allowRawHTML)
        #expect(config.portable)
    }

    @Test func defaults() throws {
        let config = try parse("title: T\n")
        #expect(config.baseURL == "https://example.org/")
        #expect(config.language == "en")
        #expect(!config.allowRawHTML)
        #expect(!config.portable)
        #expect(config.asOf == nil)
    }

    @Test func missingTitleFails() {
        let failure = #expect(throws: BuildFailure.self) { try parse("language: en\n") }
        #expect(failure?.diagnostics.first?.message == "missing required field 'title'")
        #expect(failure?.diagnostics.first?.location.file == "Content/site.yml")
    }

    @Test func unsafeBaseURLFailsAtItsLine() {
        let failure = #expect(throws: BuildFailure.self) { try parse("title: T\nbase_url: \"javascript:alert(1)\"\n") }
        #expect(failure?.diagnostics.first?.location.line == 2)
    }

    @Test func asOfMustBeADay() {
        let failure = #expect(throws: BuildFailure.self) { try parse("title: T\nas_of: \"2026-11\"\n") }
        #expect(failure?.diagnostics.first?.message.contains("as_of must be a single day") == true)
    }

    @Test func yamlErrorLineIsTheFileLine() {
        let failure = #expect(throws: BuildFailure.self) { try parse("title: T\nlanguage: en\ndescription: a: b\n") }
        #expect(failure?.diagnostics.first?.location.line == 3)
    }

    @Test func unknownKeyIsNotAFailure() throws {
        let config = try parse("title: T\ntheme: dark\n")
        #expect(config.title == "T")
    }

    // SiteConfigParser.parse computes the unknown-field warnings but only throws when
    // there are errors; the warnings are dropped, so a typo such as `as_off:` in
    // site.yml is silently ignored (content files report the same typo as a warning).
    @Test func unknownKeyInSiteFileIsReported() async throws {
        try await withTempSite(nil) { site in
            try site.write("site.yml", "title: T\nas_off: \"2026-11-29\"\n")
            let (catalog, diagnostics) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            #expect(catalog.site.asOf == nil)
            let warning = try #require(diagnostics.first(containing: "unknown field 'as_off'"))
            #expect(warning.location == SourceLocation(file: "Content/site.yml", line: 2, column: 1))
            #expect(warning.hint == "did you mean 'as_of'?")
        }
    }
}
