import Foundation

/// What git knows of the content folder: every commit that touched it, newest first,
/// with the files it touched. Read with one `git log` call for the whole folder (the
/// convention of Hugo's `enableGitInfo`), so it costs one process, not one per file.
public struct GitHistory: Sendable, Equatable {
    public struct Commit: Sendable, Equatable {
        public var hash: String
        /// Author time, seconds since 1970 (UTC): when the change was written.
        public var authorTime: Int
        public var subject: String
        /// Paths relative to the content folder.
        public var files: [String]
    }

    /// Newest first, as `git log` lists them.
    public var commits: [Commit]
    /// The newest commit touching each file, by path relative to the content folder.
    private var lastCommitIndex: [String: Int] = [:]

    public init(commits: [Commit]) {
        self.commits = commits
        for (index, commit) in commits.enumerated() {
            for file in commit.files where lastCommitIndex[file] == nil { lastCommitIndex[file] = index }
        }
    }

    /// The last commit that touched a file; nil when git has never seen it (a new file).
    public func lastCommit(touching relativePath: String) -> Commit? {
        lastCommitIndex[relativePath].map { commits[$0] }
    }

    static let recordSeparator = "\u{1e}"
    static let fieldSeparator = "\u{1f}"

    /// Reads the history of `contentFolder`; nil when git is not installed or the folder
    /// is not in a git checkout (a tarball, a copy on a USB stick).
    public static func read(contentFolder: URL) -> GitHistory? {
        let format = "--format=\(recordSeparator)%H\(fieldSeparator)%at\(fieldSeparator)%s"
        // --relative: paths relative to the content folder, and only files inside it.
        guard
            let output = Git.run(
                ["-c", "core.quotePath=false", "log", "--no-renames", "--name-only", "--relative", format, "--", "."], in: contentFolder)
        else { return nil }
        return GitHistory(commits: parseLog(output))
    }

    /// Parses `git log` output in the format `read` asks for.
    static func parseLog(_ output: String) -> [Commit] {
        output.components(separatedBy: recordSeparator).compactMap { record -> Commit? in
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let header = lines.first else { return nil }
            let fields = header.components(separatedBy: fieldSeparator)
            guard fields.count == 3, let time = Int(fields[1]) else { return nil }
            return Commit(hash: fields[0], authorTime: time, subject: fields[2], files: Array(lines.dropFirst()))
        }
    }
}

/// Runs git; side effects at the edge, kept to this one place.
enum Git {
    /// Standard output of `git args` run in `folder`, or nil if git is missing or failed.
    static func run(_ arguments: [String], in folder: URL, input: Data? = nil) -> String? {
        runData(arguments, in: folder, input: input).map { String(decoding: $0, as: UTF8.self) }
    }

    static func runData(_ arguments: [String], in folder: URL, input: Data? = nil) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // The user's pager, colours and a GIT_DIR meant for another repository would change
        // what git prints or where it looks.
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PAGER", "PAGER"] { environment[key] = nil }
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        if let input, let inputPipe {
            // Written from another thread: a large answer would otherwise fill the output
            // pipe while git still waits for its input.
            let handle = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                handle.write(input)
                try? handle.close()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return data
    }
}
