import Testing

@testable import DossierKit

@Suite("Period")
struct PeriodTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarPoint { CalendarPoint(year: y, month: m, day: d) }

    @Test func parse() {
        #expect(Period.parse("1 year") == Period(years: 1))
        #expect(Period.parse("6 months") == Period(months: 6))
        #expect(Period.parse("30 days") == Period(days: 30))
        #expect(Period.parse("1 year 6 months") == Period(years: 1, months: 6))
        #expect(Period.parse("1 Year, 30 days") == Period(years: 1, days: 30))
        for bad in ["", "one year", "1", "1 fortnight", "-1 year", "1 year 6"] { #expect(Period.parse(bad) == nil, "\(bad)") }
    }

    @Test func description() {
        #expect(Period(years: 1).description == "1 year")
        #expect(Period(years: 2, months: 1, days: 3).description == "2 years 1 month 3 days")
    }

    @Test("29 February plus one year is 28 February")
    func leapDayPlusOneYear() {
        #expect(Period(years: 1).added(to: day(2024, 2, 29)) == day(2025, 2, 28))
        #expect(Period(years: 4).added(to: day(2024, 2, 29)) == day(2028, 2, 29))
    }

    @Test func ordinaryDayPlusOneYear() {
        #expect(Period(years: 1).added(to: day(2025, 6, 2)) == day(2026, 6, 2))
        #expect(Period(years: 1).added(to: day(2016, 10, 27)) == day(2017, 10, 27))
        #expect(Period(years: 1).added(to: day(2025, 12, 31)) == day(2026, 12, 31))
    }

    @Test func monthsClampToTheMonthsLastDay() {
        #expect(Period(months: 1).added(to: day(2025, 1, 31)) == day(2025, 2, 28))
        #expect(Period(months: 1).added(to: day(2024, 1, 31)) == day(2024, 2, 29))
        #expect(Period(months: 2).added(to: day(2025, 11, 15)) == day(2026, 1, 15))
    }

    @Test func daysCrossMonthsAndYears() {
        #expect(Period(days: 30).added(to: day(2025, 12, 15)) == day(2026, 1, 14))
        #expect(Period(years: 1, days: 1).added(to: day(2024, 2, 28)) == day(2025, 3, 1))
    }

    @Test func precisionIsKept() {
        #expect(Period(years: 1).added(to: CalendarPoint(year: 2025, month: 9)) == CalendarPoint(year: 2026, month: 9))
        #expect(Period(months: 4).added(to: CalendarPoint(year: 2025, month: 9)) == CalendarPoint(year: 2026, month: 1))
        #expect(Period(years: 1).added(to: CalendarPoint(year: 2025)) == CalendarPoint(year: 2026))
    }

    @Test func addingToADateKeepsRangeAndApproximation() throws {
        let date = try DateParser.parse("~2025-09-15/2025-09-17")
        let later = Period(years: 1).added(to: date)
        #expect(later == (try DateParser.parse("~2026-09-15/2026-09-17")))
    }

    @Test func civilCalendarRoundTrips() {
        for ordinal in stride(from: CivilCalendar.ordinal(1999, 12, 25), through: CivilCalendar.ordinal(2030, 3, 5), by: 1) {
            let (y, m, d) = CivilCalendar.components(ofOrdinal: ordinal)
            if CivilCalendar.ordinal(y, m, d) != ordinal { Issue.record("\(ordinal) → \(y)-\(m)-\(d)"); return }
        }
        #expect(CivilCalendar.ordinal(2025, 3, 1) - CivilCalendar.ordinal(2025, 2, 28) == 1)
        #expect(CivilCalendar.ordinal(2024, 3, 1) - CivilCalendar.ordinal(2024, 2, 28) == 2)
        #expect(CivilCalendar.ordinal(2026, 1, 1) - CivilCalendar.ordinal(2025, 1, 1) == 365)
    }
}
