import Testing

@testable import DossierKit

/// Parses `text` as the file `Content/<path>`.
private func parse(_ text: String, _ path: String) -> (ParsedDocument?, [Diagnostic]) {
    DocumentParser.parse(text: text, relativePath: path, file: "Content/" + path)
}

private func day(_ y: Int, _ m: Int, _ d: Int, approximate: Bool = false) -> DossierDate {
    DossierDate(start: CalendarPoint(year: y, month: m, day: d), isApproximate: approximate)
}

private func month(_ y: Int, _ m: Int, approximate: Bool = false) -> DossierDate {
    DossierDate(start: CalendarPoint(year: y, month: m), isApproximate: approximate)
}

@Suite("DocumentParser: typed documents")
struct DocumentParserTypedTests {
    @Test func briefing() throws {
        let text = """
            ---
            title: "Why it matters"
            summary: "Short."
            date: "2025-09-22"
            updated: "2025-10"
            order: 3
            key_points:
              - "First with [[Mali]]"
              - "Second"
            tags: [icc, sahel]
            ---
            Body line.

            """
        let (document, diagnostics) = parse(text, "briefings/why-it-matters.md")
        #expect(diagnostics.isEmpty)
        let briefing = try #require(document?.briefing, "not a briefing page: \(String(describing: document))")
        #expect(briefing.header.title.value == "Why it matters")
        #expect(briefing.header.title.location.line == 2)
        #expect(briefing.header.summary == "Short.")
        #expect(briefing.header.slug == "why-it-matters")
        #expect(briefing.header.path == "briefings/why-it-matters/")
        #expect(briefing.header.section == .briefing)
        #expect(briefing.date == day(2025, 9, 22))
        #expect(briefing.updated == month(2025, 10))
        #expect(briefing.order == 3)
        #expect(briefing.keyPoints.map(\.value) == ["First with [[Mali]]", "Second"])
        #expect(briefing.keyPoints.map(\.location.line) == [8, 9])
        #expect(briefing.tags == ["icc", "sahel"])
        #expect(briefing.header.body.firstLine == 12)
        #expect(briefing.header.body.text.hasPrefix("Body line."))
    }

    @Test func entityWithFactsAndRelations() throws {
        let text = """
            ---
            title: "Assimi Goïta"
            kind: person
            aliases: [Goita, "Colonel Goïta"]
            summary: "Leader of the transition."
            facts:
              - {label: "Born", value: "1983 [@src-a]"}
            relations:
              - {type: leads, target: Mali, from: "2021-05", sources: [src-a]}
            ---
            """
        let (document, diagnostics) = parse(text, "entities/people/assimi-goita.md")
        #expect(diagnostics.isEmpty)
        let entity = try #require(document?.entity, "not an entity page: \(String(describing: document))")
        #expect(entity.kind == .person)
        #expect(entity.header.path == "entities/people/assimi-goita/")
        #expect(entity.aliases.map(\.value) == ["Goita", "Colonel Goïta"])
        #expect(entity.facts.map(\.label) == ["Born"])
        #expect(entity.facts.first?.value.value == "1983 [@src-a]")
        #expect(entity.facts.first?.value.location.line == 7)
        let relation = try #require(entity.relations.first)
        #expect(relation.type.value == "leads")
        #expect(relation.target.value == "Mali")
        #expect(relation.from == month(2021, 5))
        #expect(relation.to == nil)
        #expect(relation.sources.map(\.value) == ["src-a"])
        #expect(entity.withdrawalRule == nil)
    }

    @Test func treatyWithdrawalRule() throws {
        let text = """
            ---
            title: "Rome Statute"
            kind: treaty
            summary: "A treaty."
            withdrawal_rule: {article: "Article 127(1)", period: "1 year", sources: [untc]}
            ---
            """
        let (document, diagnostics) = parse(text, "entities/treaties/rome-statute.md")
        #expect(diagnostics.isEmpty)
        let entity = try #require(document?.entity, "not an entity page: \(String(describing: document))")
        let rule = try #require(entity.withdrawalRule)
        #expect(rule.article == "Article 127(1)")
        #expect(rule.period == Period(years: 1))
        #expect(rule.sources.map(\.value) == ["untc"])
    }

    @Test func event() throws {
        let text = """
            ---
            title: "Niger notifies"
            date: "~2026-01"
            status: disputed
            kind: withdrawal-notification
            treaty: Rome Statute
            entities: [Niger, "Alliance of Sahel States"]
            sources: [a, b]
            date_note: "Sources differ."
            ---
            It happened.
            """
        let (document, diagnostics) = parse(text, "events/2026-01-niger.md")
        #expect(diagnostics.isEmpty)
        let event = try #require(document?.event, "not an event page: \(String(describing: document))")
        #expect(event.header.path == "events/2026-01-niger/")
        #expect(event.date.value == month(2026, 1, approximate: true))
        #expect(event.date.value.isApproximate)
        #expect(event.status == .disputed)
        #expect(event.kind == "withdrawal-notification")
        #expect(event.treaty?.value == "Rome Statute")
        #expect(event.entities.map(\.value) == ["Niger", "Alliance of Sahel States"])
        #expect(event.sources.map(\.value) == ["a", "b"])
        #expect(event.dateNote == "Sources differ.")
    }

    @Test func source() throws {
        let text = """
            ---
            title: "Communiqué"
            publisher: "Government of Mali"
            date: "2025-09-22"
            url: "https://example.org/x"
            kind: news-report
            language: fr
            note: "A copy."
            ---
            """
        let (document, diagnostics) = parse(text, "sources/comm-a.md")
        #expect(diagnostics.isEmpty)
        let source = try #require(document?.source, "not a source page: \(String(describing: document))")
        #expect(source.id == "comm-a")
        #expect(source.header.path == "sources/comm-a/")
        #expect(source.publisher == "Government of Mali")
        #expect(source.date == day(2025, 9, 22))
        #expect(source.url == "https://example.org/x")
        #expect(source.kind == .newsReport)
        #expect(source.language == "fr")
        #expect(source.note == "A copy.")
    }

    @Test func homePage() throws {
        let (document, diagnostics) = parse("---\ntitle: Home\nsummary: Hi\n---\nWelcome", "index.md")
        #expect(diagnostics.isEmpty)
        let header = try #require(document?.home, "not a home page: \(String(describing: document))")
        #expect(header.path == "")
        #expect(header.title.value == "Home")
    }
}
