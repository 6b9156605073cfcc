/// Dates shown as written: "September 2025", "15–17 September 2025", "c. 26 September 2025"
/// (in French: "septembre 2025", "15–17 septembre 2025", "vers le 26 septembre 2025").
public enum DateFormatting {
    static let monthNames = DateWords.english.monthNames

    /// The language of the pages being rendered: a build renders each language's pages
    /// in a task of its own, so every date on them follows without being passed along.
    @TaskLocal static var language = "en"

    public static func display(_ date: DossierDate) -> String {
        (language == "fr" ? DateWords.french : DateWords.english).display(date)
    }

    static func display(_ point: CalendarPoint) -> String {
        (language == "fr" ? DateWords.french : DateWords.english).display(point)
    }

    /// A month on a timeline's axis: "Apr", in French "avr." (the abbreviations of the
    /// Imprimerie nationale; short names are written whole).
    static func shortMonth(_ month: Int) -> String {
        language == "fr" ? frenchShortMonths[month - 1] : String(monthNames[month - 1].prefix(3))
    }

    static let frenchShortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
}

/// What differs between languages in writing a date; the layout of ranges is shared.
struct DateWords: Sendable {
    let monthNames: [String]
    /// The day of the month as written ("1er" in French).
    let day: @Sendable (Int) -> String
    /// What comes before an approximate date of this precision ("c. ", "vers le ").
    let approximately: @Sendable (CalendarPoint.Precision) -> String

    static let english = DateWords(
        monthNames: [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ],
        day: { "\($0)" }, approximately: { _ in "c. " })

    func display(_ date: DossierDate) -> String {
        let prefix = date.isApproximate ? approximately(date.precision) : ""
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

    func display(_ point: CalendarPoint) -> String {
        switch (point.month, point.day) {
        case (let month?, let day?): return "\(self.day(day)) \(monthNames[month - 1]) \(point.year)"
        case (let month?, nil): return "\(monthNames[month - 1]) \(point.year)"
        default: return "\(point.year)"
        }
    }
}
