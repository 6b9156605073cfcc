/// Where each state's withdrawal from a treaty stands, read off the timeline: the
/// announcement, the notification and the date it takes effect (recorded, computed from
/// the treaty rule, or rescinded). Nothing here is typed by hand; a new event moves a row.
public struct WithdrawalCase: Sendable {
    /// One step of a withdrawal: the event that records it, or nil when none was found.
    public struct Step: Sendable {
        public var event: TimelineEvent
    }

    public enum Outcome: Sendable {
        /// No notification found, so no date can be computed.
        case notNotified
        /// Computed from the notification by the treaty rule (the derived event).
        case computed(TimelineEvent)
        /// A recorded event says it took effect.
        case recorded(TimelineEvent)
        /// The notification was withdrawn.
        case rescinded(TimelineEvent)
    }

    public var state: LinkTarget
    public var treaty: LinkTarget
    public var announced: Step?
    public var notified: Step?
    public var outcome: Outcome
    /// The first day of the earliest step; cases are ordered by it, newest first.
    var firstDay: Int
    /// The state's place among the entities of its first event, so states announced
    /// together keep the order the source gives.
    var orderInEvent: Int
}

public enum WithdrawalTracker {
    /// Every (state, treaty) pair that a withdrawal event names, newest first.
    /// `isState` says which entities are states (countries).
    public static func cases(_ timeline: Timeline, isState: (LinkTarget) -> Bool) -> [WithdrawalCase] {
        struct Key: Hashable { var state: String; var treaty: String }
        var steps: [Key: [TimelineEvent]] = [:]
        var targets: [Key: (LinkTarget, LinkTarget)] = [:]
        var order: [Key: Int] = [:]
        for event in timeline.events {
            guard let kind = event.kind, trackedKinds.contains(kind), let treaty = event.treaty else { continue }
            for (index, state) in event.entities.filter(isState).enumerated() {
                let key = Key(state: state.path, treaty: treaty.path)
                if steps[key] == nil { order[key] = index; targets[key] = (state, treaty) }
                steps[key, default: []].append(event)
            }
        }
        let cases = steps.map { key, events -> WithdrawalCase in
            let (state, treaty) = targets[key]!
            return makeCase(state: state, treaty: treaty, events: events, orderInEvent: order[key]!)
        }
        return cases.sorted {
            ($1.firstDay, $0.orderInEvent, $0.state.sortKey, $0.treaty.sortKey) < (
                $0.firstDay, $1.orderInEvent, $1.state.sortKey, $1.treaty.sortKey
            )
        }
    }

    static let trackedKinds: Set<String> = [
        TimelineBuilder.announcement, TimelineBuilder.notification, TimelineBuilder.rescission, TimelineBuilder.effective,
        derivedKind,
    ]
    static let derivedKind = "withdrawal-takes-effect"

    /// `events` are one state's withdrawal events under one treaty, in date order.
    /// The latest notification counts, and the latest announcement not after it, so a
    /// state that left, rejoined and left again shows where it stands now.
    static func makeCase(state: LinkTarget, treaty: LinkTarget, events: [TimelineEvent], orderInEvent: Int) -> WithdrawalCase {
        let notification = events.last { $0.kind == TimelineBuilder.notification && $0.derivation == nil }
        let announcement = events.last { event in
            event.kind == TimelineBuilder.announcement && (notification.map { !($0.date < event.date) } ?? true)
        }
        var outcome = WithdrawalCase.Outcome.notNotified
        if let notification {
            let after = events.filter { !($0.date < notification.date) }
            if let rescission = after.first(where: { $0.kind == TimelineBuilder.rescission }) {
                outcome = .rescinded(rescission)
            } else if let recorded = after.first(where: { $0.kind == TimelineBuilder.effective }) {
                outcome = .recorded(recorded)
            } else if let computed = events.first(where: { $0.derivation?.cause.path == notification.page?.path }) {
                outcome = .computed(computed)
            }
        }
        let first = [announcement, notification].compactMap { $0?.date.firstDay }.min() ?? events.first!.date.firstDay
        return WithdrawalCase(
            state: state, treaty: treaty, announced: announcement.map(WithdrawalCase.Step.init),
            notified: notification.map(WithdrawalCase.Step.init), outcome: outcome, firstDay: first, orderInEvent: orderInEvent)
    }
}

extension WithdrawalCase {
    /// A short phrase for where the case stands on `asOf`, e.g. "Withdrawal scheduled".
    public func standing(asOf: DossierDate?) -> String { standingKey(asOf: asOf).english }

    /// The phrase's interface key (`Templates/i18n/`) and its English.
    func standingKey(asOf: DossierDate?) -> (key: String, english: String) {
        func isPast(_ event: TimelineEvent) -> Bool { asOf.map { event.date.lastDay <= $0.lastDay } ?? false }
        switch outcome {
        case .notNotified:
            return announced == nil
                ? ("tracker_no_withdrawal", "No withdrawal recorded")
                : ("tracker_announced_not_notified", "Announced; no notification found")
        case .rescinded:
            return ("tracker_withdrawal_rescinded", "Withdrawal rescinded")
        case .recorded(let event):
            return isPast(event) ? ("tracker_withdrawn", "Withdrawn") : ("tracker_withdrawal_scheduled", "Withdrawal scheduled")
        case .computed(let event):
            // Each its own sentence: a language may need the adjective to agree with "date".
            if event.status == .disputed { return ("tracker_date_disputed", "Notified; the date is disputed") }
            if event.status == .unconfirmed { return ("tracker_date_unconfirmed", "Notified; the date is unconfirmed") }
            // A computed date that has passed is not a record that the withdrawal took effect.
            return isPast(event)
                ? ("tracker_due_not_recorded", "Due to have taken effect; not recorded") : ("tracker_notified_pending", "Notified; pending")
        }
    }
}
