extension Array {
    /// Sorted by a key computed once per element rather than once per comparison: sort
    /// keys fold case and diacritics, which costs too much to repeat n log n times.
    func sorted<Key>(byKey key: (Element) -> Key, _ areInIncreasingOrder: (Key, Key) -> Bool) -> [Element] {
        map { (key: key($0), element: $0) }.sorted { areInIncreasingOrder($0.key, $1.key) }.map(\.element)
    }
}
