import Foundation

/// Writes a file with plain system calls. A build writes thousands of small pages, each
/// in a folder of its own; Foundation's `Data.write` and `createDirectory` stat every
/// level of the path each time, which cost more than the writing itself.
enum FileWriting {
    struct Failure: LocalizedError {
        var path: String
        var reason: String
        var errorDescription: String? { "\(path): \(reason)" }
    }

    /// Creates or truncates `path`, making missing folders first. A symbolic link in the
    /// file's place is an error, not followed.
    static func write(_ data: Data, to path: String) throws {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(path, flags, 0o666)
        if descriptor < 0 && errno == ENOENT {
            try makeFolders(parentOf: path)
            descriptor = open(path, flags, 0o666)
        }
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    /// Over a file that may exist from an earlier build: a file that already holds `data` is
    /// left as it is (no write, its time kept), another is written over in place; a file
    /// with other hard links (a backup, a deployment's snapshot) is replaced by a new one
    /// rather than written through; a folder where the file goes, or a file where one of
    /// its folders goes, is removed.
    static func writeUnlessSame(_ data: Data, to path: String, within root: String) throws {
        let existing = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if existing >= 0 {
            var info = stat()
            guard fstat(existing, &info) == 0 else {
                close(existing)
                throw failure(path)
            }
            if info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1 {
                defer { close(existing) }
                if Int(info.st_size) == data.count && holds(existing, data) { return }
                // Written from the start, then cut to length: emptied first (O_TRUNC), ext4
                // would write the file out to disk as soon as it is closed (auto_da_alloc).
                guard lseek(existing, 0, SEEK_SET) == 0 else { throw failure(path) }
                try writeAll(data, to: existing, path: path)
                guard ftruncate(existing, off_t(data.count)) == 0 else { throw failure(path) }
                return
            }
            close(existing)
            guard unlink(path) == 0 else { throw failure(path) }
        } else if errno == EISDIR {
            try FileManager.default.removeItem(atPath: path)
        } else if errno == ENOTDIR {
            try removeFiles(inPlaceOfFoldersOf: path, within: root)
        }
        try write(data, to: path)
    }

    /// Whether the open file holds exactly `data` (its size already known to match).
    private static func holds(_ descriptor: Int32, _ data: Data) -> Bool {
        var contents = Data(count: data.count)
        let complete = contents.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete && contents == data
    }

    /// Removes each file that stands where a folder of `path` (below `root`) should be.
    private static func removeFiles(inPlaceOfFoldersOf path: String, within root: String) throws {
        var folder = root
        for component in path.dropFirst(root.count + 1).split(separator: "/").dropLast() {
            folder += "/" + component
            var info = stat()
            if lstat(folder, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
                guard unlink(folder) == 0 else { throw failure(folder) }
            }
        }
    }

    /// `mkdir -p` of the folder holding `path`: only the missing levels are made.
    static func makeFolders(parentOf path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw failure(folder) }
        try makeFolders(parentOf: folder)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw failure(folder) }
    }

    static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}
