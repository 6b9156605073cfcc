/// The SVG of one timeline drawing. Coordinates inside a lane are relative to the lane,
/// so the script can stack lanes again when some are filtered out; each mark carries
/// its days (`data-a`, `data-b`: first day, day after the last) so it can be moved on zoom.
extension TimelineDrawing {
    static let topBand = 18.0

    static func draw(
        lanes: [Lane], scale: TimelineScale, layout: Layout, asOf: DossierDate?, highlight: String?, url: (String) -> String,
        title: String, cssClass: String, words: InterfaceWords = .english, names: MarkNames? = nil
    ) -> String {
        let font = layout.fontSize
        let names = names ?? MarkNames(words: words)
        var body = ""
        var top = topBand
        var labelled: Set<String> = []
        var focusable: Set<String> = []
        var markIndex = 0
        // A lane whose events get no label keeps only the row of its name.
        func drawLane(
            _ lane: Lane, rows labelRows: Int, labelled: inout Set<String>, focusable: inout Set<String>, markIndex: inout Int
        )
            -> (svg: String, height: Double, labels: Int)
        {
            var layout = layout
            layout.labelRows = labelRows
            var labelCount = 0
            // Places in the lane of the computed dates whose cause is in it too.
            let connectors = lane.events.indices.filter { index in
                lane.events[index].derivation.map { d in lane.events.contains { $0.page?.path == d.cause.path } } ?? false
            }
            let markY = Double(layout.labelRows) * layout.rowHeight + 9
            let height = markY + (connectors.isEmpty ? 12 : 30)
            var board = LabelBoard(bounds: 0...layout.width)
            var inner = ""
            // The lane's name opens its first row; labels fill around it.
            let nameWidth = LabelBoard.textWidth(lane.title, fontSize: font) * 1.08
            board.reserve(.init(x: 0, y: 0, width: nameWidth + 4, height: layout.rowHeight))
            inner += "<text class=\"lane-name\" x=\"2\" y=\"\(fmt(font))\">\(HTML.escape(lane.title))</text>"
            inner +=
                "<line class=\"lane-rule\" x1=\"\(fmt(scale.plotStart))\" y1=\"\(fmt(markY))\" x2=\"\(fmt(scale.plotEnd))\" y2=\"\(fmt(markY))\"/>"
            var marks = "", labels = ""
            // Each event's x and mark index, by its place in the lane (a lane holds an event once).
            var positions: [Double] = []
            var indexes: [Int] = []
            for event in lane.events {
                let a = event.date.firstDay, b = event.date.lastDay + 1
                let cx = event.date.precision == .day && event.date.end == nil ? scale.x(a) : (scale.x(a) + scale.x(b)) / 2
                positions.append(cx)
                indexes.append(markIndex)
                let name = names.name(of: event)
                let href = url(event.path)
                let repeatMark = focusable.contains(event.anchor)
                focusable.insert(event.anchor)
                var cls = "mark status-\(event.status.rawValue)"
                if event.derivation != nil { cls += " derived" }
                if event.anchor == highlight { cls += " current" }
                marks +=
                    "<a class=\"\(cls)\" href=\"\(HTML.escape(href))\" data-i=\"\(markIndex)\" data-a=\"\(a)\" data-b=\"\(b)\"\(repeatMark ? " tabindex=\"-1\"" : "")><title>\(name)</title>"
                marks +=
                    "<g transform=\"translate(\(fmt(cx)) \(fmt(markY)))\">" + precisionMarks(event.date, cx: cx, scale: scale)
                    + StatusGlyph.svg(event.status) + "</g></a>"
                markIndex += 1
            }
            // Labels, most important first: the highlighted event, then key kinds inside
            // the focus, then key kinds before it, then (where asked) the rest.
            let ranked = lane.events.enumerated().map { index, event -> (Int, Int, TimelineEvent) in
                let key = event.kind.map { keyKinds[$0] != nil } ?? false
                let early = scale.segmentIndex(event.date.firstDay) == 0 && scale.hasBreak
                let rank = event.anchor == highlight ? 0 : key ? (early ? 2 : 1) : 3
                return (rank, index, event)
            }.filter { $0.0 < 3 || layout.labelAll }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            for (_, place, event) in ranked where !labelled.contains(event.anchor) {
                let cx = positions[place], index = indexes[place]
                if let placed = placeLabel(event, index: index, cx: cx, markY: markY, layout: layout, board: &board, words: words) {
                    labels += placed
                    labelled.insert(event.anchor)
                    labelCount += 1
                }
            }
            for effectPlace in connectors {
                let effect = lane.events[effectPlace]
                guard let derivation = effect.derivation,
                    let causePlace = lane.events.firstIndex(where: { $0.page?.path == derivation.cause.path })
                else { continue }
                let cause = lane.events[causePlace]
                let x1 = positions[causePlace], x2 = positions[effectPlace]
                let y = markY + 13
                inner +=
                    "<g class=\"connector status-\(effect.status.rawValue)\" data-a=\"\(cause.date.firstDay)\" data-b=\"\(effect.date.firstDay)\">"
                inner += "<path class=\"link\" d=\"M\(fmt(x1)) \(fmt(markY + 7))V\(fmt(y))H\(fmt(x2))V\(fmt(markY + 7))\"/>"
                let text = words.phrase(
                    "timeline_rule_label", or: "{rule}: {period}",
                    ["rule": ruleShortName(derivation.article), "period": words.spelled(words.period(derivation.period))])
                let width = LabelBoard.textWidth(text, fontSize: font - 1)
                let box = LabelBoard.Box(x: (x1 + x2) / 2 - width / 2, y: y + 1, width: width, height: layout.rowHeight)
                if board.place(box) {
                    inner +=
                        "<text class=\"connector-label\" x=\"\(fmt((x1 + x2) / 2))\" y=\"\(fmt(y + font + 1))\" text-anchor=\"middle\">\(HTML.escape(text))</text>"
                }
                inner += "</g>"
            }
            var svg =
                "<g class=\"lane\" data-lane=\"\(HTML.escape(lane.id))\" data-name=\"\(HTML.escape(lane.title))\" data-h=\"\(fmt(height))\" transform=\"translate(0 \(fmt(top)))\">"
            svg += inner + labels + marks + "</g>"
            return (svg, height, labelCount)
        }
        for lane in lanes {
            let before = (labelled, focusable, markIndex)
            var drawn = drawLane(lane, rows: layout.labelRows, labelled: &labelled, focusable: &focusable, markIndex: &markIndex)
            if drawn.labels == 0 && layout.labelRows > 1 {
                (labelled, focusable, markIndex) = before
                drawn = drawLane(lane, rows: 1, labelled: &labelled, focusable: &focusable, markIndex: &markIndex)
            }
            body += drawn.svg
            top += drawn.height
        }
        let axisY = top + 4
        let height = axisY + font + 10
        // Named by its <title>, as each mark is by its own: the validator flags aria-label on
        // elements without a role, and `group` is not a role it allows on <svg>.
        var svg =
            "<svg class=\"\(cssClass)\" viewBox=\"0 0 \(fmt(layout.width)) \(fmt(height))\" width=\"\(fmt(layout.width))\" height=\"\(fmt(height))\""
        let focus = scale.segments.last!.days
        svg +=
            " data-x0=\"\(fmt(scale.plotStart))\" data-x1=\"\(fmt(scale.plotEnd))\" data-first=\"\(scale.days.lowerBound)\" data-last=\"\(scale.days.upperBound)\""
        svg += " data-focus-a=\"\(focus.lowerBound)\" data-focus-b=\"\(focus.upperBound)\" data-axis-y=\"\(fmt(axisY))\""
        svg += " xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(title))</title>"
        svg += backdrop(scale: scale, asOf: asOf, bottom: axisY, font: font, words: words)
        // The as-of line goes under the lanes, so labels (with a halo) stay readable over it.
        svg += todayLine(scale: scale, asOf: asOf, bottom: axisY, font: font, width: layout.width, words: words)
        svg += "<g class=\"lanes\">" + body + "</g>"
        svg += axis(scale: scale, y: axisY, font: font, width: layout.width)
        return svg + "</svg>"
    }

    /// "22 September 2025: Sahel states announce withdrawal from the ICC (confirmed)": the
    /// mark's <title>, which names the link and shows on hover.
    static func accessibleName(_ event: TimelineEvent, words: InterfaceWords = .english) -> String {
        let status = words.word("status_" + event.status.rawValue, or: event.status.rawValue)
        let values = ["date": DateFormatting.display(event.date), "title": event.title, "status": status]
        guard let derivation = event.derivation else { return words.phrase("timeline_mark_name", or: "{date}: {title} ({status})", values) }
        return words.phrase(
            "timeline_mark_name_computed", or: "{date}: {title} ({status}; computed under {article})",
            values.merging(["article": words.article(derivation.article)]) { $1 })
    }

    /// A day is a point (the glyph alone); a month or a year a band over its span; a range
    /// a bar; an approximate date whiskers either side.
    static func precisionMarks(_ date: DossierDate, cx: Double, scale: TimelineScale) -> String {
        var svg = ""
        let x1 = scale.x(date.firstDay) - cx, x2 = scale.x(date.lastDay + 1) - cx
        if date.end != nil {
            svg += "<rect class=\"span range\" x=\"\(fmt(x1))\" y=\"-2.5\" width=\"\(fmt(max(1, x2 - x1)))\" height=\"5\" rx=\"2\"/>"
        } else if date.precision != .day {
            svg += "<rect class=\"span band\" x=\"\(fmt(x1))\" y=\"-7\" width=\"\(fmt(max(1, x2 - x1)))\" height=\"14\" rx=\"2\"/>"
        }
        if date.isApproximate {
            let reach = max(9, (x2 - x1) / 2 + 5)
            svg += "<path class=\"whisker\" d=\"M\(fmt(-reach)) 0H\(fmt(reach))M\(fmt(-reach)) -3V3M\(fmt(reach)) -3V3\"/>"
        }
        return svg
    }

    /// Tries the title, then a short name for the kind, in the row nearest the mark first,
    /// starting at the mark and then ending at it. A thin leader joins label and mark.
    static func placeLabel(
        _ event: TimelineEvent, index: Int, cx: Double, markY: Double, layout: Layout, board: inout LabelBoard,
        words: InterfaceWords = .english
    ) -> String? {
        let font = layout.fontSize
        var texts = [event.title]
        if let kind = event.kind, let short = keyKinds[kind] { texts.append(words.word(short.key, or: short.english)) }
        for text in texts {
            let width = LabelBoard.textWidth(text, fontSize: font)
            for row in stride(from: layout.labelRows - 1, through: 0, by: -1) {
                let rowTop = Double(row) * layout.rowHeight
                let leaderTop = rowTop + layout.rowHeight
                let leader = LabelBoard.Box(x: cx - 1, y: leaderTop, width: 2, height: max(0, markY - 7 - leaderTop))
                if leader.height > 0 && !board.fits(leader) { continue }
                for anchorEnd in [false, true] {
                    let x = anchorEnd ? cx + 3 - width : cx - 3
                    // A little air each side, so neighbours read as two labels.
                    let box = LabelBoard.Box(x: x - 3, y: rowTop + 1, width: width + 6, height: layout.rowHeight - 1)
                    guard board.place(box) else { continue }
                    if leader.height > 0 { board.reserve(leader) }
                    let textX = anchorEnd ? cx + 3 : cx - 3
                    var svg =
                        "<line class=\"leader\" data-i=\"\(index)\" x1=\"\(fmt(cx))\" y1=\"\(fmt(leaderTop - 2))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(markY - 7))\"/>"
                    svg +=
                        "<text class=\"label\" data-i=\"\(index)\" x=\"\(fmt(textX))\" y=\"\(fmt(rowTop + font + 1))\"\(anchorEnd ? " text-anchor=\"end\"" : "")>\(HTML.escape(text))</text>"
                    return svg
                }
            }
        }
        return nil
    }

    /// "Article 127(1)" → "art. 127(1)".
    static func ruleShortName(_ article: String) -> String {
        article.lowercased().hasPrefix("article ") ? "art. " + article.dropFirst("article ".count) : article
    }

    /// "1 year" → "one year", as the issue's readers say it; larger numbers stay digits.
    static func spelled(_ period: Period, words: InterfaceWords = .english) -> String {
        words.spelled(words.period(period))
    }

    /// The shaded history before the scale breaks, the break itself, the future after as-of.
    static func backdrop(scale: TimelineScale, asOf: DossierDate?, bottom: Double, font: Double, words: InterfaceWords = .english) -> String
    {
        var svg = ""
        if let gap = scale.gap {
            let earlier = scale.segments[0].xs
            svg +=
                "<rect class=\"earlier-zone\" x=\"\(fmt(earlier.lowerBound))\" y=\"\(fmt(topBand))\" width=\"\(fmt(earlier.upperBound - earlier.lowerBound))\" height=\"\(fmt(bottom - topBand))\"/>"
            svg +=
                "<text class=\"zone-label\" x=\"\(fmt(earlier.lowerBound + 2))\" y=\"\(fmt(font + 1))\">\(HTML.escape(words.word("timeline_earlier_compressed", or: "earlier, compressed")))</text>"
            let mid = (gap.lowerBound + gap.upperBound) / 2
            svg +=
                "<path class=\"scale-break\" d=\"M\(fmt(mid - 5)) \(fmt(bottom + 5))L\(fmt(mid - 1)) \(fmt(bottom - 5))M\(fmt(mid + 1)) \(fmt(bottom + 5))L\(fmt(mid + 5)) \(fmt(bottom - 5))\"/>"
        }
        if let asOf {
            let x = scale.x(asOf.firstDay)
            if x < scale.plotEnd {
                svg +=
                    "<rect class=\"future-zone\" x=\"\(fmt(x))\" y=\"\(fmt(topBand))\" width=\"\(fmt(scale.plotEnd - x))\" height=\"\(fmt(bottom - topBand))\"/>"
            }
        }
        return svg
    }

    static func axis(scale: TimelineScale, y: Double, font: Double, width: Double) -> String {
        var svg = "<g class=\"axis\">"
        for segment in scale.segments {
            svg +=
                "<line class=\"axis-line\" x1=\"\(fmt(segment.xs.lowerBound))\" y1=\"\(fmt(y))\" x2=\"\(fmt(segment.xs.upperBound))\" y2=\"\(fmt(y))\"/>"
        }
        var board = LabelBoard(bounds: 0...width)
        for tick in scale.ticks() {
            svg +=
                "<line class=\"\(tick.major ? "tick major" : "tick")\" x1=\"\(fmt(tick.x))\" y1=\"\(fmt(y))\" x2=\"\(fmt(tick.x))\" y2=\"\(fmt(y + (tick.major ? 5 : 3)))\"/>"
            guard let label = tick.label else { continue }
            let size = tick.major ? font : font - 1
            let box = LabelBoard.Box(x: tick.x + 2, y: y + 2, width: LabelBoard.textWidth(label, fontSize: size) + 4, height: font + 4)
            if board.place(box) {
                svg +=
                    "<text class=\"\(tick.major ? "year" : "month")\" x=\"\(fmt(tick.x + 2))\" y=\"\(fmt(y + font + 4))\">\(label)</text>"
            }
        }
        return svg + "</g>"
    }

    /// The as-of line, over the lanes, named at its top.
    static func todayLine(
        scale: TimelineScale, asOf: DossierDate?, bottom: Double, font: Double, width: Double, words: InterfaceWords = .english
    ) -> String {
        guard let asOf, scale.days.contains(asOf.firstDay) else { return "" }
        let x = scale.x(asOf.firstDay)
        let text = words.phrase("timeline_as_of", or: "as of {date}", ["date": DateFormatting.display(asOf)])
        let textWidth = LabelBoard.textWidth(text, fontSize: font)
        // Written to the left of the line, unless that would cut into the earlier zone's name.
        let left = x - 4 - textWidth > (scale.gap?.upperBound ?? 0)
        var svg =
            "<g class=\"today\" data-a=\"\(asOf.firstDay)\"><line class=\"today-line\" x1=\"\(fmt(x))\" y1=\"\(fmt(topBand - 4))\" x2=\"\(fmt(x))\" y2=\"\(fmt(bottom))\"/>"
        svg +=
            "<text class=\"today-label\" x=\"\(fmt(left ? x - 4 : x + 4))\" y=\"\(fmt(font + 1))\"\(left ? " text-anchor=\"end\"" : "")>\(HTML.escape(text))</text></g>"
        return svg
    }
}
