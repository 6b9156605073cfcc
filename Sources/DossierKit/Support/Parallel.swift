import Foundation

/// Order-preserving parallel map over independent work items, in a few chunks per core
/// so that 10,000 small items do not become 10,000 tasks, yet a slow chunk near the end
/// (the timeline page, a hub entity) leaves the other cores little to wait for.
enum Parallel {
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<T: Sendable, R: Sendable>(
        _ items: [T], _ transform: @escaping @Sendable (T) -> R
    ) async -> [R] {
        guard items.count > 1, width > 1 else { return items.map(transform) }
        let chunkSize = max(1, (items.count + width * 16 - 1) / (width * 16))
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
        return await withTaskGroup(of: (Int, [R]).self) { group in
            for (index, range) in chunks.enumerated() {
                let slice = Array(items[range])
                group.addTask { (index, slice.map(transform)) }
            }
            var parts = [[R]](repeating: [], count: chunks.count)
            for await (index, part) in group { parts[index] = part }
            return parts.flatMap { $0 }
        }
    }
}
