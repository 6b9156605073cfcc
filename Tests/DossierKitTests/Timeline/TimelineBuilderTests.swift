import Foundation
import Testing

@testable import DossierKit

/// The `withdrawals` fixture: Hungary (announced, then notified), Niger (disputed
/// notification), Mali (announced only), The Gambia (notified, then rescinded), Burundi
/// (notified, effective date recorded) and Chad (notified, month precision), all under a
/// Rome Statute whose rule is "1 year".
@Suite("TimelineBuilder on the withdrawals fixture")
struct TimelineBuilderTests {
    private func timeline(_ edit: ((TempSite) throws -> Void)? = nil) async throws -> Timeline {
        try await withTempSite("withdrawals") { site in
            try edit?(site)
            let (linked, diagnostics) = try await site.link()
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return TimelineBuilder.build(linked)
        }
    }

    private func derived(_ timeline: Timeline, for state: String) -> [TimelineEvent] {
        timeline.events.filter { $0.derivation != nil && $0.entities.contains { $0.title == state } }
    }

    @Test("a notification under a treaty rule yields a projected event one year later")
    func notificationYieldsProjectedEvent() async throws {
        let timeline = try await timeline()
        let rows = derived(timeline, for: "Hungary")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.date == DossierDate(start: CalendarPoint(year: 2026, month: 6, day: 2)))
        #expect(row.status == .projected)
        #expect(row.page == nil)
        #expect(row.kind == "withdrawal-takes-effect")
        #expect(row.title == "Hungary’s withdrawal from the Rome Statute takes effect")
        #expect(row.anchor == "2025-06-02-hungary-notifies-hungary-takes-effect")
        #expect(row.entities.map(\.title) == ["Hungary", "Rome Statute"])
        // The notification's sources, not the rule's (whose sources are other states' cases).
        #expect(row.sources == ["news"])
        #expect(row.treaty?.title == "Rome Statute")
        let derivation = try #require(row.derivation)
        #expect(derivation.cause.path == "events/2025-06-02-hungary-notifies/")
        #expect(derivation.treaty.title == "Rome Statute")
        #expect(derivation.article == "Article 127(1)")
        #expect(derivation.period == Period(years: 1))
    }

    @Test func disputedNotificationYieldsDisputedEvent() async throws {
        let row = try #require(derived(try await timeline(), for: "Niger").first)
        #expect(row.date.description == "2027-06-18")
        #expect(row.status == .disputed)
    }

    @Test(arguments: [
        (EventStatus.confirmed, EventStatus.projected), (.reported, .projected), (.projected, .projected), (.unconfirmed, .unconfirmed),
        (.disputed, .disputed),
    ])
    func derivedStatusTakesTheCausesDoubt(cause: EventStatus, expected: EventStatus) async throws {
        let timeline = try await timeline { site in
            try site.edit("events/2026-06-18-niger-notifies.md", replacing: "status: disputed", with: "status: \(cause.rawValue)")
        }
        #expect(derived(timeline, for: "Niger").first?.status == expected)
    }

    @Test func monthPrecisionNotificationGivesAMonthPrecisionDate() async throws {
        let row = try #require(derived(try await timeline(), for: "Chad").first)
        #expect(row.date == DossierDate(start: CalendarPoint(year: 2027, month: 1)))
        #expect(row.date.precision == .month)
        #expect(DateFormatting.display(row.date) == "January 2027")
    }

    @Test("an announcement without a notification is pending")
    func announcementWithoutNotificationIsPending() async throws {
        let timeline = try await timeline()
        #expect(timeline.pending.map(\.state.title) == ["Mali"])
        let pending = try #require(timeline.pending.first)
        #expect(pending.announcement.path == "events/2025-09-22-mali-announces/")
        #expect(pending.treaty.title == "Rome Statute")
        #expect(pending.article == "Article 127(1)")
        #expect(derived(timeline, for: "Mali").isEmpty)
    }

    @Test func notificationBeforeTheAnnouncementDoesNotCount() async throws {
        let timeline = try await timeline { site in
            try site.edit("events/2025-04-03-hungary-announces.md", replacing: "date: \"2025-04-03\"", with: "date: \"2025-07-01\"")
        }
        #expect(Set(timeline.pending.map(\.state.title)) == ["Mali", "Hungary"])
    }

    @Test("a rescission cancels the derivation")
    func rescissionCancelsDerivation() async throws {
        let timeline = try await timeline()
        #expect(derived(timeline, for: "The Gambia").isEmpty)
        let notification = try #require(timeline.events.first { $0.page?.path == "events/2016-11-10-gambia-notifies/" })
        #expect(notification.notes.count == 1)
        #expect(notification.notes.first?.hasPrefix("Rescinded on 10 February 2017") == true)
        #expect(notification.notes.first?.contains("10 November 2017") == true)
    }

    @Test func withoutTheRescissionTheGambiaGetsADerivedEvent() async throws {
        let timeline = try await timeline { site in
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("events/2017-02-10-gambia-rescinds.md"))
        }
        #expect(derived(timeline, for: "The Gambia").first?.date.description == "2017-11-10")
    }

    @Test func recordedEffectiveDateIsCheckedNotDuplicated() async throws {
        let timeline = try await timeline()
        #expect(derived(timeline, for: "Burundi").isEmpty)
        let effective = try #require(timeline.events.first { $0.page?.path == "events/2017-10-27-burundi-leaves/" })
        #expect(effective.notes == ["Article 127(1) computed from the notification of 27 October 2016: 27 October 2017, which matches."])
    }

    @Test func recordedEffectiveDateThatDiffersIsFlagged() async throws {
        let timeline = try await timeline { site in
            try site.edit("events/2017-10-27-burundi-leaves.md", replacing: "date: \"2017-10-27\"", with: "date: \"2017-10-28\"")
        }
        let effective = try #require(timeline.events.first { $0.kind == "withdrawal-effective" })
        #expect(effective.notes.first?.hasSuffix("which differs from the recorded date.") == true)
    }

    @Test func noRuleNoDerivation() async throws {
        let timeline = try await timeline { site in
            try site.edit(
                "entities/treaties/rome-statute.md",
                replacing: "withdrawal_rule: {article: \"Article 127(1)\", period: \"1 year\", sources: [untc]}\n", with: "")
        }
        #expect(timeline.events.allSatisfy { $0.derivation == nil })
        #expect(timeline.pending.isEmpty)
    }

    @Test func rowsAreInDateOrderWithUniqueAnchors() async throws {
        let timeline = try await timeline()
        #expect(timeline.events.count == 9 + 3)  // nine recorded, three derived
        #expect(zip(timeline.events, timeline.events.dropFirst()).allSatisfy { !($1.date < $0.date) })
        #expect(Set(timeline.events.map(\.anchor)).count == timeline.events.count)
        #expect(timeline.asOf == DossierDate(start: CalendarPoint(year: 2026, month: 11, day: 29)))
        #expect(timeline.events(of: "entities/countries/hungary/").map(\.date.description) == ["2025-04-03", "2025-06-02", "2026-06-02"])
    }
}
