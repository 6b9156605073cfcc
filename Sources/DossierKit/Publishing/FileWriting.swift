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

    /// Creates or truncates `path`, making missing folders first.
    static func write(_ data: Data, to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == ENOENT {
            try makeFolders(parentOf: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
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

    /// `mkdir -p` of the folder holding `path`: only the missing levels are made.
    static func makeFolders(parentOf path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw failure(folder) }
        try makeFolders(parentOf: folder)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw failure(folder) }
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}
