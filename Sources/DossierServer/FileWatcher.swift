import DossierKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells when files under some folders change: inotify on Linux, where an edit is
/// seen at once; elsewhere, or if inotify is unavailable, a scan of file stamps a few
/// times a second. Changes arrive as a stream that holds at most one pending change,
/// so saving a file many times during a rebuild queues one rebuild, not many.
public final class FileWatcher: @unchecked Sendable {
    public let changes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let folders: [URL]
    private let lock = NSLock()
    private var stopped = false
    private var lastChange = Date.distantPast
    /// Files seen to change since `takeChanges()` last ran, or nil when a change was seen
    /// whose files are not known (a folder added, moved or removed, or events lost).
    private var changedPaths: Set<String>? = []
    #if os(Linux)
    private var descriptor: Int32 = -1
    private var watchedFolders: [Int32: String] = [:]
    #endif
    public private(set) var usesPolling = false

    public init(folders: [URL], pollInterval: TimeInterval = 0.25, forcePolling: Bool = false) {
        self.folders = folders.map { $0.resolvingSymlinksInPath() }
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        #if os(Linux)
        if !forcePolling && startInotify() { return }
        #endif
        usesPolling = true
        startPolling(interval: pollInterval)
    }

    /// Changes seen so far; a rebuild that started after the last one covers them all.
    public var changeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
    private var count = 0

    /// When the last change was seen, for debouncing a burst of saves.
    public var timeOfLastChange: Date {
        lock.lock()
        defer { lock.unlock() }
        return lastChange
    }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        continuation.finish()
        #if os(Linux)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// The changes seen so far (their count, as `changeCount`) and the files they touched,
    /// nil if unknown; the next call reports only what came after.
    public func takeChanges() -> (count: Int, paths: Set<String>?) {
        lock.lock()
        defer { lock.unlock() }
        let paths = changedPaths
        changedPaths = []
        return (count, paths)
    }

    /// `paths`: the files that changed, or nil if they are not known.
    private func changed(_ paths: Set<String>?) {
        lock.lock()
        lastChange = Date()
        count += 1
        if let paths { changedPaths?.formUnion(paths) } else { changedPaths = nil }
        lock.unlock()
        continuation.yield()
    }

    // MARK: inotify

    #if os(Linux)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)

    private func startInotify() -> Bool {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        for folder in folders { watchTree(folder.path) }
        let thread = Thread { [self] in readEvents() }
        thread.name = "dossier-watch"
        thread.start()
        return true
    }

    /// Watches a folder and every folder below it (inotify is not recursive).
    private func watchTree(_ path: String) {
        let id = inotify_add_watch(descriptor, path, Self.mask)
        if id >= 0 {
            lock.lock()
            watchedFolders[id] = path
            lock.unlock()
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() {
            var isDirectory: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue, !name.hasPrefix(".") {
                watchTree(child)
            }
        }
    }

    private func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while !isStopped {
            let count = read(descriptor, buffer, size)
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                return
            }
            var offset = 0
            var sawChange = false
            var paths: Set<String>? = []
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name: String?
                if event.len > 0 {
                    name = String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self))
                }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let name {
                    lock.lock()
                    let parent = watchedFolders[event.wd]
                    lock.unlock()
                    if let parent { watchTree(parent + "/" + name) }
                }
                if event.mask & UInt32(IN_IGNORED) == 0, name.map({ !ContentFiles.isEditorLeftover($0) }) ?? true {
                    sawChange = true
                    lock.lock()
                    let parent = watchedFolders[event.wd]
                    lock.unlock()
                    // A file's own event names it; anything about folders, or lost events, does not.
                    if let name, let parent, event.mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_DELETE_SELF) == 0 {
                        paths?.insert(parent + "/" + name)
                    } else {
                        paths = nil
                    }
                }
                offset = nameStart + Int(event.len)
            }
            if sawChange { changed(paths) }
        }
    }
    #endif

    // MARK: polling

    private func startPolling(interval: TimeInterval) {
        // The baseline is taken before `init` returns: a save made right after is a change.
        let baseline = signature()
        let thread = Thread { [self] in
            var previous = baseline
            while !isStopped {
                Thread.sleep(forTimeInterval: interval)
                let current = signature()
                if current != previous {
                    let paths = Set(current.keys).union(previous.keys).filter { current[$0] != previous[$0] }
                    previous = current
                    changed(paths)
                }
            }
        }
        thread.name = "dossier-poll"
        thread.start()
    }

    /// Every file's path, size and modification time.
    private func signature() -> [String: String] {
        var result: [String: String] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator where !ContentFiles.isEditorLeftover(url.lastPathComponent) {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                result[url.path] = "\(values.fileSize ?? 0) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
            }
        }
        return result
    }
}
