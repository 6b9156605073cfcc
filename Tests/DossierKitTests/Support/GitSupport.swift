import Foundation

@testable import DossierKit

/// A git repository made by a test in its temporary site, with commits at fixed times
/// (author and committer), so what the build reads from it never depends on the clock.
struct TestRepository {
    let root: URL

    /// `git init` at `root`, with a user of its own.
    init(at root: URL) throws {
        self.root = root
        try run(["init", "-q", "-b", "main"])
    }

    /// Stages everything and commits it, dated `time` (`2025-01-10T10:00:00Z`).
    func commitAll(_ subject: String, at time: String) throws {
        try run(["add", "-A"])
        try run(["commit", "-q", "-m", subject], date: time)
    }

    @discardableResult
    func run(_ arguments: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        environment["GIT_AUTHOR_NAME"] = "Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.org"
        environment["GIT_COMMITTER_NAME"] = "Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.org"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root.path  // no user configuration (signing, hooks)
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw GitFailure(message: "git \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    struct GitFailure: Error { var message: String }
}
