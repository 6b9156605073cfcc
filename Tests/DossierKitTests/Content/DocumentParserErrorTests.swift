import Testing

@testable import DossierKit

/// Parses `text` as the file `Content/<path>`.
private func parse(_ text: String, _ path: String) -> (ParsedDocument?, [Diagnostic]) {
    DocumentParser.parse(text: text, relativePath: path, file: "Content/" + path)
}

@Suite("DocumentParser: errors and warnings")
struct DocumentParserErrorTests {
    @Test func missingTitleIsAnError() {
        let text = "---\nsummary: s\ndate: \"2025\"\n---\n"
        let (document, diagnostics) = parse(text, "briefings/untitled.md")
        #expect(document == nil)
        let error = diagnostics.first(containing: "missing required field 'title'")
        #expect(error?.severity == .error)
        #expect(error?.location.file == "Content/briefings/untitled.md")
        #expect(error?.location.line == 1)
    }

    // An entity without a title once crashed the process (an exclusivity violation);
    // an exit test keeps any such crash out of this process.
    @Test func entityWithoutTitleDoesNotCrash() async {
        await #expect(processExitsWith: .success) {
            let (document, diagnostics) = DocumentParser.parse(
                text: "---\nkind: country\nsummary: A state.\n---\n", relativePath: "entities/countries/mali.md",
                file: "Content/entities/countries/mali.md")
            precondition(document == nil)
            precondition(diagnostics.contains { $0.message.contains("missing required field 'title'") && $0.location.line == 1 })
        }
    }

    @Test(arguments: [
        ("events/x.md", "date: \"2025\"\nstatus: confirmed\nsources: [a]"),
        ("sources/x.md", "publisher: P\nkind: reference"),
    ])
    func eventOrSourceWithoutTitleIsAnError(path: String, yaml: String) {
        let (document, diagnostics) = parse("---\n\(yaml)\n---\n", path)
        #expect(document == nil)
        #expect(diagnostics.first(containing: "missing required field 'title'")?.location == SourceLocation(file: "Content/" + path))
    }

    @Test func unknownEntityKindHasAHint() {
        let (document, diagnostics) = parse("---\ntitle: Mali\nkind: contry\nsummary: A state.\n---\n", "entities/countries/mali.md")
        #expect(document == nil)
        let error = diagnostics.first(containing: "unknown entity kind 'contry'")
        #expect(error?.severity == .error)
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 7)
        #expect(error?.hint?.contains("did you mean 'country'?") == true)
    }

    @Test func scalarAliasesIsATypeErrorAtItsLine() {
        let text = "---\ntitle: Mali\nkind: country\nsummary: A state.\naliases: 5\n---\n"
        let (document, diagnostics) = parse(text, "entities/countries/mali.md")
        #expect(document == nil)
        let error = diagnostics.first(containing: "'aliases' must be a list")
        #expect(error?.severity == .error)
        #expect(error?.location.line == 5)
        #expect(error?.location.column == 10)
    }

    @Test func unknownFieldIsAWarningWithASuggestion() throws {
        let text = "---\ntitle: Mali\nkind: country\nsumary: A state.\n---\n"
        let (document, diagnostics) = parse(text, "entities/countries/mali.md")
        #expect(document != nil)
        #expect(diagnostics.errors.isEmpty)
        let warning = try #require(diagnostics.warnings.first)
        #expect(warning.message == "unknown field 'sumary' is ignored")
        #expect(warning.location.line == 4)
        #expect(warning.hint == "did you mean 'summary'?")
    }

    @Test("invalid YAML is reported at the line of the Markdown file")
    func invalidYAMLLine() throws {
        // The third line of the front matter is the fourth line of the file.
        let text = "---\ntitle: Mali\nkind: country\nsummary: one: two\n---\nBody\n"
        let (document, diagnostics) = parse(text, "entities/countries/mali.md")
        #expect(document == nil)
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.hasPrefix("invalid YAML front matter"))
        #expect(error.location.file == "Content/entities/countries/mali.md")
        #expect(error.location.line == 4)
        #expect(error.location.column == 13)  // the second ': '
    }

    @Test func tabIndentationGetsItsOwnHint() throws {
        let text = "---\ntitle: Mali\nkind: country\n\tsummary: x\n---\n"
        let (_, diagnostics) = parse(text, "entities/countries/mali.md")
        let error = try #require(diagnostics.errors.first)
        #expect(error.location.line == 4)
        #expect(error.hint?.contains("tabs") == true)
    }

    @Test func unclosedQuoteIsReportedOnItsLine() throws {
        let text = "---\ntitle: Mali\nsummary: \"open\nkind: country\n---\n"
        let (_, diagnostics) = parse(text, "entities/countries/mali.md")
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.hasPrefix("invalid YAML front matter"))
        // The scanner notices at the end of the block; it must not point above the quote.
        #expect(error.location.line >= 3)
        #expect(error.location.line <= 5)
    }

    @Test func duplicateKeyIsAnError() throws {
        let text = "---\ntitle: Mali\nkind: country\ntitle: Mali again\n---\n"
        let (document, diagnostics) = parse(text, "entities/countries/mali.md")
        #expect(document == nil)
        let error = try #require(diagnostics.first(containing: "duplicate key 'title'"))
        #expect(error.severity == .error)
        #expect(error.location.file == "Content/entities/countries/mali.md")
        // The repeated key, not the start of the mapping.
        #expect(error.location.line == 4)
        #expect(error.location.column == 1)
    }

    @Test("a key repeated inside a nested mapping is found at its own line")
    func nestedDuplicateKey() throws {
        let text = "---\ntitle: Mali\nkind: country\nwithdrawal_rule:\n  article: \"127\"\n  period: \"1 year\"\n  article: \"128\"\n---\n"
        let (_, diagnostics) = parse(text, "entities/treaties/x.md")
        let error = try #require(diagnostics.first(containing: "duplicate key 'article'"))
        #expect(error.location.line == 7)
        #expect(error.location.column == 3)
    }

    @Test("an invalid date points at the offending digits")
    func invalidDateColumn() throws {
        let text = "---\ntitle: X\nstatus: confirmed\nsources: [a]\ndate: \"2025-02-30\"\n---\n"
        let (document, diagnostics) = parse(text, "events/x.md")
        #expect(document == nil)
        let error = try #require(diagnostics.first(containing: "invalid date"))
        #expect(error.location.line == 5)
        // `date: "2025-02-30"`: the quote is column 7, the day "30" starts at column 16.
        #expect(error.location.column == 16)
    }

    @Test func unquotedDateIsReadToo() throws {
        let text = "---\ntitle: X\nstatus: confirmed\nsources: [a]\ndate: 2025-09-22\n---\n"
        let (document, diagnostics) = parse(text, "events/x.md")
        #expect(diagnostics.errors.isEmpty)
        let event = try #require(document?.event, "not an event page: \(String(describing: document))")
        #expect(event.date.value == DossierDate(start: CalendarPoint(year: 2025, month: 9, day: 22)))
    }

    @Test func fileWithoutFrontMatterIsAnError() {
        let (document, diagnostics) = parse("# Mali\n", "entities/countries/mali.md")
        #expect(document == nil)
        #expect(diagnostics.first(containing: "no front matter")?.severity == .error)
    }

    @Test func pageOutsideKnownFoldersIsAnError() {
        let (document, diagnostics) = parse("---\ntitle: X\n---\n", "misc/x.md")
        #expect(document == nil)
        #expect(diagnostics.first(containing: "no page type for 'misc/x.md'") != nil)
    }

    @Test func eventWithoutSourcesIsAnError() {
        let (document, diagnostics) = parse("---\ntitle: X\ndate: \"2025\"\nstatus: confirmed\n---\n", "events/x.md")
        #expect(document == nil)
        #expect(diagnostics.first(containing: "no sources") != nil)
    }

    @Test func withdrawalRuleOnANonTreatyIsAnError() {
        let text = "---\ntitle: Mali\nkind: country\nwithdrawal_rule: {article: A, period: 1 year}\n---\n"
        let (document, diagnostics) = parse(text, "entities/countries/mali.md")
        #expect(document == nil)
        #expect(diagnostics.first(containing: "only a treaty")?.severity == .error)
    }

    @Test func unreadablePeriodIsAnError() {
        let text = "---\ntitle: RS\nkind: treaty\nwithdrawal_rule: {article: A, period: one year}\n---\n"
        let (_, diagnostics) = parse(text, "entities/treaties/rs.md")
        #expect(diagnostics.first(containing: "cannot read period 'one year'")?.location.line == 4)
    }
}
