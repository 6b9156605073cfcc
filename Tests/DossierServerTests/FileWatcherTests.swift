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
        let watcher = FileWatcher(folders: [root], pollInterval: 0.05, forcePolling: polling)
        defer { watcher.stop() }
        #expect(watcher.usesPolling == polling)
        try await Task.sleep(for: .milliseconds(200))  // the poller's first scan
        _ = watcher.takeChanges()

        try Data("two, longer".utf8).write(to: file)
        let edited = try await nextChanges(watcher)
        #expect(edited.paths == [file.path])

        try FileManager.default.createDirectory(at: root.appendingPathComponent("events"), withIntermediateDirectories: false)
        try Data("event".utf8).write(to: root.appendingPathComponent("events/x.md"))
        let added = try await nextChanges(watcher)
        if polling {
            // A scan sees files, not folders: the new file is named.
            #expect(added.paths?.contains(root.appendingPathComponent("events/x.md").path) == true)
        } else {
            #expect(added.paths == nil)
        }
        // Taken once: what follows starts empty.
        #expect(watcher.takeChanges().paths == [])
    }

    /// Waits for a change, then for the watcher to be quiet, and takes what it saw.
    private func nextChanges(_ watcher: FileWatcher) async throws -> (count: Int, paths: Set<String>?) {
        let start = watcher.changeCount
        let deadline = ContinuousClock.now + .seconds(10)
        while watcher.changeCount == start && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(300))
        return watcher.takeChanges()
    }
}
