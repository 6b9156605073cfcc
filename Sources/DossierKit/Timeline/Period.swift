/// A span such as "1 year" added to a date by a treaty rule.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var years = 0
    public var months = 0
    public var days = 0

    /// Reads "1 year", "6 months", "30 days" or "1 year 6 months".
    static func parse(_ text: String) -> Period? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        guard !words.isEmpty, words.count % 2 == 0 else { return nil }
        var period = Period()
        for index in stride(from: 0, to: words.count, by: 2) {
            guard let count = Int(words[index]), count >= 0 else { return nil }
            switch words[index + 1] {
            case "year", "years": period.years += count
            case "month", "months": period.months += count
            case "day", "days": period.days += count
            default: return nil
            }
        }
        return period
    }

    public var description: String {
        func part(_ n: Int, _ unit: String) -> String? { n == 0 ? nil : "\(n) \(unit)\(n == 1 ? "" : "s")" }
        return [part(years, "year"), part(months, "month"), part(days, "day")].compactMap { $0 }.joined(separator: " ")
    }

    /// Adds the period to a point, keeping its precision. A day that the target month
    /// lacks (29 February in a common year) becomes the month's last day, the usual rule
    /// for periods counted in months and years.
    func added(to point: CalendarPoint) -> CalendarPoint {
        let totalMonths = point.year * 12 + ((point.month ?? 1) - 1) + years * 12 + months
        let year = totalMonths / 12
        let month = totalMonths % 12 + 1
        guard let day = point.day, point.month != nil else {
            return CalendarPoint(year: year, month: point.month == nil ? nil : month, day: nil)
        }
        var result = CivilCalendar.ordinal(year, month, min(day, CivilCalendar.daysIn(month: month, year: year)))
        result += days
        let (y, m, d) = CivilCalendar.components(ofOrdinal: result)
        return CalendarPoint(year: y, month: m, day: d)
    }

    func added(to date: DossierDate) -> DossierDate {
        DossierDate(start: added(to: date.start), end: date.end.map { added(to: $0) }, isApproximate: date.isApproximate)
    }
}
