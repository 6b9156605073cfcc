/// A timeline longer than a page holds (`PageLimits.timelineEvents`): `timeline/` draws the
/// years the dossier focuses on and lists the years, and each year's events are on a page
/// of their own, `timeline/<year>/`.
extension PageContext {
    /// The years that have events, in order, with how many each has.
    func timelineYears() -> [(year: Int, count: Int)] {
        var years: [(year: Int, count: Int)] = []
        for event in timeline.events {
            if event.date.start.year != years.last?.year { years.append((event.date.start.year, 0)) }
            years[years.count - 1].count += 1
        }
        return years
    }

    /// The overview of a long timeline: the focus years only, at most `limit` events, the newest.
    func focusedOverview(limit: Int) -> (svg: String, shown: [TimelineEvent]) {
        let focus = timeline.focusDays
        let shown = Array(timeline.events.filter { focus.contains($0.date.firstDay) }.suffix(limit))
        let drawn = Timeline(events: shown, pending: [], asOf: timeline.asOf, focus: timeline.focus)
        return (TimelineDrawing.overview(drawn, url: url, words: interfaceWords, names: markNames), shown)
    }

    func yearPageValues(year: Int?, limit: Int) -> [String: Any] {
        let years = timelineYears()
        let links = years.map { entry -> [String: Any] in
            [
                "year": entry.year, "url": url(Timeline.yearPath(entry.year)), "count": entry.count,
                "current": entry.year == year,
            ]
        }
        guard let year else {
            let (overview, shown) = focusedOverview(limit: limit)
            let span = shown.first.map { first in
                let (from, to) = (first.date.start.year, shown.last!.date.start.year)
                return from == to
                    ? phrase("timeline_span_year", or: "of {year}", ["year": String(from)])
                    : phrase("timeline_span_years", or: "from {from} to {to}", ["from": String(from), "to": String(to)])
            }
            let pages = phrase(
                "timeline_rule_pages", or: "With {count} events, each year’s are listed on a page of their own.",
                ["count": number(timeline.events.count)])
            let drawing = span.map {
                phrase(
                    "timeline_rule_drawing",
                    or: "The drawing shows the {shown} events {span}, the years the dossier focuses on (at most {limit}, the newest).",
                    ["shown": number(shown.count), "span": $0, "limit": number(limit)])
            }
            let rule = pages + (drawing.map { " " + $0 } ?? "")
            return [
                "overview": shown.isEmpty ? false as Any : overview,
                "timeline_rule": rule,
                "year_pages": links,
                "year_nav": false,
            ]
        }
        let position = years.firstIndex { $0.year == year }
        let previous = position.flatMap { $0 > 0 ? years[$0 - 1].year : nil }
        let next = position.flatMap { $0 + 1 < years.count ? years[$0 + 1].year : nil }
        return [
            "timeline_rule": false,
            "year_pages": [] as [Any],
            "year_nav": [
                "year": year,
                "all_url": url(Timeline.path),
                "previous": previous.map { ["year": $0, "url": url(Timeline.yearPath($0))] as [String: Any] } ?? false,
                "next": next.map { ["year": $0, "url": url(Timeline.yearPath($0))] as [String: Any] } ?? false,
            ] as [String: Any],
        ]
    }
}
