import Testing

@testable import DossierKit

@Suite("Sorting by a key computed once")
struct KeyedSortTests {
    @Test func sortsAsSortedByDoesAndKeepsTheOrderOfEqualKeys() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let items = (0..<Int.random(in: 0...60, using: &generator)).map { index in
                (key: Int.random(in: 0...9, using: &generator), index: index)
            }
            let sorted = items.sorted(byKey: \.key, <)
            #expect(sorted.map(\.key) == items.map(\.key).sorted())
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.key == b.key { #expect(a.index < b.index, "stable") }
            #expect(items.orderedIndices(byKey: \.key, <) == sorted.map(\.index))
        }
    }
}
