import Testing

@testable import DossierKit

/// Facts' ISO dates written out: text of ASCII bytes takes a path of its own, which must
/// decide as the walk over Characters does.
@Suite("Dates in facts")
struct FactDatesTests {
    /// Text built from pieces that sit at every edge the rules look at: digits around a
    /// date, `/` and `-` joining dates, an impossible date, CR LF, a date at either end.
    static let pieces = [
        "2025-09-22", "1998-07-17", "2023-02-30", "12025-01-01", "x", " ", "/", "-", "7", "\r\n", "; ", "(", ")", "2000-08-1",
    ]

    static func samples() -> [String] {
        var samples: [String] = []
        for a in pieces {
            for b in pieces {
                for c in pieces { samples.append(a + b + c) }
            }
        }
        return samples
    }

    @Test func asciiTextIsRewrittenAsTheCharacterWalkWouldRewriteIt() {
        // A letter outside ASCII, after a space that no date rule looks past, sends the
        // same text down the walk over Characters.
        for sample in Self.samples() {
            #expect(FactDates.format(sample) + " é" == FactDates.format(sample + " é"), "\(sample.debugDescription)")
        }
    }

    @Test func datesAreWrittenOutAndOthersLeftAlone() {
        #expect(FactDates.format("2025-09-22; later 2026-09-22") == "22 September 2025; later 22 September 2026")
        #expect(FactDates.format("12025-01-01 and 2025-01-012") == "12025-01-01 and 2025-01-012")
        #expect(FactDates.format("2023-02-30") == "2023-02-30")
        #expect(FactDates.format("on\r\n2025-09-22\r\n") == "on\r\n22 September 2025\r\n")
    }
}
