/// One row of the timeline: a recorded event, or one the build derived from a treaty rule.
public struct TimelineEvent: Sendable {
    public struct Derivation: Sendable {
        public var cause: LinkTarget
        public var treaty: LinkTarget
        public var article: String
        public var period: Period
    }

    /// Anchor on the timeline page; unique.
    public var anchor: String
    /// Page of a recorded event; nil for derived ones, which live on the timeline only.
    public var page: LinkTarget?
    public var title: String
    public var date: DossierDate
    public var status: EventStatus
    public var kind: String?
    public var entities: [LinkTarget]
    public var sources: [String]
    public var derivation: Derivation?
    /// What the build says about the event's date, e.g. a check against art. 127.
    public var notes: [String]
    public var dateNote: String?
    /// The treaty a withdrawal event is under (`treaty:` in front matter, or the derivation's).
    public var treaty: LinkTarget? = nil
    /// The page the event's row is on: the timeline, or its year's page on a long one.
    public var rowPage = Timeline.path

    /// Where the row is, with its anchor: what a derived event, which has no page, links to.
    public var rowPath: String { rowPage + "#" + anchor }
    /// The event's page, or its row for a derived one.
    public var path: String { page?.path ?? rowPath }
}

/// A withdrawal announced under a treaty with no notification recorded: no date can be computed.
public struct PendingWithdrawal: Sendable {
    public var announcement: LinkTarget
    public var state: LinkTarget
    public var treaty: LinkTarget
    public var article: String
}

public struct Timeline: Sendable {
    public static let path = "timeline/"
    static func yearPath(_ year: Int) -> String { "\(path)\(year)/" }

    public private(set) var events: [TimelineEvent]
    public var pending: [PendingWithdrawal]
    public var asOf: DossierDate?
    /// `focus` from site.yml, if set.
    public let focus: DossierDate?
    /// The days the drawings open on (see `TimelineFocus`); made once, read by every page.
    let focusDays: Range<Int>
    /// Indexes, so a page finds its events without reading every event of the site.
    private var eventsByEntity: [String: [Int]] = [:]
    private var eventsByCause: [String: [Int]] = [:]
    private var rowsByPage: [String: Int] = [:]

    /// Each year's rows on a page of their own: the timeline has more than a page holds.
    public var byYear: Bool { events.first.map { $0.rowPage != Self.path } ?? false }

    /// Past `limit` events, each year's rows go on a page of their own (`timeline/<year>/`).
    public mutating func pageByYear(past limit: Int) {
        let split = events.count > limit
        for index in events.indices {
            events[index].rowPage = split ? Self.yearPath(events[index].date.start.year) : Self.path
        }
    }

    public init(events: [TimelineEvent], pending: [PendingWithdrawal], asOf: DossierDate?, focus: DossierDate? = nil) {
        self.events = events
        self.focus = focus
        focusDays = TimelineFocus.range(events: events, asOf: asOf, focus: focus)
        self.pending = pending
        self.asOf = asOf
        for (index, event) in events.enumerated() {
            for entity in Set(event.entities.map(\.path)) { eventsByEntity[entity, default: []].append(index) }
            if let cause = event.derivation?.cause.path { eventsByCause[cause, default: []].append(index) }
            if let page = event.page?.path, rowsByPage[page] == nil { rowsByPage[page] = index }
        }
    }

    /// Entity path → its events, in date order.
    public func events(of entityPath: String) -> [TimelineEvent] {
        (eventsByEntity[entityPath] ?? []).map { events[$0] }
    }

    /// The events derived from the event at this page path.
    public func consequences(of eventPath: String) -> [TimelineEvent] {
        (eventsByCause[eventPath] ?? []).map { events[$0] }
    }

    /// The row of a recorded event, by its page path.
    public func row(of eventPath: String) -> TimelineEvent? {
        rowsByPage[eventPath].map { events[$0] }
    }

    /// Where a recorded event's row is in `events`.
    func index(of eventPath: String) -> Int? { rowsByPage[eventPath] }

}

/// The `timeline` stage: sorts events across precisions and adds the dates that follow
/// from treaty law, never inventing one that the record does not support.
public enum TimelineBuilder {
    static let announcement = EventKind.withdrawalAnnouncement.rawValue
    static let notification = EventKind.withdrawalNotification.rawValue
    static let rescission = EventKind.withdrawalRescission.rawValue
    static let effective = EventKind.withdrawalEffective.rawValue

    /// `words`: the language of the titles it writes for computed dates.
    public static func build(_ site: LinkedSite) -> Timeline { build(site, words: .english) }

