import DossierKit
import Foundation

/// What the preview tells open pages after a rebuild.
public enum BuildEvent: Sendable, Equatable {
    /// `pages`: the URL paths of the pages the build wrote, when it knows them (an edit
    /// of bodies); an open page that is not among them is as it was. Nil: every page.
    case reload(build: Int, pages: [String]? = nil)
    /// Every page but `shown`, which the build wrote and reloaded first (an edit of front
    /// matter, which renders every page again).
    case reloadOthers(build: Int, shown: [String])
    case failed([Diagnostic])
    /// Keeps the connection alive and finds streams whose browser has gone.
    case heartbeat

    /// One server-sent event: `event:` line, one `data:` line of JSON, blank line.
    var serverSentEvent: String {
        switch self {
        case .reload(let build, nil):
            return "event: reload\ndata: {\"build\":\(build)}\n\n"
        case .reload(let build, let pages?):
            return "event: reload\ndata: {\"build\":\(build),\"pages\":\(Self.json(pages))}\n\n"
        case .reloadOthers(let build, let shown):
            return "event: reload\ndata: {\"build\":\(build),\"except\":\(Self.json(shown))}\n\n"
        case .failed(let diagnostics):
            return "event: failed\ndata: \(BuildStatus.json(diagnostics))\n\n"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
    }

    private static func json(_ paths: [String]) -> String {
        (try? JSONSerialization.data(withJSONObject: paths, options: [.withoutEscapingSlashes])).map {
            String(decoding: $0, as: UTF8.self)
        } ?? "[]"
    }
}

/// Hands each build event to every open event stream. A stream that cannot keep up
/// keeps only the newest few events: a page needs the latest state, not the history.
public final class BuildEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<BuildEvent>.Continuation] = [:]
    private var finished = false

    public init() {}

    public func subscribe() -> AsyncStream<BuildEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: BuildEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        lock.lock()
        if finished {
            lock.unlock()
            continuation.finish()
            return stream
        }
        subscribers[id] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    public func publish(_ event: BuildEvent) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream, so the server can stop without waiting for browsers.
    public func finishAll() {
        lock.lock()
        finished = true
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }

    private func remove(_ id: UUID) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }
}

/// The state of the last build, for pages that load while it is broken.
public final class BuildStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var diagnostics: [Diagnostic] = []
    private var build = 0

    public init() {}

    public func succeeded() -> Int {
        lock.lock()
        defer { lock.unlock() }
        diagnostics = []
        build += 1
        return build
    }

    public func failed(_ errors: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        diagnostics = errors
    }

    public var json: String {
        lock.lock()
        defer { lock.unlock() }
        return "{\"build\":\(build),\"errors\":\(Self.json(diagnostics))}"
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let values: [[String: Any]] = diagnostics.map { diagnostic in
            var value: [String: Any] = [
                "file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                "severity": diagnostic.severity == .error ? "error" : "warning", "message": diagnostic.message,
                "text": diagnostic.description,
            ]
            if let hint = diagnostic.hint { value["hint"] = hint }
            return value
        }
        guard let data = try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
