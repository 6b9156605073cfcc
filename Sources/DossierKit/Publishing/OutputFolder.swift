import Foundation

/// Writes a build into a staging folder and swaps it into place only when everything
/// succeeded, so readers and a killed build see the old site or the new one, never a mix.
/// It deletes only folders it made itself, known by the marker file.
public struct OutputFolder: Sendable {
    public static let marker = ".dossier-output"
    public let url: URL
    public let staging: URL
    private let recycled = RecycledStaging()

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        self.staging = self.url.deletingLastPathComponent().appendingPathComponent(".\(self.url.lastPathComponent).staging")
    }

    /// What a build reports when writing into this folder failed.
    func writeFailure(_ error: any Error) -> BuildFailure {
        BuildFailure([.error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(file: url.path))])
    }

    /// Refuses outputs that could hold something other than a build: `/`, the home
    /// folder, the project root, the content or template folder, or a folder that has
    /// files and no marker.
    public func checkSafe(projectRoot: URL, protected: [URL]) throws {
        let real = url.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        let root = projectRoot.resolvingSymlinksInPath().path
        let location = SourceLocation(file: url.path, line: 0, column: 0)
        func refuse(_ why: String) -> Diagnostic {
            .error(
                "refusing to write the site into \(url.path): \(why)", at: location,
                hint: "pass --output with a folder of its own, such as Public")
        }
        if real == "/" { throw refuse("it is the file system root") }
        if real == home { throw refuse("it is the home folder") }
        if real == root { throw refuse("it is the project folder") }
        for folder in protected {
            let protectedPath = folder.resolvingSymlinksInPath().path
            if real == protectedPath || protectedPath.hasPrefix(real + "/") || real.hasPrefix(protectedPath + "/") {
                throw refuse("it overlaps \(folder.lastPathComponent)/, which the build reads")
            }
        }
        if root.hasPrefix(real + "/") { throw refuse("it contains the project folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw refuse("it holds files that dossier did not write")
        }
    }

    /// The staging folder for a full build. After a swap it holds the site before, which
    /// the next build writes over instead of deleting it and making every file and folder
    /// anew: on ext4 a 10,000-page rebuild spent about 1.7 s deleting the old site, and the
    /// next build made its files slowly next to the inodes just freed. Only a folder with
    /// the marker is reused; anything else there is removed first.
    public func prepareStaging() throws {
        let fm = FileManager.default
        recycled.inventory = nil
        var info = stat()
        if lstat(staging.path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR && fm.fileExists(atPath: staging.appendingPathComponent(Self.marker).path) {
                recycled.inventory = try StagingInventory.take(of: staging.path)
            } else {
                try fm.removeItem(at: staging)
            }
        }
        if recycled.inventory == nil { try fm.createDirectory(at: staging, withIntermediateDirectories: true) }
        try write(Self.marker, Data("Written by dossier. The whole folder is replaced on each build.\n".utf8))
    }

    public func write(_ relativePath: String, _ data: Data) throws {
        let path = staging.path + "/" + relativePath
        guard let inventory = recycled.inventory else { return try FileWriting.write(data, to: path) }
        inventory.markWritten(relativePath)
        try FileWriting.writeUnlessSame(data, to: path, within: staging.path)
    }

    /// Replaces one file of the output itself (not staging), through a temporary file and a
    /// rename, so a reader never sees it half written. Used by incremental rebuilds, which
    /// change a few files of a folder that `serve` is serving.
    public func replace(_ relativePath: String, _ data: Data) throws {
        let target = url.appendingPathComponent(relativePath)
        if (try? Data(contentsOf: target)) == data { return }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target, options: .atomic)
    }

    public func remove(_ relativePath: String) throws {
        let target = url.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
    }

    /// Swaps staging and output in one atomic step where the system allows it. The site
    /// before stays in the staging folder for the next build to write over.
    public func commit() throws {
        let fm = FileManager.default
        try recycled.inventory?.removeUnwritten(in: staging.path)
        recycled.inventory = nil
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging, to: url)
            return
        }
        if !AtomicSwap.exchange(staging.path, url.path) {
            // No atomic exchange here: three renames, the old site in place until the second.
            let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).old")
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
            try fm.moveItem(at: url, to: old)
            try fm.moveItem(at: staging, to: url)
            try fm.moveItem(at: old, to: staging)
        }
        // A project under git would otherwise list the kept site as untracked files; the
        // next build removes this file with the rest of what it does not write.
        try? Data("*\n".utf8).write(to: staging.appendingPathComponent(".gitignore"))
    }

    /// After a failed build, which leaves nothing beside the output; the next build starts afresh.
    public func discardStaging() {
        recycled.inventory = nil
        try? FileManager.default.removeItem(at: staging)
    }
}

/// The inventory of a reused staging folder, set when a build starts; `OutputFolder` is
/// a value shared with the render tasks, which record through it what they write.
final class RecycledStaging: @unchecked Sendable {
    private let lock = NSLock()
    private var current: StagingInventory?

    var inventory: StagingInventory? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}

/// `renameat2(RENAME_EXCHANGE)` on Linux, looked up at run time because Swift's Glibc
/// module does not export it.
enum AtomicSwap {
    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif

    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let renameat2 else { return false }
        let atFDCWD: Int32 = -100
        let renameExchange: UInt32 = 1 << 1
        return renameat2(atFDCWD, a, atFDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
