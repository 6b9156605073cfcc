extension Array {
    /// Sorted by a key computed once per element rather than once per comparison: sort
    /// keys fold case and diacritics, which costs too much to repeat n log n times. The
    /// places are sorted, not the elements: moving pages (structs of a few hundred bytes)
    /// through the sort cost more than comparing their keys. Stable, as `sorted` is.
    func sorted<Key>(byKey key: (Element) -> Key, _ areInIncreasingOrder: (Key, Key) -> Bool) -> [Element] {
        orderedIndices(byKey: key, areInIncreasingOrder).map { self[$0] }
    }

    /// The indices of the elements in the order `sorted(byKey:)` gives them.
    func orderedIndices<Key>(byKey key: (Element) -> Key, _ areInIncreasingOrder: (Key, Key) -> Bool) -> [Int] {
        let keys = map(key)
        return keys.indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
    }
}
