/// The period a timeline opens on: by default from about two years before the as-of
/// date to a little after the last event (the last projected date), or `focus` from
/// site.yml. Day ordinals, end exclusive.
enum TimelineFocus {
    /// The first of the month two years before `asOf` (or before the last event).
    static func defaultStart(asOf: DossierDate?, events: [TimelineEvent]) -> Int {
        let anchor = asOf?.firstDay ?? events.map(\.date.lastDay).max() ?? 0
        let (year, month, _) = CivilCalendar.components(ofOrdinal: anchor)
        return CivilCalendar.ordinal(year - 2, month, 1)
    }

    static func range(of timeline: Timeline) -> Range<Int> { timeline.focusDays }

    static func range(events: [TimelineEvent], asOf: DossierDate?, focus: DossierDate?) -> Range<Int> {
        if let focus { return focus.firstDay..<(focus.lastDay + 1) }
        let start = defaultStart(asOf: asOf, events: events)
        let last = max(events.map(\.date.lastDay).max() ?? start, asOf?.lastDay ?? start)
        return start..<monthStart(after: last + 45)
    }

    /// The first day of the month after the one holding `day`.
    static func monthStart(after day: Int) -> Int {
        let (year, month, _) = CivilCalendar.components(ofOrdinal: day)
        return month == 12 ? CivilCalendar.ordinal(year + 1, 1, 1) : CivilCalendar.ordinal(year, month + 1, 1)
    }
}
