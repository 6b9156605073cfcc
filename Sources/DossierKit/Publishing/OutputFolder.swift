import Foundation

/// Writes a build into a staging folder and swaps it into place only when everything
/// succeeded, so readers and a killed build see the old site or the new one, never a mix.
/// It deletes only folders it made itself, known by the marker file.
public struct OutputFolder: Sendable {
    public static let marker = ".dossier-output"
    public let url: URL
    public let staging: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        self.staging = self.url.deletingLastPathComponent().appendingPathComponent(".\(self.url.lastPathComponent).staging")
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
            .error("refusing to write the site into \(url.path): \(why)", at: location, hint: "pass --output with a folder of its own, such as Public")
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

    /// A fresh, empty staging folder.
    public func prepareStaging() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("Written by dossier. The whole folder is replaced on each build.\n".utf8)
            .write(to: staging.appendingPathComponent(Self.marker))
    }

    public func write(_ relativePath: String, _ data: Data) throws {
        try FileWriting.write(data, to: staging.path + "/" + relativePath)
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

    /// Swaps staging and output in one atomic step where the system allows it.
    public func commit() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging, to: url)
            return
        }
        if AtomicSwap.exchange(staging.path, url.path) {
            try fm.removeItem(at: staging)  // now holds the previous site
            return
        }
        // No atomic exchange here: two renames, with the old site kept until the end.
        let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).old")
        if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
        try fm.moveItem(at: url, to: old)
        try fm.moveItem(at: staging, to: url)
        try fm.removeItem(at: old)
    }

    public func discardStaging() {
        try? FileManager.default.removeItem(at: staging)
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
