/// The key beside every timeline drawing: each status by its glyph and its word, how
/// precision is drawn, and what the dashed connector and the as-of line mean. Entity and
/// event pages, of which a dossier has thousands, get the statuses and a link to the rest.
enum TimelineLegend {
    static func html(asOf: DossierDate?, fullKeyURL: String? = nil, words: InterfaceWords = .english) -> String {
        func item(_ glyph: String, _ text: String, width: Double = 18) -> String {
            "<li><svg class=\"legend-glyph\" width=\"\(fmt(width))\" height=\"16\" viewBox=\"\(fmt(-width / 2)) -8 \(fmt(width)) 16\" aria-hidden=\"true\">\(glyph)</svg> \(HTML.escape(text))</li>"
        }
        var items = EventStatus.allCases.map { status in
            item(
                "<g class=\"mark status-\(status.rawValue)\">\(StatusGlyph.svg(status))</g>",
                words.word("status_" + status.rawValue, or: StatusGlyph.meaning(status)))
        }
        if let fullKeyURL {
            items.append(
                "<li><a href=\"\(HTML.escape(fullKeyURL))\">\(HTML.escape(words.word("timeline_full_key", or: "the full key")))</a></li>")
            return "<ul class=\"timeline-legend\">" + items.joined() + "</ul>"
        }
        let neutral = "<g class=\"mark status-confirmed\">"
        items.append(
            item(
                neutral
                    + "<rect class=\"span band\" x=\"-13\" y=\"-7\" width=\"26\" height=\"14\" rx=\"2\"/>\(StatusGlyph.svg(.confirmed))</g>",
                words.word("legend_band", or: "month or year: a band over it"), width: 28))
        items.append(
            item(
                neutral
                    + "<rect class=\"span range\" x=\"-13\" y=\"-2.5\" width=\"26\" height=\"5\" rx=\"2\"/>\(StatusGlyph.svg(.confirmed))</g>",
                words.word("legend_range", or: "range: a bar"), width: 28))
        items.append(
            item(
                neutral + "<path class=\"whisker\" d=\"M-11 0H11M-11 -3V3M11 -3V3\"/>\(StatusGlyph.svg(.confirmed))</g>",
                words.word("legend_approximate", or: "approximate (c.): whiskers"), width: 28))
        items.append(
            item(
                "<g class=\"connector\"><path class=\"link\" d=\"M-13 -6V3H13V-6\"/></g>",
                words.word("legend_computed", or: "computed date, joined to the notification it follows from, with the rule"), width: 28))
        if asOf != nil {
            items.append(
                item(
                    "<g class=\"today\"><line class=\"today-line\" x1=\"0\" y1=\"-8\" x2=\"0\" y2=\"8\"/></g>",
                    words.word("legend_as_of", or: "as-of date; after it, shaded, dates are projections"), width: 10))
        }
        return "<ul class=\"timeline-legend\" id=\"timeline-key\">" + items.joined() + "</ul>"
    }
}
