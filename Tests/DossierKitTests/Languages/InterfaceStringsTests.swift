import Foundation
import Mustache
import Testing

@testable import DossierKit

/// Interface words from `Templates/i18n/`, with plurals: English takes the singular for 1
/// only, French for 0 and 1; a missing form, an unknown one or a plural written as plain
/// text is a located error.
@Suite struct InterfaceStringsTests {
    static let yaml = """
        title: "Title"
        pages: {one: "cited on {count} page", other: "cited on {count} pages"}
        sources:
          zero: "no source"
          one: "{count} source & more"
          other: "{count} sources & more"
        """

    func render(_ template: String, _ strings: InterfaceStrings, language: String, _ values: [String: Any]) throws -> String {
        HTMLEscaping.register()
        let compiled = try MustacheTemplate(string: HTMLEscaping.pragma + template)
        var all = values
        all["t"] = strings.table(language)
        let recorder = LookupRecorder()
        let html = compiled.render(StrictValues(all, recorder: recorder, isRoot: true))
        #expect(recorder.missingNames().isEmpty)
        return html
    }

    func strings(_ en: String = yaml, _ fr: String? = nil) throws -> InterfaceStrings {
        var strings = InterfaceStrings()
        for (code, text) in [("en", en), ("fr", fr ?? en)] {
            let parsed = try InterfaceStrings.parse(text, file: "Templates/i18n/\(code).yml")
            #expect(parsed.diagnostics.isEmpty)
            strings.byLanguage[code] = parsed.text
            strings.plurals[code] = parsed.plurals
        }
        return strings
    }

    @Test func englishTakesTheSingularForOneOnlyAndFrenchForZeroAndOne() throws {
        let strings = try strings()
        let template = "{{#t.pages}}{{n}}{{/t.pages}}"
        #expect(try render(template, strings, language: "en", ["n": 0]) == "cited on 0 pages")
        #expect(try render(template, strings, language: "en", ["n": 1]) == "cited on 1 page")
        #expect(try render(template, strings, language: "en", ["n": 2]) == "cited on 2 pages")
        #expect(try render(template, strings, language: "fr", ["n": 0]) == "cited on 0 page")
        #expect(try render(template, strings, language: "fr", ["n": 1]) == "cited on 1 page")
        #expect(try render(template, strings, language: "fr", ["n": 2]) == "cited on 2 pages")
    }

    @Test func aZeroFormAnEscapedTextAndANumberInsideAList() throws {
        let strings = try strings()
        let template = "{{#groups}}[{{#t.sources}}{{count}}{{/t.sources}}]{{/groups}} {{t.title}}"
        let groups: [[String: Any]] = [["count": 0], ["count": 1], ["count": 12]]
        #expect(
            try render(template, strings, language: "en", ["groups": groups])
                == "[no source][1 source &amp; more][12 sources &amp; more] Title")
    }

    @Test func aMissingOrUnknownFormIsAnErrorAtItsLine() throws {
        let missing = try InterfaceStrings.parse("title: \"T\"\npages: {one: \"{count} page\"}\n", file: "Templates/i18n/en.yml")
        let error = try #require(missing.diagnostics.first)
        #expect(error.message == "plural 'pages' has no 'other' form")
        #expect(error.location.file == "Templates/i18n/en.yml")
        #expect(error.location.line == 2)
        let unknown = try InterfaceStrings.parse("pages:\n  one: \"a\"\n  few: \"b\"\n  other: \"c\"\n", file: "Templates/i18n/en.yml")
        #expect(unknown.diagnostics.first?.message == "plural 'pages' has a form 'few' dossier does not know")
        #expect(unknown.diagnostics.first?.location.line == 3)
    }

    @Test func aPluralWrittenAsTextOrAroundWordsIsAnErrorAtTheTag() throws {
        let strings = try strings()
        let templates = [
            "home": "<p>\n  {{t.pages}}</p>",
            "entity": "{{#t.pages}}{{count}} pages{{/t.pages}}",
            "event": "{{#t.pages}}{{count}}{{/t.pages}} {{t.title}}",
        ]
        let found = strings.pluralMisuses(in: templates, displayRoot: "Templates", language: "en")
        #expect(found.count == 2)
        #expect(found.map(\.location.file) == ["Templates/entity.mustache", "Templates/home.mustache"])
        #expect(found[1].location.line == 2 && found[1].location.column == 3)
        #expect(found[1].message.contains("written as a section around its number"))
        #expect(found[0].message.contains("must hold one number"))
    }

    @Test func aPluralInOneLanguageAndTextInTheOtherIsAnError() async throws {
        try await withTempSite { site in
            try site.write("site.yml", try site.read("site.yml") + TranslationTests.languages)
            let templates = try site.copyTemplates()
            let fr = templates.appendingPathComponent("i18n/fr.yml")
            let text = try String(contentsOf: fr, encoding: .utf8)
            let line =
                try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("dated_events:") }) + 1
            try text.replacingOccurrences(
                of: #"dated_events: {one: "{count} événement daté", other: "{count} événements datés"}"#,
                with: #"dated_events: "événements""#
            )
            .write(to: fr, atomically: true, encoding: .utf8)
            do {
                try await site.build(templates: templates)
                Issue.record("a plural written as text in fr.yml built")
            } catch let failure as BuildFailure {
                let error = try #require(failure.diagnostics.first)
                #expect(error.message == "interface string 'dated_events' is plain text here, not in i18n/en.yml")
                #expect(error.location.file.hasSuffix("Templates/i18n/fr.yml"))
                #expect(error.location.line == line)
            }
        }
    }

    @Test func everyShippedLayoutTakesItsWordsFromTheFrenchFile() async throws {
        try await withTempSite { site in
            try TranslationTests().bilingual(site)
            let hash = TranslationFiles.hash(try site.read("sources/untc.md"))
            try site.write(
                "sources/untc.fr.md", "---\ntitle: \"Collection des traités des Nations unies\"\ntranslation_of: \"\(hash)\"\n---\n")
            var options = site.options()
            options.useGit = false
            _ = try await SiteBuilder(options: options).build()
            let source = try site.html("fr/sources/untc/index.html")
            #expect(source.contains("<caption>À propos de cette source</caption>"))
            #expect(source.contains(#"<h2 id="cited-on-heading">Citée sur "#))
            let english = try site.html("sources/untc/index.html")
            #expect(english.contains(#"<h2 id="cited-on-heading">Cited on "#))
            // The names dossier gives things come from the file too, English where it lacks one.
            #expect(source.contains(#"<tr><th scope="row">Type</th><td>Texte primaire</td></tr>"#))
            #expect(english.contains(#"<tr><th scope="row">Kind</th><td>Primary text</td></tr>"#))
            let mali = try site.html("fr/entities/countries/mali/index.html")
            // The list of countries is the edition's own.
            #expect(mali.contains(#"<dt>Type</dt><dd><a href="../">Pays</a></dd>"#))
            #expect(mali.contains(#"<span class="badge badge-confirmed">confirmé</span>"#))
        }
    }
}
