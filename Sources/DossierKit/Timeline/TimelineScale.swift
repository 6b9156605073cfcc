/// Day → x. Linear, or in two parts: a compressed "earlier" segment, a gap where the
/// scale breaks, then the focus at full resolution.
struct TimelineScale: Equatable {
    struct Segment: Equatable {
        var days: Range<Int>
        var xs: ClosedRange<Double>

        func x(_ day: Int) -> Double {
            let share = Double(day - days.lowerBound) / Double(max(1, days.count))
            return xs.lowerBound + share * (xs.upperBound - xs.lowerBound)
        }
    }

    var segments: [Segment]

    var hasBreak: Bool { segments.count > 1 }
    var plotStart: Double { segments.first!.xs.lowerBound }
    var plotEnd: Double { segments.last!.xs.upperBound }
    /// The x range of the gap between the two segments.
    var gap: ClosedRange<Double>? { hasBreak ? segments[0].xs.upperBound...segments[1].xs.lowerBound : nil }
    var days: Range<Int> { segments.first!.days.lowerBound..<segments.last!.days.upperBound }

    static func linear(_ days: Range<Int>, xs: ClosedRange<Double>) -> TimelineScale {
        TimelineScale(segments: [Segment(days: days, xs: xs)])
    }

    /// `all` is the whole history, `focus` the period at full resolution. The history
    /// before the focus gets `earlierShare` of the width, after a gap of `gapWidth`.
    /// With nothing before the focus, the scale is linear over it.
    static func focused(
        all: Range<Int>, focus: Range<Int>, xs: ClosedRange<Double>, earlierShare: Double = 0.17, gapWidth: Double = 14
    )
        -> TimelineScale
    {
        guard all.lowerBound < focus.lowerBound else {
            return .linear(focus.lowerBound..<max(focus.upperBound, all.upperBound), xs: xs)
        }
        let earlierEnd = xs.lowerBound + (xs.upperBound - xs.lowerBound) * earlierShare
        let earlier = Segment(days: yearStart(all.lowerBound)..<focus.lowerBound, xs: xs.lowerBound...earlierEnd)
        let main = Segment(days: focus.lowerBound..<max(focus.upperBound, all.upperBound), xs: (earlierEnd + gapWidth)...xs.upperBound)
        return TimelineScale(segments: [earlier, main])
    }

    static func yearStart(_ day: Int) -> Int { CivilCalendar.ordinal(CivilCalendar.components(ofOrdinal: day).year, 1, 1) }

    func x(_ day: Int) -> Double {
        for segment in segments where day < segment.days.upperBound {
            return segment.x(max(day, segment.days.lowerBound))
        }
        return segments.last!.x(day)
    }

    /// Which segment a day falls in: 0 for the earlier one when the scale breaks.
    func segmentIndex(_ day: Int) -> Int { segments.firstIndex { day < $0.days.upperBound } ?? segments.count - 1 }

    struct Tick: Equatable {
        var x: Double
        var label: String?
        var major: Bool
    }

    /// Year ticks, labelled as often as `minLabelGap` allows; months (quarters
    /// labelled) in a segment wide enough for them.
    func ticks(minLabelGap: Double = 38) -> [Tick] {
        var ticks: [Tick] = []
        for segment in segments {
            let first = CivilCalendar.components(ofOrdinal: segment.days.lowerBound).year
            let last = CivilCalendar.components(ofOrdinal: segment.days.upperBound - 1).year
            let yearWidth = 365.2425 * (segment.xs.upperBound - segment.xs.lowerBound) / Double(max(1, segment.days.count))
            let step = [1, 2, 5, 10, 20, 50].first { Double($0) * yearWidth >= minLabelGap } ?? 100
            let monthWidth = yearWidth / 12
            for year in first...last + 1 {
                let day = CivilCalendar.ordinal(year, 1, 1)
                if segment.days.contains(day) || (day == segment.days.upperBound && segment == segments.last) {
                    ticks.append(Tick(x: segment.x(day), label: year % step == 0 ? "\(year)" : nil, major: true))
                }
                guard monthWidth >= 5, year <= last else { continue }
                for month in 2...12 {
                    let monthDay = CivilCalendar.ordinal(year, month, 1)
                    guard segment.days.contains(monthDay) else { continue }
                    let quarter = (month - 1) % 3 == 0 && monthWidth * 3 >= minLabelGap
                    ticks.append(Tick(x: segment.x(monthDay), label: quarter ? DateFormatting.shortMonth(month) : nil, major: false))
                }
            }
            // A compressed segment always names its first year, so the reader sees how far back it goes.
            if segments.count > 1, segment == segments.first, !ticks.contains(where: { $0.label == "\(first)" }) {
                ticks.insert(Tick(x: segment.xs.lowerBound, label: "\(first)", major: true), at: 0)
            }
        }
        return ticks
    }
}
