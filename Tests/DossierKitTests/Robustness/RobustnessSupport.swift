import Foundation
import Testing

@testable import DossierKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The robustness suites (`swift test --filter Robustness`): hostile content, very large
/// input, killed builds, and fuzzing of the hand-written parsers.
@Suite("Robustness") enum Robustness {}

extension TempSite {
    /// Builds and expects a `BuildFailure`; returns its diagnostics as printed (`file:line:col: error: …`).
    func failingBuildDescriptions(templates: URL = TestPaths.templates) async -> [String] {
        let failure = await #expect(throws: BuildFailure.self) { try await self.build(templates: templates) }
        return failure?.diagnostics.map(\.description) ?? []
    }

    /// `.Public.staging` / `.Public.old` left beside the output.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".staging") || $0.hasSuffix(".old") }
    }
}

/// Compares two output trees file by file (path and bytes) and records each difference.
func expectSameTree(
    _ after: [String: Data], _ before: [String: Data], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(after.keys.sorted() == before.keys.sorted(), "\(what): the set of files changed", sourceLocation: sourceLocation)
    for (path, data) in before where after[path] != data {
        Issue.record("\(what): \(path) changed", sourceLocation: sourceLocation)
    }
}

/// The `dossier` executable of the current build, found beside the test products:
/// `swift test` (`.build/debug`) and `--scratch-path .build-robust` both put it there.
enum DossierExecutable {
    static var url: URL? {
        var candidates: [URL] = []
        // The resource bundle sits in the products folder, next to `dossier`, on Linux and macOS.
        candidates.append(Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier"))
        #if os(Linux)
        let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(running.deletingLastPathComponent().appendingPathComponent("dossier"))
        #endif
        let root = TestPaths.packageRoot()
        for scratch in [".build-robust", ".build"] {
            candidates.append(root.appendingPathComponent(scratch).appendingPathComponent("debug/dossier"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A child process started with `posix_spawn`, so the test can SIGKILL it and reap it
/// itself (with its peak memory), without Foundation's `Process` in between.
struct ChildProcess {
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    let pid: pid_t

    /// Starts `executable` with `arguments`; stdin is /dev/null, stdout and stderr go to the files given.
    static func spawn(_ executable: URL, _ arguments: [String], stdout: URL, stderr: URL) throws -> ChildProcess {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Never the test run's terminal: a child that asks a question gets no answer, at once.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard result == 0 else {
            throw Diagnostic.error("posix_spawn failed: \(String(cString: strerror(result)))", at: .init(file: executable.path))
        }
        return ChildProcess(pid: pid)
    }

    func kill(_ signal: Int32 = SIGKILL) {
        _ = sendSignal(pid, signal)
    }

    /// Reaps the child if it has ended: how it ended and its peak resident memory in kB.
    func poll() throws -> (ending: Ending, maxRSSKilobytes: Int)? {
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, WNOHANG, &usage)
        if result == pid {
            let signal = status & 0x7f
            let ending: Ending = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            #if os(Linux)
            let rss = Int(usage.ru_maxrss)  // kB on Linux
            #else
            let rss = Int(usage.ru_maxrss) / 1024  // bytes on macOS
            #endif
            return (ending, rss)
        }
        if result == -1 && errno != EINTR {
            throw Diagnostic.error("wait4 failed: \(String(cString: strerror(errno)))", at: .init(file: "pid \(pid)"))
        }
        return nil
    }

    /// Waits without blocking a thread of the test pool.
    func wait() async throws -> (ending: Ending, maxRSSKilobytes: Int) {
        while true {
            if let result = try poll() { return result }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// `kill(2)`, named apart from `ChildProcess.kill`.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}

extension Robustness {
    /// Tests that run the real executable on big inputs for seconds: one at a time, so
    /// their timings and peak memory are not measured against each other.
    @Suite("Heavy builds", .serialized) enum HeavyBuilds {}
}

/// `dossier build --quiet` of a temporary site, as a child process.
struct DossierRun {
    let executable: URL
    let site: TempSite
    var logs: URL { site.root.appendingPathComponent("logs") }

    init(_ executable: URL, _ site: TempSite) throws {
        self.executable = executable
        self.site = site
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    }

    func start(output: URL? = nil, log: String) throws -> ChildProcess {
        try ChildProcess.spawn(
            executable,
            [
                "build", "--source", site.content.path, "--templates", TestPaths.templates.path, "--output", (output ?? site.output).path,
                "--quiet",
            ],
            stdout: logs.appendingPathComponent(log + ".out"), stderr: logs.appendingPathComponent(log + ".err"))
    }

    /// What the run printed on stderr (diagnostics).
    func stderr(_ log: String) -> String {
        (try? String(contentsOf: logs.appendingPathComponent(log + ".err"), encoding: .utf8)) ?? ""
    }

    /// Runs a whole build; returns how it ended, its peak RSS in kB and its wall time.
    func build(output: URL? = nil, log: String) async throws -> (ending: ChildProcess.Ending, maxRSSKilobytes: Int, time: Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        let (ending, rss) = try await start(output: output, log: log).wait()
        return (ending, rss, clock.now - started)
    }
}

func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
}
