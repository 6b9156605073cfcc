/// The timeline overview as SVG drawn by Swift: one lane per actor, a tick per year,
/// a "today" line at the as-of date. Wide by design; the page lets it scroll sideways.
enum TimelineDrawing {
    static let laneHeight = 34.0
    static let yearWidth = 64.0
    static let labelWidth = 150.0
    static let maxLanes = 9

    static func overview(_ timeline: Timeline, url: (String) -> String) -> String {
        guard let first = timeline.events.first, let last = timeline.events.last else { return "" }
        var counts: [LinkTarget: Int] = [:]
        for event in timeline.events { for entity in event.entities { counts[entity, default: 0] += 1 } }
        let lanes = counts.sorted { ($1.value, $0.key.title) < ($0.value, $1.key.title) }.prefix(maxLanes).map(\.key)
        let firstYear = first.date.start.year
        let lastYear = max(last.date.lastYear, timeline.asOf?.start.year ?? last.date.lastYear)
        let years = lastYear - firstYear + 1
        let width = labelWidth + Double(years) * yearWidth + 20
        let height = Double(lanes.count + 1) * laneHeight + 30
        func x(_ ordinal: Int) -> Double {
            let yearStart = CivilCalendar.ordinal(firstYear, 1, 1)
            return labelWidth + Double(ordinal - yearStart) / 365.2425 * yearWidth
        }
        var svg = "<svg class=\"timeline-overview\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-labelledby=\"overview-title overview-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"overview-title\">Timeline overview, \(firstYear)–\(lastYear)</title>"
        svg += "<desc id=\"overview-desc\">\(timeline.events.count) events in lanes for \(HTML.escape(lanes.map(\.title).joined(separator: ", "))) and all others; the full list follows below.</desc>"
        for year in firstYear...lastYear {
            let tick = x(CivilCalendar.ordinal(year, 1, 1))
            svg += "<line class=\"tick\" x1=\"\(fmt(tick))\" y1=\"0\" x2=\"\(fmt(tick))\" y2=\"\(fmt(height - 24))\"/>"
            if (year - firstYear) % 2 == 0 || years < 16 {
                svg += "<text class=\"year\" x=\"\(fmt(tick + 3))\" y=\"\(fmt(height - 8))\">\(year)</text>"
            }
        }
        let laneNames = lanes.map(\.title) + ["Others"]
        for (index, name) in laneNames.enumerated() {
            let y = Double(index) * laneHeight + laneHeight / 2
            svg += "<text class=\"lane\" x=\"4\" y=\"\(fmt(y + 4))\">\(HTML.escape(name))</text>"
            svg += "<line class=\"lane-rule\" x1=\"\(fmt(labelWidth))\" y1=\"\(fmt(y))\" x2=\"\(fmt(width - 10))\" y2=\"\(fmt(y))\"/>"
        }
        for event in timeline.events {
            let laneIndexes = event.entities.compactMap { lanes.firstIndex(of: $0) }
            for lane in laneIndexes.isEmpty ? [lanes.count] : laneIndexes {
                let y = Double(lane) * laneHeight + laneHeight / 2
                let x1 = x(event.date.firstDay), x2 = x(event.date.lastDay)
                let label = HTML.escape("\(DateFormatting.display(event.date)): \(event.title) (\(event.status.rawValue))")
                svg += "<a href=\"\(HTML.escape(url("timeline/#" + event.anchor)))\" class=\"mark status-\(event.status.rawValue)\">"
                if x2 - x1 > 6 {
                    svg += "<rect x=\"\(fmt(x1))\" y=\"\(fmt(y - 5))\" width=\"\(fmt(x2 - x1))\" height=\"10\" rx=\"3\"><title>\(label)</title></rect>"
                } else {
                    svg += "<circle cx=\"\(fmt(x1))\" cy=\"\(fmt(y))\" r=\"5\"><title>\(label)</title></circle>"
                }
                svg += "</a>"
            }
        }
        if let asOf = timeline.asOf {
            let today = x(asOf.firstDay)
            svg += "<line class=\"today\" x1=\"\(fmt(today))\" y1=\"0\" x2=\"\(fmt(today))\" y2=\"\(fmt(height - 24))\"/>"
            svg += "<text class=\"today-label\" x=\"\(fmt(today - 4))\" y=\"12\" text-anchor=\"end\">as of \(DateFormatting.display(asOf))</text>"
        }
        return svg + "</svg>"
    }
}

extension DossierDate {
    var lastYear: Int { (end ?? start).year }
}
