import Foundation

/// Timelines drawn by Swift as SVG: lanes of events on a time scale that may break
/// before the focus period, status told by shape, precision by bands, bars and whiskers,
/// computed dates joined to their cause, and labels placed so that none overlap. The
/// page is complete with these alone; `timeline.js` only adds zoom, pan and filters.
enum TimelineDrawing {
    struct Lane {
        var id: String
        var title: String
        var events: [TimelineEvent]
    }

    /// One drawing at one width. Text sizes are in user units, drawn at about 1:1.
    struct Layout {
        var width: Double
        var labelRows: Int
        var fontSize = 11.0
        var rowHeight = 15.0
        /// Label events of every kind when room is left after the key ones.
        var labelAll = false
    }

    /// The kinds whose events are labelled on the chart: the steps of a withdrawal and
    /// coups, which the dossier's story turns on. Others are labelled on hover and focus.
    static let keyKinds: [String: (key: String, english: String)] = [
        TimelineBuilder.announcement: ("timeline_kind_announced", "Announced"),
        TimelineBuilder.notification: ("timeline_kind_notified", "Notified"),
        TimelineBuilder.rescission: ("timeline_kind_rescinded", "Rescinded"),
        TimelineBuilder.effective: ("timeline_kind_took_effect", "Took effect"),
        WithdrawalTracker.derivedKind: ("timeline_kind_takes_effect", "Takes effect"),
        "coup": ("timeline_kind_coup", "Coup"),
    ]

    /// The site's overview: lanes for the actors with most events, one drawing per width
    /// the page offers (CSS shows the one that fits).
    static func overview(
        _ timeline: Timeline, url: (String) -> String, words: InterfaceWords = .english, names: MarkNames? = nil
    ) -> String {
        guard !timeline.events.isEmpty else { return "" }
        let focus = TimelineFocus.range(of: timeline)
        let all = timeline.events.map(\.date.firstDay).min()!..<max(focus.upperBound, timeline.events.map(\.date.lastDay).max()! + 1)
        let variants: [(String, Layout, Int)] = [
            ("tl-wide", Layout(width: 920, labelRows: 2), 7),
            ("tl-medium", Layout(width: 600, labelRows: 2), 6),
            ("tl-narrow", Layout(width: 360, labelRows: 2, fontSize: 10.5, rowHeight: 14), 5),
        ]
        return variants.map { variant, layout, laneCount in
            let lanes = overviewLanes(timeline.events, count: laneCount, others: words.word("timeline_others", or: "Others"))
            let scale = TimelineScale.focused(all: all, focus: focus, xs: 4...(layout.width - 6))
            return draw(
                lanes: lanes, scale: scale, layout: layout, asOf: timeline.asOf, highlight: nil, url: url,
                title: words.phrase(
                    "timeline_overview_title", or: "Timeline, {from}–{to}, opening on {focus_from}–{focus_to}",
                    [
                        "from": String(year(all.lowerBound)), "to": String(year(all.upperBound - 1)),
                        "focus_from": String(year(focus.lowerBound)), "focus_to": String(year(focus.upperBound - 1)),
                    ]),
                cssClass: "timeline-drawing timeline-overview \(variant)", words: words, names: names)
        }.joined()
    }

    /// An entity's own events, on the site's focus when some of them fall in it.
    static func entity(
        _ title: String, events: [TimelineEvent], timeline: Timeline, url: (String) -> String, words: InterfaceWords = .english,
        names: MarkNames? = nil
    ) -> String {
        guard !events.isEmpty else { return "" }
        let focus = TimelineFocus.range(of: timeline)
        let first = events.map(\.date.firstDay).min()!, last = events.map(\.date.lastDay).max()! + 1
        let lane = Lane(id: "self", title: title, events: events)
        return [("tl-medium", 660.0), ("tl-narrow", 360.0)].map { variant, width in
            let layout = Layout(width: width, labelRows: 3, fontSize: width < 400 ? 10.5 : 11, labelAll: true)
            let xs = 4...(width - 6)
            let inFocus = events.contains { focus.contains($0.date.firstDay) }
            let scale =
                inFocus
                // An entity's own history matters more on its page: the earlier segment gets more room.
                ? TimelineScale.focused(all: first..<max(last, focus.upperBound), focus: focus, xs: xs, earlierShare: 0.3)
                : TimelineScale.linear(padded(first..<last), xs: xs)
            return draw(
                lanes: [lane], scale: scale, layout: layout, asOf: timeline.asOf, highlight: nil, url: url,
                title: words.phrase("timeline_of", or: "Timeline of {title}", ["title": title]),
                cssClass: "timeline-drawing timeline-scoped \(variant)", words: words, names: names)
        }.joined()
    }

