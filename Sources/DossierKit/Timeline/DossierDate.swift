/// A calendar day, month or year as written in content: the precision is data.
public struct CalendarPoint: Hashable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The first and last calendar day the point may stand for, as day ordinals.
    var firstDay: Int { CivilCalendar.ordinal(year, month ?? 1, day ?? 1) }
    var lastDay: Int {
        let m = month ?? 12
        return CivilCalendar.ordinal(year, m, day ?? CivilCalendar.daysIn(month: m, year: year))
    }

    /// `2025`, `2025-09` or `2025-09-22`.
    public var isoString: String {
        var text = pad4(year)
        if let month { text += "-" + pad2(month) }
        if let day { text += "-" + pad2(day) }
        return text
    }
}

/// A date as content states it: a point or a range, exact or approximate.
public struct DossierDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: CalendarPoint
    public var end: CalendarPoint?
    public var isApproximate: Bool

    public init(start: CalendarPoint, end: CalendarPoint? = nil, isApproximate: Bool = false) {
        self.start = start
        self.end = end
        self.isApproximate = isApproximate
    }

    public var precision: CalendarPoint.Precision { start.precision }
    var firstDay: Int { start.firstDay }
    var lastDay: Int { (end ?? start).lastDay }

    /// Coarse dates sort at the start of their period; among dates starting the same
    /// day, the one that ends first comes first ("2025-01-01" before "2025"). Dates
    /// covering the same days are ordered by how they were written, so the order is
    /// total and agrees with `==`.
    public static func < (a: DossierDate, b: DossierDate) -> Bool {
        // Key by key, so the text is made only for dates equal in all else: a tuple of
        // the five made both texts for every comparison of a sort.
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        if a.lastDay != b.lastDay { return a.lastDay < b.lastDay }
        if a.isApproximate != b.isApproximate { return !a.isApproximate }
        if a.precision != b.precision { return a.precision < b.precision }
        return a.description < b.description
    }

    /// The text as the dossier syntax writes it, e.g. `~2025-09-26` or `2025-09-15/2025-09-17`.
    public var description: String {
        var text = isApproximate ? "~" : ""
        text += start.isoString
        if let end { text += "/" + end.isoString }
        return text
    }

    /// The ISO 8601 form of the first day, for machine-readable output.
    public var firstDayISO: String {
        let (y, m, d) = CivilCalendar.components(ofOrdinal: firstDay)
        return "\(pad4(y))-\(pad2(m))-\(pad2(d))"
    }
}

/// Proleptic Gregorian arithmetic on day ordinals; small and exact, no Foundation time zones.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01 (a civil-from-days algorithm, valid for all years we meet).
    static func ordinal(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    static func components(ofOrdinal ordinal: Int) -> (year: Int, month: Int, day: Int) {
        let era = (ordinal >= 0 ? ordinal : ordinal - 146_096) / 146_097
        let dayOfEra = ordinal - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

/// Zero-padded numbers for ISO dates.
func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
func pad4(_ value: Int) -> String {
    let digits = "\(abs(value))"
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
