import Testing

@testable import DossierKit

@Suite("DateParser")
struct DateParserTests {
    @Test func year() throws {
        let date = try DateParser.parse("2025")
        #expect(date == DossierDate(start: CalendarPoint(year: 2025)))
        #expect(date.precision == .year)
        #expect(date.end == nil)
        #expect(!date.isApproximate)
    }

    @Test func month() throws {
        let date = try DateParser.parse("2025-09")
        #expect(date == DossierDate(start: CalendarPoint(year: 2025, month: 9)))
        #expect(date.precision == .month)
    }

    @Test func day() throws {
        let date = try DateParser.parse("2025-09-22")
        #expect(date == DossierDate(start: CalendarPoint(year: 2025, month: 9, day: 22)))
        #expect(date.precision == .day)
        #expect(date.firstDayISO == "2025-09-22")
    }

    @Test func approximateDay() throws {
        let date = try DateParser.parse("~2025-09-26")
        #expect(date == DossierDate(start: CalendarPoint(year: 2025, month: 9, day: 26), isApproximate: true))
    }

    @Test func dayRange() throws {
        let date = try DateParser.parse("2025-09-15/2025-09-17")
        #expect(date.start == CalendarPoint(year: 2025, month: 9, day: 15))
        #expect(date.end == CalendarPoint(year: 2025, month: 9, day: 17))
        #expect(!date.isApproximate)
    }

    @Test func leapDayExistsInLeapYearsOnly() throws {
        #expect(try DateParser.parse("2024-02-29").start.day == 29)
        #expect(try DateParser.parse("2000-02-29").start.day == 29)
        #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-02-29") }
        #expect(throws: DateParser.Failure.self) { try DateParser.parse("1900-02-29") }
    }

    @Test(arguments: ["2025", "2025-09", "2025-09-22", "~2025-09-26", "2025-09-15/2025-09-17", "~2025-09/2025-10", "2024/2025"])
    func descriptionRoundTrips(text: String) throws {
        let date = try DateParser.parse(text)
        #expect(date.description == text)
        #expect(try DateParser.parse(date.description) == date)
    }

    @Test func surroundingSpacesAreAllowed() throws {
        #expect(try DateParser.parse(" 2025-09-22 ") == DateParser.parse("2025-09-22"))
    }

    // MARK: errors

    @Test func thirtiethOfFebruaryNamesTheDayColumn() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-02-30") }
        #expect(error?.column == 9)
        #expect(error?.message.contains("February 2025 has no day 30") == true)
        #expect(error?.hint == "February 2025 has 28 days")
    }

    @Test func dayErrorColumnCountsALeadingTilde() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("~2025-04-31") }
        #expect(error?.column == 10)
    }

    @Test func monthThirteen() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-13") }
        #expect(error?.column == 6)
        #expect(error?.message.contains("month 13") == true)
    }

    @Test(arguments: [
        ("25-09-01", 1), ("2025-9-01", 6), ("2025-09-1", 9), ("2025/09/01", 6), ("September 2025", 1), ("2025-09-22T10:00", 9), ("", 1),
        ("~", 1), ("2025-00", 6),
    ])
    func malformed(text: String, column: Int) {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse(text) }
        #expect(error?.column == column, "\(text): \(String(describing: error))")
    }

    @Test func rangeThatEndsBeforeItStarts() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-09-17/2025-09-15") }
        #expect(error?.column == 12)
        #expect(error?.message.contains("before") == true)
    }

    @Test func rangeOfOneDayIsRefused() {
        #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-09-17/2025-09-17") }
    }

    @Test func rangeWithMixedPrecisionIsRefused() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-09/2025-10-02") }
        #expect(error?.column == 9)
    }

    @Test func errorInTheEndOfARangePointsAtTheEnd() {
        let error = #expect(throws: DateParser.Failure.self) { try DateParser.parse("2025-09-15/2025-09-31") }
        #expect(error?.column == 20)  // "2025-09-15/" is 11 characters; the day starts at 12 + 8
    }
}

@Suite("DateFormatting")
struct DateFormattingTests {
    @Test(arguments: [
        ("2025", "2025"),
        ("2025-09", "September 2025"),
        ("2025-09-22", "22 September 2025"),
        ("~2025-09-26", "c. 26 September 2025"),
        ("~2025-09", "c. September 2025"),
        ("2025-09-15/2025-09-17", "15–17 September 2025"),
        ("2025-09-30/2025-10-02", "30 September – 2 October 2025"),
        ("2025-12-30/2026-01-02", "30 December 2025 – 2 January 2026"),
        ("2025-05/2025-06", "May–June 2025"),
        ("2025-12/2026-01", "December 2025 – January 2026"),
        ("2024/2025", "2024–2025"),
        ("~2025-05-29/2025-05-30", "c. 29–30 May 2025"),
        ("2026-01-01", "1 January 2026"),
    ])
    func display(text: String, expected: String) throws {
        #expect(DateFormatting.display(try DateParser.parse(text)) == expected)
    }
}
