import Foundation

/// Order-preserving parallel map over independent work items, in a few chunks per core
/// so that 10,000 small items do not become 10,000 tasks, yet a slow chunk near the end
/// (the timeline page, a hub entity) leaves the other cores little to wait for.
enum Parallel {
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Items the caller gives up (`Parallel.map(consume items)`) are freed by the task
    /// that maps them, as it finishes, instead of all at once on one core afterwards.
    static func map<T: Sendable, R: Sendable>(
        _ items: consuming [T], _ transform: @escaping @Sendable (T) -> R
    ) async -> [R] {
        guard items.count > 1, width > 1 else { return items.map(transform) }
        let chunkSize = max(1, (items.count + width * 16 - 1) / (width * 16))
        var slices = stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
        _ = consume items
        return await withTaskGroup(of: (Int, [R]).self) { group in
            for index in slices.indices {
                let slice = slices[index]
                slices[index] = []
                group.addTask { (index, slice.map(transform)) }
            }
            var parts = [[R]](repeating: [], count: slices.count)
            for await (index, part) in group { parts[index] = part }
            return parts.flatMap { $0 }
        }
    }
}