    /// An event among the events just before and after it.
    static func neighbourhood(
        of eventPath: String, timeline: Timeline, url: (String) -> String, words: InterfaceWords = .english, names: MarkNames? = nil
    ) -> String {
        guard let index = timeline.index(of: eventPath) else { return "" }
        let anchor = timeline.events[index].anchor
        let events = Array(timeline.events[max(0, index - 5)...min(timeline.events.count - 1, index + 5)])
        let first = events.map(\.date.firstDay).min()!, last = events.map(\.date.lastDay).max()! + 1
        let lane = Lane(id: "nearby", title: words.word("timeline_nearby", or: "Nearby events"), events: events)
        return [("tl-medium", 660.0), ("tl-narrow", 360.0)].map { variant, width in
            let layout = Layout(width: width, labelRows: 3, fontSize: width < 400 ? 10.5 : 11, labelAll: true)
            return draw(
                lanes: [lane], scale: .linear(padded(first..<last), xs: 4...(width - 6)), layout: layout, asOf: timeline.asOf,
                highlight: anchor, url: url,
                title: words.phrase("timeline_around", or: "{title} among the events around it", ["title": timeline.events[index].title]),
                cssClass: "timeline-drawing timeline-scoped \(variant)", words: words, names: names)
        }.joined()
    }

    /// Each event's mark name (`accessibleName`), escaped, made the first time a page draws
    /// the event and kept for the others: an event is a mark on a dozen pages, at two widths
    /// each. Made as pages ask, so that `serve`, which renders a page or two, makes a few.
    final class MarkNames: @unchecked Sendable {
        private let words: InterfaceWords
        private let lock = NSLock()
        private var names: [String: String] = [:]

        init(words: InterfaceWords) { self.words = words }

        func name(of event: TimelineEvent) -> String {
            lock.lock()
            defer { lock.unlock() }
            if let name = names[event.anchor] { return name }
            let name = HTML.escape(accessibleName(event, words: words))
            names[event.anchor] = name
            return name
        }
    }

    /// Lanes for the actors named by most events, in that order, and one for the rest.
    static func overviewLanes(_ events: [TimelineEvent], count: Int, others othersTitle: String = "Others") -> [Lane] {
        var counts: [LinkTarget: Int] = [:]
        for event in events { for entity in event.entities { counts[entity, default: 0] += 1 } }
        let actors = counts.sorted { ($1.value, $0.key.sortKey) < ($0.value, $1.key.sortKey) }.prefix(count).map(\.key)
        let byAnchor = Dictionary(events.compactMap { e in e.page.map { ($0.path, e) } }, uniquingKeysWith: { a, _ in a })
        var lanes = actors.map { Lane(id: String($0.path.split(separator: "/").last ?? "lane"), title: $0.title, events: []) }
        var others = Lane(id: "others", title: othersTitle, events: [])
        for event in events {
            // A computed date sits with its cause, so the two can be joined.
            let entities = event.derivation.flatMap { byAnchor[$0.cause.path] }?.entities ?? event.entities
            let indexes = Set(entities.compactMap { actors.firstIndex(of: $0) })
            if indexes.isEmpty { others.events.append(event) }
            for index in indexes.sorted() { lanes[index].events.append(event) }
        }
        return others.events.isEmpty ? lanes : lanes + [others]
    }

    static func padded(_ days: Range<Int>) -> Range<Int> {
        let pad = max(20, days.count / 20)
        return (days.lowerBound - pad)..<(days.upperBound + pad)
    }

    static func year(_ day: Int) -> Int { CivilCalendar.components(ofOrdinal: day).year }
}