    static func build(_ site: LinkedSite, words: InterfaceWords) -> Timeline {
        let catalog = site.catalog
        let entityByPath = site.entitiesByPath
        func states(of event: Event) -> [LinkTarget] {
            (site.eventEntities[event.header.path] ?? []).filter { entityByPath[$0.path]?.kind == .country }
        }
        func matches(_ event: Event, kind: String, state: LinkTarget, treaty: LinkTarget) -> Bool {
            event.kind == kind && site.eventTreaty[event.header.path] == treaty && states(of: event).contains(state)
        }

        var rows: [TimelineEvent] = catalog.events.map { event in
            TimelineEvent(
                anchor: event.header.slug, page: NameIndex.target(event.header), title: event.header.title.value,
                date: event.date.value, status: event.status, kind: event.kind, entities: site.eventEntities[event.header.path] ?? [],
                sources: event.sources.map(\.value), derivation: nil, notes: [], dateNote: event.dateNote,
                treaty: site.eventTreaty[event.header.path])
        }
        var indexByPath: [String: Int] = [:]
        for (index, row) in rows.enumerated() { indexByPath[row.page!.path] = index }

        // Only withdrawal events can rescind, confirm or notify; the rest need not be searched.
        let withdrawalEvents = catalog.events.filter { [notification, rescission, effective].contains($0.kind ?? "") }
        var derived: [TimelineEvent] = []
        for event in catalog.events where event.kind == notification {
            guard let treaty = site.eventTreaty[event.header.path], let rule = entityByPath[treaty.path]?.withdrawalRule else { continue }
            let cause = NameIndex.target(event.header)
            for state in states(of: event) {
                let effectiveDate = rule.period.added(to: event.date.value)
                let later = withdrawalEvents.filter { $0.date.value > event.date.value || $0.date.value == event.date.value }
                if let rescinded = later.first(where: { matches($0, kind: rescission, state: state, treaty: treaty) }) {
                    rows[indexByPath[cause.path]!].notes.append(
                        words.phrase(
                            "derived_note_rescinded",
                            or: "Rescinded on {date}; under {article} it would otherwise have taken effect on {effect}.",
                            [
                                "date": DateFormatting.display(rescinded.date.value), "article": words.article(rule.article),
                                "effect": DateFormatting.display(effectiveDate),
                            ]))
                    continue
                }
                if let recorded = later.first(where: { matches($0, kind: effective, state: state, treaty: treaty) }) {
                    let agrees = recorded.date.value == effectiveDate
                    let values = [
                        "article": words.article(rule.article), "notified": DateFormatting.display(event.date.value),
                        "effect": DateFormatting.display(effectiveDate),
                    ]
                    rows[indexByPath[recorded.header.path]!].notes.append(
                        agrees
                            ? words.phrase(
                                "derived_note_matches",
                                or: "{article} computed from the notification of {notified}: {effect}, which matches.", values)
                            : words.phrase(
                                "derived_note_differs",
                                or:
                                    "{article} computed from the notification of {notified}: {effect}, which differs from the recorded date.",
                                values))
                    continue
                }
                let status: EventStatus = event.status.doubt >= EventStatus.unconfirmed.doubt ? event.status : .projected
                derived.append(
                    TimelineEvent(
                        anchor: "\(event.header.slug)-\(state.path.split(separator: "/").last ?? "")-takes-effect",
                        page: nil,
                        title: words.phrase(
                            "derived_title", or: "{state}’s withdrawal from the {treaty} takes effect",
                            ["state": state.title, "treaty": treaty.title]),
                        date: effectiveDate, status: status, kind: "withdrawal-takes-effect",
                        // The date is as good as the notification's: its sources are the evidence.
                        // The rule's own sources (other states' precedents) stay on the treaty's page.
                        entities: [state, treaty], sources: event.sources.map(\.value),
                        derivation: .init(cause: cause, treaty: treaty, article: rule.article, period: rule.period),
                        notes: [], dateNote: nil, treaty: treaty))
            }
        }

        var pending: [PendingWithdrawal] = []
        for event in catalog.events where event.kind == announcement {
            guard let treaty = site.eventTreaty[event.header.path], let rule = entityByPath[treaty.path]?.withdrawalRule else { continue }
            for state in states(of: event) {
                let notified = withdrawalEvents.contains {
                    matches($0, kind: notification, state: state, treaty: treaty) && !($0.date.value < event.date.value)
                }
                if !notified {
                    pending.append(
                        PendingWithdrawal(announcement: NameIndex.target(event.header), state: state, treaty: treaty, article: rule.article)
                    )
                }
            }
        }
        let all = (rows + derived).sorted { ($0.date, $0.anchor) < ($1.date, $1.anchor) }
        return Timeline(events: all, pending: pending, asOf: catalog.site.asOf, focus: catalog.site.focus)
    }
}
