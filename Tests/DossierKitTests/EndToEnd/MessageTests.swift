import Foundation
import Testing

@testable import DossierKit

/// Messages that say what is wrong, and only that.
@Suite("Messages that say what is wrong")
struct MessageTests {
    @Test("a wiki link to a draft says the page is a draft and how to include drafts")
    func linkToADraft() async throws {
        try await withTempSite { site in
            try site.edit("entities/countries/niger.md", replacing: "title:", with: "draft: true\ntitle:")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let error = try #require(failure?.diagnostics.errors.first(containing: "is a draft"))
            #expect(error.message == "'Niger' is a draft page, left out of this build")
            #expect(error.hint?.contains("--drafts") == true)
            #expect(error.hint?.contains("Content/entities/countries/niger.md") == true)
            #expect(error.location.file == "Content/briefings/sahel-overview.md")
            #expect(failure?.diagnostics.errors.first(containing: "unknown page 'Niger'") == nil)
            // With drafts, the same site builds.
            var options = site.options()
            options.includeDrafts = true
            _ = try await SiteBuilder(options: options).build()
        }
    }

    @Test("a syntax error in a layout is reported once, not also as a missing template")
    func syntaxErrorIsNotAMissingTemplate() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            let url = templates.appendingPathComponent("event.mustache")
            try (try String(contentsOf: url, encoding: .utf8) + "{{#unclosed}}\n").write(to: url, atomically: true, encoding: .utf8)
            let partial = templates.appendingPathComponent("partials/references.mustache")
            try (try String(contentsOf: partial, encoding: .utf8) + "{{/stray}}\n").write(to: partial, atomically: true, encoding: .utf8)
            let failure = await #expect(throws: BuildFailure.self) { try await site.build(templates: templates) }
            let messages = failure?.diagnostics.map(\.message) ?? []
            #expect(messages.filter { $0.hasPrefix("template syntax error") }.count == 2, "\(messages)")
            #expect(!messages.contains { $0.contains("missing template") }, "\(messages)")
            #expect(!messages.contains { $0.contains("which does not exist") }, "\(messages)")
        }
    }

    @Test("an unknown template variable gets a did-you-mean from the names the page provides")
    func unknownVariableDidYouMean() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            let url = templates.appendingPathComponent("briefing.mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "{{page_title}}", with: "{{page_titel}}")
                .replacingOccurrences(of: "<li class=\"toc-{{level}}\">", with: "<li class=\"toc-{{levle}}\">")
                .write(to: url, atomically: true, encoding: .utf8)
            let failure = await #expect(throws: BuildFailure.self) { try await site.build(templates: templates) }
            let top = try #require(failure?.diagnostics.first(containing: "'page_titel'"))
            #expect(top.hint?.hasPrefix("did you mean 'page_title'?") == true, "\(top.hint ?? "")")
            // Inside a section, the names of the section's item are offered too.
            let nested = try #require(failure?.diagnostics.first(containing: "'levle'"))
            #expect(nested.hint?.hasPrefix("did you mean 'level'?") == true, "\(nested.hint ?? "")")
        }
    }

    @Test("errors in bodies are reported in the same run as front matter errors elsewhere")
    func bodyErrorsBesideFrontMatterErrors() async throws {
        try await withTempSite { site in
            // Front matter broken in one file; a body broken in another.
            try site.edit("entities/countries/niger.md", replacing: "title:", with: "status: nonsense\ntitle: [unclosed\nx:")
            try site.edit("briefings/sahel-overview.md", replacing: "The junta in [[Mali]]", with: "The junta in [[Malli]]")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let errors = failure?.diagnostics.errors ?? []
            #expect(errors.contains { $0.location.file == "Content/entities/countries/niger.md" })
            let body = try #require(errors.first(containing: "unknown page 'Malli'"))
            #expect(body.location.file == "Content/briefings/sahel-overview.md")
            // Links to the file that failed ([[Niger]] in the briefing, `entities: [Mali, Niger]`
            // in the event) are not reported as errors of their own.
            #expect(errors.first(containing: "'Niger'") == nil, "\(errors)")
        }
    }
}
