/// Dates shown as written: "September 2025", "15–17 September 2025", "c. 26 September 2025".
public enum DateFormatting {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The language of the pages being rendered: a build renders each language's pages
    /// in a task of its own, so every date on them follows without being passed along.
    @TaskLocal static var language = "en"

    public static func display(_ date: DossierDate) -> String {
        language == "fr" ? FrenchDates.display(date) : english(date)
    }

    static func english(_ date: DossierDate) -> String {
        let prefix = date.isApproximate ? "c. " : ""
        guard let end = date.end else { return prefix + display(date.start) }
        let start = date.start
        let sameYear = start.year == end.year
        switch start.precision {
        case .day where sameYear && start.month == end.month:
            return prefix + "\(start.day!)–\(end.day!) \(monthNames[start.month! - 1]) \(start.year)"
        case .day where sameYear:
            return prefix + "\(start.day!) \(monthNames[start.month! - 1]) – \(display(end))"
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
        case let (month?, day?): return "\(day) \(monthNames[month - 1]) \(point.year)"
        case let (month?, nil): return "\(monthNames[month - 1]) \(point.year)"
        default: return "\(point.year)"
        }
    }
}
