import Foundation

/// What a recycled staging folder held before this build wrote into it: the files not
/// yet written again, and the folders that may be left empty. A file this build does not
/// write belongs to a page that no longer exists and is removed before the swap.
final class StagingInventory: @unchecked Sendable {
    private let lock = NSLock()
    private var unwritten: Set<String>
    /// Folders that held nothing when taken (a killed build can leave them) or held only
    /// what the walk removed.
    private let emptiedFolders: [String]

    private init(files: Set<String>, emptiedFolders: [String]) {
        self.unwritten = files
        self.emptiedFolders = emptiedFolders
    }

    /// Walks `root` without following links. Anything but a regular file or a folder (a
    /// symbolic link above all, which a write would follow out of the folder) is removed.
    static func take(of root: String) throws -> StagingInventory {
        var files: Set<String> = []
        var emptiedFolders: [String] = []
        try walk(root, "", files: &files, emptiedFolders: &emptiedFolders)
        return StagingInventory(files: files, emptiedFolders: emptiedFolders)
    }

    /// Called from the render tasks, for every file written.
    func markWritten(_ relativePath: String) {
        lock.withLock { _ = unwritten.remove(relativePath) }
    }

    /// Removes the files not written since `take`, then every folder left empty.
    func removeUnwritten(in root: String) throws {
        let files = lock.withLock { unwritten }
        var folders: Set<String> = []
        func addWithParents(_ path: Substring) {
            var folder = path
            while folders.insert(String(folder)).inserted, let slash = folder.lastIndex(of: "/") { folder = folder[..<slash] }
        }
        for folder in emptiedFolders { addWithParents(Substring(folder)) }
        for file in files {
            // Gone already where this build made a folder in its place, or a file in place of its folder.
            guard unlink(root + "/" + file) == 0 || [ENOENT, ENOTDIR, EISDIR].contains(errno) else {
                throw FileWriting.failure(root + "/" + file)
            }
            if let slash = file.lastIndex(of: "/") { addWithParents(file[..<slash]) }
        }
        // Longest path first, so each folder before its parent, which goes too once that
        // was its last entry; a folder that still holds something is left (rmdir refuses it).
        for folder in folders.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            _ = rmdir(root + "/" + folder)
        }
    }

    private static func walk(_ root: String, _ relative: String, files: inout Set<String>, emptiedFolders: inout [String]) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let folder = opendir(path) else { throw FileWriting.failure(path) }
        var subfolders: [String] = []
        var strays: [String] = []
        var isEmpty = true
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            isEmpty = false
            let child = relative.isEmpty ? name : relative + "/" + name
            switch kind(entry.pointee.d_type, at: root + "/" + child) {
            case .folder: subfolders.append(child)
            case .file: files.insert(child)
            case .other: strays.append(child)
            }
        }
        closedir(folder)
        for stray in strays {
            guard unlink(root + "/" + stray) == 0 || errno == ENOENT else { throw FileWriting.failure(root + "/" + stray) }
        }
        if (isEmpty || !strays.isEmpty) && !relative.isEmpty { emptiedFolders.append(relative) }
        for subfolder in subfolders { try walk(root, subfolder, files: &files, emptiedFolders: &emptiedFolders) }
    }

    private enum Kind { case folder, file, other }

    private static func kind(_ type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_UNKNOWN):
            // Some file systems do not say in the listing; ask without following links.
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }
}
