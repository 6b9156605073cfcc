import Foundation
import Testing

@testable import DossierKit

@Suite("Timeline drawing: scale, glyphs, labels")
struct TimelineDrawingTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilCalendar.ordinal(y, m, d) }

    @Test("the scale breaks before the focus and keeps the focus at full resolution")
    func scaleWithABreak() throws {
        let all = day(1998, 7, 17)..<day(2027, 8, 1)
        let focus = day(2024, 11, 1)..<day(2027, 8, 1)
        let scale = TimelineScale.focused(all: all, focus: focus, xs: 0...1000, earlierShare: 0.2, gapWidth: 14)
        #expect(scale.hasBreak)
        let gap = try #require(scale.gap)
        #expect(gap == 200...214)
        #expect(scale.x(day(1998, 1, 1)) == 0)
        #expect(scale.x(focus.lowerBound) == 214)
        #expect(scale.x(focus.upperBound) == 1000)
        // The earlier segment is compressed: a year there is far narrower than in the focus.
        let earlierYear = scale.x(day(2011, 1, 1)) - scale.x(day(2010, 1, 1))
        let focusYear = scale.x(day(2026, 1, 1)) - scale.x(day(2025, 1, 1))
        #expect(earlierYear * 10 < focusYear)
        // No day falls in the gap, and x grows with the day.
        #expect(scale.x(focus.lowerBound - 1) <= 200)
        var last = -1.0
        for d in stride(from: all.lowerBound, to: all.upperBound, by: 30) {
            let x = scale.x(d)
            #expect(x >= last)
            #expect(!(x > 200 && x < 214))
            last = x
        }
        #expect(scale.segmentIndex(day(2010, 1, 1)) == 0)
        #expect(scale.segmentIndex(day(2025, 9, 22)) == 1)
    }

    @Test func noBreakWhenNothingComesBeforeTheFocus() {
        let focus = day(2024, 11, 1)..<day(2027, 8, 1)
        let scale = TimelineScale.focused(all: day(2025, 1, 1)..<day(2026, 1, 1), focus: focus, xs: 0...600)
        #expect(!scale.hasBreak)
        #expect(scale.gap == nil)
        #expect(scale.x(focus.lowerBound) == 0)
    }

    @Test("ticks name the years of the focus and the first year of the earlier segment")
    func ticks() {
        let scale = TimelineScale.focused(
            all: day(1998, 7, 17)..<day(2027, 8, 1), focus: day(2024, 11, 1)..<day(2027, 8, 1), xs: 0...900)
        let labels = scale.ticks().compactMap(\.label)
        #expect(labels.contains("1998"))
        #expect(["2025", "2026", "2027"].allSatisfy(labels.contains))
        #expect(labels.contains("Apr"))
    }

    @Test("the default focus opens two years before as-of and ends after the last event")
    func defaultFocus() {
        let asOf = DossierDate(start: CalendarPoint(year: 2026, month: 11, day: 29))
        let projected = TimelineEvent(
            anchor: "x", page: nil, title: "x", date: DossierDate(start: CalendarPoint(year: 2027, month: 6, day: 18)),
            status: .projected, kind: nil, entities: [], sources: [], derivation: nil, notes: [], dateNote: nil)
        let timeline = Timeline(events: [projected], pending: [], asOf: asOf)
        let range = TimelineFocus.range(of: timeline)
        #expect(range.lowerBound == day(2024, 11, 1))
        #expect(range.contains(day(2027, 6, 18)))
        #expect(range.upperBound == day(2027, 9, 1))
        let set = Timeline(events: [projected], pending: [], asOf: asOf, focus: try! DateParser.parse("2025-01/2025-12"))
        #expect(TimelineFocus.range(of: set) == day(2025, 1, 1)..<day(2026, 1, 1))
    }

    @Test("each status has its own shape, drawn with classes and no colour")
    func statusGlyphs() {
        let glyphs = EventStatus.allCases.map { StatusGlyph.svg($0) }
        #expect(Set(glyphs).count == EventStatus.allCases.count)
        // Shape: the element and path drawn, without the class names, differ for every status.
        let shapes = glyphs.map { $0.replacingOccurrences(of: #"class="[^"]*""#, with: "", options: .regularExpression) }
        #expect(Set(shapes).count == EventStatus.allCases.count)
        for (status, glyph) in zip(EventStatus.allCases, glyphs) {
            #expect(glyph.contains("class=\"glyph\""))
            #expect(!glyph.contains("fill="))
            #expect(!glyph.contains("#"))
        }
        let legend = TimelineLegend.html(asOf: nil)
        for status in EventStatus.allCases { #expect(legend.contains("</svg> \(status.rawValue)</li>")) }
    }

    @Test("a label box is never placed over another")
    func labelBoardRefusesOverlaps() {
        var board = LabelBoard(bounds: 0...300)
        let first = board.place(.init(x: 10, y: 0, width: 100, height: 14))
        let overlapping = board.place(.init(x: 100, y: 5, width: 50, height: 14))
        let beside = board.place(.init(x: 110, y: 0, width: 50, height: 14))
        let pastTheEdge = board.place(.init(x: 280, y: 20, width: 40, height: 14))
        #expect(first && beside)
        #expect(!overlapping && !pastTheEdge)
        #expect(board.boxes.count == 2)
        #expect(LabelBoard.textWidth("Mmmm", fontSize: 10) > LabelBoard.textWidth("iiii", fontSize: 10))
    }

    /// ASCII labels are measured from a table, other text character by character: both
    /// give each character the same width, and a letter written as two scalars counts once.
    @Test func labelsMeasureTheSameByTableAndByCharacter() {
        let texts = ["Mali", "ICC withdrawal (Article 127)", "wWmMiIl.,;:'|!-[]() 2025 ~{}", "", "Assimi Goïta — 2025"]
        for text in texts {
            let byCharacter = text.reduce(0.0) { $0 + LabelBoard.ems($1) } * 11 + 2
            #expect(LabelBoard.textWidth(text, fontSize: 11) == byCharacter, "\(text)")
        }
        #expect(LabelBoard.textWidth("E\u{301}tat", fontSize: 10) == LabelBoard.textWidth("État", fontSize: 10))
    }

    /// Many key events crowded into a few months: labels fill the rows, then give up;
    /// none overlaps another text of the drawing.
    @Test("labels never overlap, at each of the overview's widths")
    func labelsNeverOverlap() throws {
        let state = LinkTarget(section: .entity, path: "entities/countries/niger/", title: "Niger", file: "niger.md")
        var events: [TimelineEvent] = []
        for index in 0..<24 {
            let kind = ["withdrawal-announcement", "withdrawal-notification", "coup"][index % 3]
            events.append(
                TimelineEvent(
                    anchor: "e\(index)",
                    page: LinkTarget(section: .event, path: "events/e\(index)/", title: "Event \(index)", file: "e.md"),
                    title: "A rather long title for event number \(index)",
                    date: DossierDate(start: CalendarPoint(year: 2025, month: 1 + index / 3, day: 1 + (index % 3) * 9)),
                    status: EventStatus.allCases[index % 5], kind: kind, entities: [state], sources: [], derivation: nil, notes: [],
                    dateNote: nil))
        }
        let asOf = DossierDate(start: CalendarPoint(year: 2026, month: 11, day: 29))
        let timeline = Timeline(events: events, pending: [], asOf: asOf)
        let svg = TimelineDrawing.overview(timeline) { $0 }
        let drawings = svg.components(separatedBy: "<svg ").dropFirst()
        #expect(drawings.count == 3)
        for drawing in drawings {
            let boxes = textBoxes("<svg " + drawing)
            #expect(boxes.count > 5)
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!boxes[i].box.overlaps(boxes[j].box), "“\(boxes[i].text)” overlaps “\(boxes[j].text)”")
                }
            }
        }
    }

    @Test("marks are named alike from the names kept for a render and without them")
    func markNamesMadeOnce() throws {
        let state = LinkTarget(section: .entity, path: "entities/countries/niger/", title: "Niger", file: "niger.md")
        let events = (0..<6).map { index in
            TimelineEvent(
                anchor: "e\(index)", page: LinkTarget(section: .event, path: "events/e\(index)/", title: "E", file: "e.md"),
                title: index == 2 ? "Niger & Mali <\"joint\"> notice" : "Event \(index)",
                date: DossierDate(start: CalendarPoint(year: 2025, month: 1 + index, day: 3)),
                status: EventStatus.allCases[index % 5], kind: nil, entities: [state], sources: [], derivation: nil, notes: [],
                dateNote: nil)
        }
        let timeline = Timeline(events: events, pending: [], asOf: DossierDate(start: CalendarPoint(year: 2026, month: 11, day: 29)))
        let names = TimelineDrawing.MarkNames(words: .english)
        let expected = "3 March 2025: Niger &amp; Mali &lt;&quot;joint&quot;&gt; notice (\(EventStatus.allCases[2].rawValue))"
        #expect(names.name(of: events[2]) == expected)
        let url: (String) -> String = { "../" + $0 }
        #expect(TimelineDrawing.overview(timeline, url: url, names: names) == TimelineDrawing.overview(timeline, url: url))
        #expect(
            TimelineDrawing.neighbourhood(of: "events/e2/", timeline: timeline, url: url, names: names)
                == TimelineDrawing.neighbourhood(of: "events/e2/", timeline: timeline, url: url))
        #expect(
            TimelineDrawing.entity("Niger", events: events, timeline: timeline, url: url, names: names)
                == TimelineDrawing.entity("Niger", events: events, timeline: timeline, url: url))
        let drawing = TimelineDrawing.neighbourhood(of: "events/e2/", timeline: timeline, url: url, names: names)
        #expect(drawing.contains("<title>\(expected)</title>"))
        // Asked again, from the table: the same name.
        #expect(names.name(of: events[2]) == expected)
    }

    @Test("precision: a band for a month, a bar for a range, whiskers for an approximate date")
    func precisionMarks() throws {
        let scale = TimelineScale.linear(day(2025, 1, 1)..<day(2026, 1, 1), xs: 0...365)
        let month = try DateParser.parse("2025-06")
        #expect(TimelineDrawing.precisionMarks(month, cx: 166, scale: scale).contains("span band"))
        let range = try DateParser.parse("2025-09-15/2025-09-17")
        #expect(TimelineDrawing.precisionMarks(range, cx: 258, scale: scale).contains("span range"))
        let approximate = try DateParser.parse("~2025-09-26")
        #expect(TimelineDrawing.precisionMarks(approximate, cx: 268, scale: scale).contains("whisker"))
        #expect(TimelineDrawing.precisionMarks(try DateParser.parse("2025-09-22"), cx: 264, scale: scale).isEmpty)
    }

    @Test("the rule's name on a connector")
    func ruleNames() {
        #expect(TimelineDrawing.ruleShortName("Article 127(1)") == "art. 127(1)")
        #expect(TimelineDrawing.spelled(Period(years: 1)) == "one year")
        #expect(TimelineDrawing.spelled(Period(months: 18)) == "18 months")
    }

    /// Text boxes of a drawing, by the same measure the layout uses, with the lanes' offsets.
    private func textBoxes(_ svg: String) -> [(text: String, box: LabelBoard.Box)] {
        let pattern = try! NSRegularExpression(pattern: #"<(/?)(g|text)\b([^>]*)>([^<]*)"#)
        var offsets: [Double] = [0]
        var result: [(String, LabelBoard.Box)] = []
        let ns = svg as NSString
        for match in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let tag = ns.substring(with: match.range(at: 2)), attributes = ns.substring(with: match.range(at: 3))
            func attribute(_ name: String) -> String? {
                guard let range = attributes.range(of: " \(name)=\"") else { return nil }
                return String(attributes[range.upperBound...].prefix { $0 != "\"" })
            }
            if tag == "g" {
                if closing { offsets.removeLast(); continue }
                if attributes.hasSuffix("/") { continue }
                let y = attribute("transform").flatMap { Double($0.split(separator: " ").last?.dropLast() ?? "") } ?? 0
                offsets.append(offsets.last! + y)
                continue
            }
            guard !closing, let x = attribute("x").flatMap(Double.init), let y = attribute("y").flatMap(Double.init) else { continue }
            let text = ns.substring(with: match.range(at: 4))
            let small = attributes.contains("month") || attributes.contains("connector-label") || attributes.contains("zone-label")
            let font = 11.0 * (small ? 0.91 : 1) * (attributes.contains("lane-name") ? 1.08 : 1)
            let width = LabelBoard.textWidth(text, fontSize: font) - 2
            let anchor = attribute("text-anchor")
            let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
            result.append((text, .init(x: left, y: offsets.last! + y - font * 0.8, width: width, height: font)))
        }
        return result
    }
}
