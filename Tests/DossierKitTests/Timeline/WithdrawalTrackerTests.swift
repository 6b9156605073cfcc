import Testing

@testable import DossierKit

/// The tracker's rows, read off the `withdrawals` fixture: Mali announced only, Niger
/// notified with a disputed date, The Gambia rescinded, Burundi in effect, Hungary
/// notified with the date computed, Chad notified by month.
@Suite("WithdrawalTracker on the withdrawals fixture")
struct WithdrawalTrackerTests {
    private func cases(_ edit: ((TempSite) throws -> Void)? = nil) async throws -> (cases: [WithdrawalCase], asOf: DossierDate?) {
        try await withTempSite("withdrawals") { site in
            try edit?(site)
            let (linked, diagnostics) = try await site.link()
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let timeline = TimelineBuilder.build(linked)
            return (WithdrawalTracker.cases(timeline) { linked.entitiesByPath[$0.path]?.kind == .country }, timeline.asOf)
        }
    }

    private func row(_ state: String, in cases: [WithdrawalCase]) throws -> WithdrawalCase {
        try #require(cases.first { $0.state.title == state })
    }

    @Test func oneRowPerStateNewestFirst() async throws {
        let (cases, _) = try await cases()
        #expect(cases.map(\.state.title) == ["Niger", "Chad", "Mali", "Hungary", "The Gambia", "Burundi"])
        #expect(cases.allSatisfy { $0.treaty.title == "Rome Statute" })
    }

    @Test func announcedOnly() async throws {
        let (cases, asOf) = try await cases()
        let mali = try row("Mali", in: cases)
        #expect(mali.announced?.event.date.description == "2025-09-22")
        #expect(mali.notified == nil)
        guard case .notNotified = mali.outcome else { Issue.record("expected no notification, got \(mali.outcome)"); return }
        #expect(mali.standing(asOf: asOf) == "Announced; no notification found")
    }

    @Test func notifiedWithADisputedDate() async throws {
        let (cases, asOf) = try await cases()
        let niger = try row("Niger", in: cases)
        #expect(niger.announced == nil)
        #expect(niger.notified?.event.status == .disputed)
        guard case .computed(let effect) = niger.outcome else { Issue.record("expected a computed date, got \(niger.outcome)"); return }
        #expect(effect.date.description == "2027-06-18")
        #expect(effect.status == .disputed)
        #expect(effect.derivation?.article == "Article 127(1)")
        #expect(niger.standing(asOf: asOf) == "Notified; the date is disputed")
    }

    @Test func rescinded() async throws {
        let (cases, asOf) = try await cases()
        let gambia = try row("The Gambia", in: cases)
        #expect(gambia.notified?.event.date.description == "2016-11-10")
        guard case .rescinded(let rescission) = gambia.outcome else { Issue.record("expected a rescission, got \(gambia.outcome)"); return }
        #expect(rescission.date.description == "2017-02-10")
        #expect(gambia.standing(asOf: asOf) == "Withdrawal rescinded")
    }

    @Test func inEffect() async throws {
        let (cases, asOf) = try await cases()
        let burundi = try row("Burundi", in: cases)
        guard case .recorded(let effect) = burundi.outcome else { Issue.record("expected a recorded date, got \(burundi.outcome)"); return }
        #expect(effect.date.description == "2017-10-27")
        #expect(burundi.standing(asOf: asOf) == "Withdrawn")
        let hungary = try row("Hungary", in: cases)
        guard case .computed(let computed) = hungary.outcome else {
            Issue.record("expected a computed date, got \(hungary.outcome)"); return
        }
        #expect(computed.date.description == "2026-06-02")
        #expect(hungary.standing(asOf: asOf) == "Due to have taken effect; not recorded")
        #expect(hungary.standing(asOf: DossierDate(start: CalendarPoint(year: 2026, month: 1, day: 1))) == "Notified; pending")
    }

    @Test("a notification added as an event moves the row, with nothing typed by hand")
    func updatesItselfFromEvents() async throws {
        let (cases, _) = try await cases { site in
            try site.write(
                "events/2026-03-02-mali-notifies.md",
                "---\ntitle: \"Mali notifies its withdrawal\"\ndate: \"2026-03-02\"\nstatus: reported\nkind: withdrawal-notification\ntreaty: \"Rome Statute\"\nentities: [\"Mali\"]\nsources: [news]\n---\n\nMali notified.\n"
            )
        }
        let mali = try row("Mali", in: cases)
        #expect(mali.announced?.event.date.description == "2025-09-22")
        #expect(mali.notified?.event.date.description == "2026-03-02")
        guard case .computed(let effect) = mali.outcome else { Issue.record("expected a computed date, got \(mali.outcome)"); return }
        #expect(effect.date.description == "2027-03-02")
        #expect(effect.status == .projected)
    }
}
