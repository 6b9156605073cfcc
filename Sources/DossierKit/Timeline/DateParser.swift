import Foundation

/// Parses the dossier date syntax: `2025`, `2025-09`, `2025-09-22`, `~2025-09-26`,
/// and ranges `2025-09-15/2025-09-17`. Errors name the column in `text`, 1-based.
enum DateParser {
    struct Failure: Error, Equatable {
        var message: String
        var column: Int
        var hint: String?
    }

    static let syntaxHint = "write a date as 2025, 2025-09, 2025-09-22, ~2025-09-26 or 2025-09-15/2025-09-17"

    static func parse(_ text: String) throws(Failure) -> DossierDate {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var offset = text.prefix { $0 == " " || $0 == "\t" }.count
        let isApproximate = body.first == "~"
        if isApproximate {
            body = body.dropFirst()
            offset += 1
        }
        guard !body.isEmpty else { throw Failure(message: "empty date", column: 1, hint: syntaxHint) }
        let parts = body.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let start = try point(parts[0], column: offset + 1)
        guard parts.count == 2 else { return DossierDate(start: start, isApproximate: isApproximate) }
        let endColumn = offset + parts[0].count + 2
        let end = try point(parts[1], column: endColumn)
        guard end.precision == start.precision else {
            throw Failure(
                message: "a range must give both ends with the same precision", column: endColumn,
                hint: "write 2025-09-15/2025-09-17 or 2025-09/2025-10")
        }
        guard end.firstDay > start.firstDay else {
            throw Failure(
                message: "date range ends (\(end.isoString)) before or when it starts (\(start.isoString))",
                column: endColumn, hint: "put the earlier date first")
        }
        return DossierDate(start: start, end: end, isApproximate: isApproximate)
    }

    private static func point(_ text: Substring, column: Int) throws(Failure) -> CalendarPoint {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count) else {
            throw Failure(message: "malformed date '\(text)'", column: column, hint: syntaxHint)
        }
        let widths = [4, 2, 2]
        var values: [Int] = []
        var fieldColumn = column
        for (index, field) in fields.enumerated() {
            guard field.count == widths[index], field.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(field)
            else {
                throw Failure(message: "malformed date '\(text)'", column: fieldColumn, hint: syntaxHint)
            }
            values.append(value)
            fieldColumn += field.count + 1
        }
        let year = values[0]
        let month = values.count > 1 ? values[1] : nil
        let day = values.count > 2 ? values[2] : nil
        if let month, !(1...12).contains(month) {
            throw Failure(message: "month \(month) does not exist in '\(text)'", column: column + 5)
        }
        if let month, let day, !(1...CivilCalendar.daysIn(month: month, year: year)).contains(day) {
            let monthName = DateFormatting.monthNames[month - 1]
            throw Failure(
                message: "\(monthName) \(year) has no day \(day) in '\(text)'", column: column + 8,
                hint: "\(monthName) \(year) has \(CivilCalendar.daysIn(month: month, year: year)) days")
        }
        return CalendarPoint(year: year, month: month, day: day)
    }
}

extension DossierDate {
    /// A single day such as `2026-11-29`, as `as_of` and `--as-of` take it: "today"
    /// cannot be a month, a range or approximate. Throws a message that says why not.
    public static func singleDay(_ text: String) throws(SingleDayError) -> DossierDate {
        let date: DossierDate
        do { date = try DateParser.parse(text) } catch { throw SingleDayError(message: error.message) }
        guard date.precision == .day, date.end == nil, !date.isApproximate else {
            throw SingleDayError(message: "'\(text)' is not a single day; write for example 2026-11-29")
        }
        return date
    }

    public struct SingleDayError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
