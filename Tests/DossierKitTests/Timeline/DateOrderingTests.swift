import Testing

@testable import DossierKit

/// DossierDate's order: by first day the date may stand for, then by last day (so a
/// day sorts before the month and the year that start with it), then exact before
/// approximate. Dates with the same span and approximation are equivalent.
@Suite("Sorting dates across precisions")
struct DateOrderingTests {
    /// Written in the expected order.
    static let ordered = [
        "2024",
        "2024-12-31",
        "2025-01-01",
        "~2025-01-01",
        "2025-01-01/2025-01-03",
        "2025-01",
        "2025",
        "2025-09-15",
        "2025-09-15/2025-09-17",
        "2025-09-16",
        "~2025-09-26",
        "2025-10",
        "2025-10/2025-11",
        "2026-06-02",
    ]

    static func dates() throws -> [DossierDate] { try ordered.map { try DateParser.parse($0) } }

    @Test func sortingShuffledListsGivesTheDocumentedOrder() throws {
        let dates = try Self.dates()
        var generator = SplitMix64(seed: 2025)
        for _ in 0..<50 {
            let shuffled = dates.shuffled(using: &generator)
            #expect(shuffled.sorted().map(\.description) == Self.ordered)
        }
    }

    @Test func isAStrictWeakOrdering() throws {
        // Add dates equivalent to others (same span) to exercise incomparability.
        let dates = try Self.dates() + ["2025-01-01/2025-01-31", "2025-01-01", "2024-01-01/2024-12-31"].map { try DateParser.parse($0) }
        func equivalent(_ a: DossierDate, _ b: DossierDate) -> Bool { !(a < b) && !(b < a) }
        for a in dates {
            #expect(!(a < a), "irreflexive: \(a)")
            for b in dates {
                if a < b { #expect(!(b < a), "asymmetric: \(a), \(b)") }
                for c in dates {
                    if a < b && b < c { #expect(a < c, "transitive: \(a) < \(b) < \(c)") }
                    if equivalent(a, b) && equivalent(b, c) { #expect(equivalent(a, c), "equivalence: \(a) ~ \(b) ~ \(c)") }
                }
            }
        }
    }

    // Same days, written differently: ordered by how they were written (coarser first),
    // so the order is total.
    @Test func monthComesBeforeItsDayRange() throws {
        let month = try DateParser.parse("2025-01")
        let range = try DateParser.parse("2025-01-01/2025-01-31")
        #expect(month < range)
        #expect(!(range < month))
        #expect(month != range)
    }

    @Test func coarseDatesSortAtTheStartOfTheirPeriod() throws {
        #expect(try DateParser.parse("2025") < DateParser.parse("2025-01-02"))
        #expect(try DateParser.parse("2024-12-31") < DateParser.parse("2025"))
        #expect(try DateParser.parse("2025-09") < DateParser.parse("2025-09-02"))
        #expect(try DateParser.parse("2025-09-01") < DateParser.parse("2025-09"))
    }

    // Comparable requires that two values neither less than the other are equal. Here
    // "2025-01" and "2025-01-01/2025-01-31" are neither < nor ==, so comparisons of
    // tuples such as (date, anchor), which TimelineBuilder sorts by, are not a strict
    // weak ordering: a ~ b and a ~ c but b < c. The result depends on the input order.
    @Test func equivalentDatesAreEqual() throws {
        let dates = try Self.dates() + ["2025-01-01/2025-01-31", "2024-01-01/2024-12-31"].map { try DateParser.parse($0) }
        for a in dates {
            for b in dates where !(a < b) && !(b < a) {
                #expect(a == b, "\(a) and \(b) are unordered but not equal")
            }
        }
    }

    @Test func sortingByDateThenAnchorDoesNotDependOnInputOrder() throws {
        let rows = try [("b", "2025-01"), ("a", "2025-01-01/2025-01-31"), ("c", "2025-01")].map { ($0.0, try DateParser.parse($0.1)) }
        var generator = SplitMix64(seed: 7)
        var results: Set<[String]> = []
        for _ in 0..<20 {
            // The comparator TimelineBuilder.build uses for its rows.
            results.insert(rows.shuffled(using: &generator).sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0))
        }
        #expect(results == [["b", "c", "a"]])
    }
}
