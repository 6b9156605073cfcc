import Mustache
import Testing

@testable import DossierKit

/// Interface words written into the templates once per language render as `t` did.
@Suite("Interface words written into templates")
struct TemplateWordsTests {
    let words = ["mentioned_in": "Mentioned in", "quote": "Fish & \"chips\" <b>", "original": "original"]

    @Test func wordsReplaceTheirTags() {
        #expect(TemplateWords.substitute("<h2>{{t.mentioned_in}}</h2>", words: words) == "<h2>Mentioned in</h2>")
        #expect(TemplateWords.substitute("{{ t.mentioned_in }}", words: words) == "Mentioned in")
        // Escaped as {{…}} escapes it; {{{…}}} and {{&…}} as they are.
        #expect(TemplateWords.substitute("{{t.quote}}", words: words) == "Fish &amp; &quot;chips&quot; &lt;b&gt;")
        #expect(TemplateWords.substitute("{{{t.quote}}}|{{& t.quote}}", words: words) == "Fish & \"chips\" <b>|Fish & \"chips\" <b>")
    }

    @Test func whatIsNotAPlainWordIsLeftToT() {
        // A key the table lacks (reported when the page renders), a section (a plural's
        // lambda), a name that is not `t`'s, a comment, a tag left open.
        for text in [
            "{{t.nosuchkey}}", "{{#t.original}}x{{/t.original}}", "{{title}} {{site.t.original}}", "{{! {{t.original}} }}",
            "a {{t.original",
        ] {
            #expect(TemplateWords.substitute(text, words: words) == text, "\(text)")
        }
        // Other delimiters or another content type: tags would not read the same.
        let delimiters = "{{=<% %>=}}<% t.original %>{{t.original}}"
        #expect(TemplateWords.substitute(delimiters, words: words) == delimiters)
        let contentType = "{{% CONTENT_TYPE: TEXT}}{{t.original}}"
        #expect(TemplateWords.substitute(contentType, words: words) == contentType)
        // A word that would read as a tag, or break a line, stays a lookup.
        #expect(TemplateWords.substitute("{{t.odd}}", words: ["odd": "{{x}}"]) == "{{t.odd}}")
        #expect(TemplateWords.substitute("{{t.odd}}", words: ["odd": "a\nb"]) == "{{t.odd}}")
    }

    @Test func aPageRendersAlikeWithTheWordsWrittenIn() throws {
        let sources = [
            "page":
                "<h2>{{t.mentioned_in}}</h2>\n{{#items}}<li>{{t.quote}} {{title}}{{#lang}} ({{.}}){{/lang}}</li>\n{{/items}}{{{t.quote}}}\n{{> part}}",
            "part": "<footer>{{t.original}}</footer>",
        ]
        HTMLEscaping.register()
        let library = MustacheLibrary(
            templates: try sources.mapValues { try MustacheTemplate(string: HTMLEscaping.pragma + $0) })
        let set = TemplateSet(library: library, sources: sources, displayRoot: "Templates")
        let values: [String: Any] = [
            "t": words, "items": [["title": "A", "lang": false], ["title": "B", "lang": "fr"]] as [[String: Any]],
        ]
        let (plain, plainDiagnostics) = set.render("page", values)
        let worded = set.withWords(words)
        let (written, writtenDiagnostics) = worded.render("page", values)
        #expect(plainDiagnostics.isEmpty && writtenDiagnostics.isEmpty)
        #expect(written == plain)
        #expect(written.contains("<h2>Mentioned in</h2>") && written.contains("<footer>original</footer>"))
        // The words are in the compiled text: the page renders them without `t`.
        var withoutT = values
        withoutT["t"] = [String: String]()
        #expect(worded.render("page", withoutT).0 == plain)
        // A key the words lack is still a lookup, and still reported when `t` lacks it too.
        let (_, missing) = set.withWords(["original": "original"]).render("page", withoutT)
        #expect(missing.contains { $0.message.contains("'t.mentioned_in'") || $0.message.contains("'mentioned_in'") })
    }

    @Test(arguments: ["en", "fr"])
    func pluralsWrittenInRenderAsTheirLambdas(language: String) throws {
        let forms = PluralForms(zero: nil, one: "{count} source", other: "{count} sources & more")
        let text = "<p>{{#t.sources_count}}{{count}}{{/t.sources_count}}</p>"
        let written = TemplateWords.substitute(text, words: [:], plurals: ["sources_count": forms], language: language)
        #expect(!written.contains("t.sources_count"))
        // Anything but one number right inside the section stays the lambda's to answer.
        for kept in [
            "{{#t.sources_count}} {{count}} {{/t.sources_count}}", "{{#t.sources_count}}{{{count}}}{{/t.sources_count}}",
            "{{#t.sources_count}}{{count}}", "{{#t.other_key}}{{count}}{{/t.other_key}}",
        ] {
            #expect(TemplateWords.substitute(kept, words: [:], plurals: ["sources_count": forms], language: language) == kept)
        }
        HTMLEscaping.register()
        let sources = ["page": text]
        let library = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: HTMLEscaping.pragma + $0) })
        let set = TemplateSet(library: library, sources: sources, displayRoot: "Templates")
        let worded = set.withWords([:], plurals: ["sources_count": forms], language: language)
        for count in [0, 1, 2, 1234] {
            let values: [String: Any] = ["t": ["sources_count": forms.lambda(language: language)], "count": count]
            let (byLambda, lambdaDiagnostics) = set.render("page", values)
            let (byText, textDiagnostics) = worded.render("page", values)
            #expect(lambdaDiagnostics.isEmpty && textDiagnostics.isEmpty)
            #expect(byText == byLambda, "\(count)")
            #expect(byText.contains(count == 1 || (count == 0 && language == "fr") ? "source<" : "sources &amp; more"), "\(count)")
        }
    }
}
