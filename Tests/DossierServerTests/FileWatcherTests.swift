import Foundation
import Testing

@testable import DossierServer

/// The watcher names the files that changed, so `serve` can patch the last build; when it
/// cannot know them (a folder appears), it says so and the rebuild looks at everything.
@Suite("File watcher")
struct FileWatcherTests {
    @Test("names the edited file, then reports a new folder as unknown", arguments: [false, true])
    func changedPaths(polling: Bool) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-watch-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("entities"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("entities/mali.md")
        try Data("one".utf8).write(to: file)
        // Watching (and the poller's baseline) starts before `init` returns: no wait here.
        let watcher = FileWatcher(folders: [root], pollInterval: 0.05, forcePolling: polling)
        defer { watcher.stop() }
        #expect(watcher.usesPolling == polling)
        // Under any load a stuck watcher ends the test, never hangs it.
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            watcher.stop()
        }
        defer { timeout.cancel() }
        var changes = watcher.changes.makeAsyncIterator()

        try Data("two, longer".utf8).write(to: file)
        let edited = await waitFor(watcher, &changes) { $0?.contains(file.path) == true }
        #expect(edited == [file.path])

        try FileManager.default.createDirectory(at: root.appendingPathComponent("events"), withIntermediateDirectories: false)
        let added = root.appendingPathComponent("events/x.md").path
        try Data("event".utf8).write(to: URL(fileURLWithPath: added))
        if polling {
            // A scan sees files, not folders: the new file is named.
            let seen = await waitFor(watcher, &changes) { $0?.contains(added) == true }
            #expect(seen?.contains(added) == true)
        } else {
            let seen = await waitFor(watcher, &changes) { $0 == nil }
            #expect(seen == nil)
        }
    }

    /// Takes the watcher's changes each time it signals one, until what was taken,
    /// together, satisfies `done` (nil: some change whose files are not known) or the
    /// watcher stops.
    private func waitFor(
        _ watcher: FileWatcher, _ changes: inout AsyncStream<Void>.Iterator, until done: (Set<String>?) -> Bool
    ) async -> Set<String>? {
        var seen: Set<String>? = []
        while await changes.next() != nil {
            let taken = watcher.takeChanges().paths
            if let taken { seen?.formUnion(taken) } else { seen = nil }
            if done(seen) { return seen }
        }
        Issue.record("the watcher stopped before the change was seen; seen so far: \(String(describing: seen))")
        return seen
    }
}
