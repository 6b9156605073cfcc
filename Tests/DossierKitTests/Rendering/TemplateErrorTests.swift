import Foundation
import Testing

@testable import DossierKit

/// Template problems fail the build with a diagnostic naming the template file.
@Suite("Template errors")
struct TemplateErrorTests {
    /// Copies the real templates into the site, applies `edit` to one file, builds and
    /// returns the failure.
    private func failingBuild(_ site: TempSite, file: String, _ edit: (String) -> String) async throws -> BuildFailure? {
        let templates = try site.copyTemplates()
        let url = templates.appendingPathComponent(file)
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        let failure = await #expect(throws: BuildFailure.self) { try await site.build(templates: templates) }
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build wrote output")
        return failure
    }

    /// Inserts `line` before the line holding `marker`; returns the new text and the inserted line's number.
    private func insert(_ line: String, before marker: String, in text: String) -> (String, Int) {
        var lines = text.components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains(marker) } ?? 0
        lines.insert(line, at: index)
        return (lines.joined(separator: "\n"), index + 1)
    }

    @Test func realTemplatesLoad() throws {
        let set = try TemplateSet.load(from: TestPaths.templates, displayRoot: "Templates")
        for layout in TemplateSet.requiredLayouts { #expect(set.sources[layout] != nil, "\(layout)") }
        #expect(set.missingPartials().isEmpty)
    }

    @Test("an unknown variable fails the build naming the template and line")
    func unknownVariable() async throws {
        try await withTempSite { site in
            var line = 0
            let failure = try await failingBuild(site, file: "entity.mustache") { text in
                let (edited, inserted) = insert("<p>{{nosuchvariable}}</p>", before: "<div class=\"prose\">", in: text)
                line = inserted
                return edited
            }
            let error = try #require(failure?.diagnostics.first { $0.message.contains("nosuchvariable") })
            #expect(error.severity == .error)
            #expect(error.message.contains("template 'entity'"))
            #expect(error.location.file == "Templates/entity.mustache")
            #expect(error.location.line == line)
            // Reported once, although every entity page uses it.
            #expect(failure?.diagnostics.filter { $0.message.contains("nosuchvariable") }.count == 1)
        }
    }

    @Test func unknownDottedVariableInsideASection() async throws {
        try await withTempSite { site in
            let failure = try await failingBuild(site, file: "entity.mustache") { text in
                text.replacingOccurrences(of: "{{subject.title}}</strong>", with: "{{subject.titel}}</strong>")
            }
            let error = try #require(failure?.diagnostics.first { $0.message.contains("titel") })
            #expect(error.location.file == "Templates/entity.mustache")
            // Suggested from the names where it was missed: the section's own.
            #expect(error.hint?.contains("did you mean 'title'?") == true, "\(error.hint ?? "no hint")")
        }
    }

    @Test func unknownVariableInAPartialNamesThePartial() async throws {
        try await withTempSite { site in
            let failure = try await failingBuild(site, file: "partials/backlinks.mustache") { text in
                text.replacingOccurrences(of: "<h3>{{title}}{{#", with: "<h3>{{title}} {{nosuchcount}}{{#")
            }
            let error = try #require(failure?.diagnostics.first { $0.message.contains("nosuchcount") })
            #expect(error.location.file == "Templates/partials/backlinks.mustache")
            #expect(error.location.line == 6)
        }
    }

    @Test("a missing partial fails the build")
    func missingPartial() async throws {
        try await withTempSite { site in
            var line = 0
            let failure = try await failingBuild(site, file: "entity.mustache") { text in
                let (edited, inserted) = insert("{{> partials/nope}}", before: "{{>partials/backlinks}}", in: text)
                line = inserted
                return edited
            }
            let error = try #require(failure?.diagnostics.first { $0.message.contains("partials/nope") })
            #expect(error.message == "template 'entity' includes partial 'partials/nope', which does not exist")
            #expect(error.location == SourceLocation(file: "Templates/entity.mustache", line: line, column: 1))
        }
    }

    @Test("a Mustache syntax error fails with a location")
    func syntaxError() async throws {
        try await withTempSite { site in
            var line = 0
            let failure = try await failingBuild(site, file: "entity.mustache") { text in
                let (edited, inserted) = insert("  {{/notopen}}", before: "<div class=\"prose\">", in: text)
                line = inserted
                return edited
            }
            let error = try #require(failure?.diagnostics.first { $0.message.hasPrefix("template syntax error") })
            #expect(error.location.file == "Templates/entity.mustache")
            #expect(error.location.line == line)
            #expect(error.location.column > 1)
        }
    }

    @Test func unclosedSectionFailsNamingTheFile() async throws {
        try await withTempSite { site in
            let failure = try await failingBuild(site, file: "list.mustache") { $0 + "\n{{#groups}}\nnever closed\n" }
            let error = try #require(failure?.diagnostics.first { $0.message.hasPrefix("template syntax error") })
            #expect(error.location.file == "Templates/list.mustache")
        }
    }

    @Test func missingLayoutFails() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            try FileManager.default.removeItem(at: templates.appendingPathComponent("timeline.mustache"))
            let failure = await #expect(throws: BuildFailure.self) { try await site.build(templates: templates) }
            #expect(failure?.diagnostics.first?.message == "missing template 'timeline.mustache'")
        }
    }
}
