/// Dates as a French page writes them: "22 septembre 2025", "1er juin 2026",
/// "15–17 septembre 2025", "vers 2025". Month names take no capital in French.
public enum FrenchDates {
    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    public static func display(_ date: DossierDate) -> String {
        // "vers le 26 septembre 2025", but "vers septembre 2025" and "vers 2025".
        let prefix = date.isApproximate ? (date.precision == .day ? "vers le " : "vers ") : ""
        guard let end = date.end else { return prefix + display(date.start) }
        let start = date.start
        let sameYear = start.year == end.year
        switch start.precision {
        case .day where sameYear && start.month == end.month:
            return prefix + "\(day(start.day!))–\(end.day!) \(monthNames[start.month! - 1]) \(start.year)"
        case .day where sameYear:
            return prefix + "\(day(start.day!)) \(monthNames[start.month! - 1]) – \(display(end))"
        case .month where sameYear:
            return prefix + "\(monthNames[start.month! - 1])–\(monthNames[end.month! - 1]) \(start.year)"
        case .year:
            return prefix + "\(start.year)–\(end.year)"
        default:
            return prefix + "\(display(start)) – \(display(end))"
        }
    }

    static func display(_ point: CalendarPoint) -> String {
        switch (point.month, point.day) {
        case let (month?, day?): return "\(Self.day(day)) \(monthNames[month - 1]) \(point.year)"
        case let (month?, nil): return "\(monthNames[month - 1]) \(point.year)"
        default: return "\(point.year)"
        }
    }

    /// The first of the month is an ordinal in French: "1er juin".
    static func day(_ day: Int) -> String { day == 1 ? "1er" : "\(day)" }
}
