import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One address the dossier links to outside itself, and where it is written.
public struct ExternalLink: Sendable, Equatable {
    public var url: String
    public var field: String
    public var location: SourceLocation

    public init(url: String, field: String, location: SourceLocation) {
        self.url = url
        self.field = field
        self.location = location
    }

    /// The sources' `url` (unless the original is marked gone) and `archive_url`, in
    /// source order: what `dossier check --external` asks the network about.
    public static func of(_ sources: [Source]) -> [ExternalLink] {
        sources.flatMap { source -> [ExternalLink] in
            let file = SourceLocation(file: source.header.file)
            var links: [ExternalLink] = []
            if let url = source.url, !source.originalGone {
                links.append(ExternalLink(url: url, field: "url", location: source.urlLocation ?? file))
            }
            if let archive = source.archiveURL {
                links.append(ExternalLink(url: archive, field: "archive_url", location: source.archiveURLLocation ?? file))
            }
            return links
        }
    }
}

/// What one address answered.
public enum LinkOutcome: Sendable, Equatable {
    case ok(status: Int)
    case redirect(status: Int, to: String)
    case dead(status: Int)
    case timedOut
    /// No HTTP answer at all: no route, no such host, connection refused.
    case unreachable(String)
}

/// Asks the network about external links, one at a time, never faster than one request a
/// second to the same host, each with a timeout. Only `dossier check --external` uses it:
/// a build never touches the network.
public struct ExternalLinkChecker: Sendable {
    public var timeout: TimeInterval
    public var perHostInterval: TimeInterval
    /// After this many links in a row without any HTTP answer, and none before them, the
    /// machine is taken to have no network and the rest are not tried.
    public var offlineAfter: Int

    /// `timeout` is rounded up to whole seconds: Foundation on Linux passes curl whole
    /// seconds, and a timeout under one second made it give up at once.
    public init(timeout: TimeInterval = 10, perHostInterval: TimeInterval = 1, offlineAfter: Int = 3) {
        self.timeout = max(1, timeout.rounded(.up))
        self.perHostInterval = perHostInterval
        self.offlineAfter = offlineAfter
    }

    public struct Result: Sendable {
        public var link: ExternalLink
        public var outcome: LinkOutcome
    }

    public struct Report: Sendable {
        public var results: [Result] = []
        /// True when nothing answered and the check stopped early.
        public var offline = false

        /// None when offline: the links were not checked, so nothing is known about them.
        public var diagnostics: [Diagnostic] {
            offline ? [] : results.compactMap { Self.diagnostic($0.link, $0.outcome) }
        }

        /// One line for the terminal: how many were checked and what they answered.
        public var summary: String {
            if offline {
                return "No network: none of the first \(results.count) links answered, so external links were not checked."
            }
            func count(_ matches: (LinkOutcome) -> Bool) -> Int { results.filter { matches($0.outcome) }.count }
            let dead = count { if case .dead = $0 { true } else { false } }
            let moved = count { if case .redirect = $0 { true } else { false } }
            let silent = count { if case .timedOut = $0 { true } else if case .unreachable = $0 { true } else { false } }
            return
                "Checked \(results.count) external links: \(results.count - dead - moved - silent) answered, \(dead) dead, \(moved) redirected, \(silent) without an answer."
        }

        static func diagnostic(_ link: ExternalLink, _ outcome: LinkOutcome) -> Diagnostic? {
            switch outcome {
            case .ok:
                return nil
            case .dead(let status):
                return .error(
                    "dead link: \(link.url) answers HTTP \(status)", at: link.location,
                    hint: link.field == "url"
                        ? "find the page's new address, or add 'archive_url' and 'original_gone: true'"
                        : "find another archived copy")
            case .redirect(let status, let target):
                return .warning(
                    "link redirects (HTTP \(status)) to \(target)", at: link.location,
                    hint:
                        "if the page moved, write the new address in '\(link.field)'; a redirect to a home page often means the page is gone"
                )
            case .timedOut:
                return .warning("no answer from \(link.url) in time", at: link.location, hint: "try again later; the server may be slow")
            case .unreachable(let reason):
                return .warning("cannot reach \(link.url): \(reason)", at: link.location)
            }
        }
    }

    public func check(_ links: [ExternalLink], progress: (@Sendable (Int, Int) -> Void)? = nil) async -> Report {
        var report = Report()
        var lastRequest: [String: Date] = [:]
        var answered = false
        var silentInARow = 0
        let client = LinkClient(timeout: timeout)
        for (index, link) in links.enumerated() {
            let host = URL(string: link.url)?.host ?? link.url
            if let last = lastRequest[host] {
                let wait = perHostInterval - Date().timeIntervalSince(last)
                if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
            }
            lastRequest[host] = Date()
            let outcome = await client.outcome(of: link.url)
            report.results.append(Result(link: link, outcome: outcome))
            progress?(index + 1, links.count)
            switch outcome {
            case .unreachable, .timedOut: silentInARow += 1
            default:
                answered = true
                silentInARow = 0
            }
            if !answered && silentInARow >= offlineAfter {
                report.offline = true
                break
            }
        }
        return report
    }
}

/// One URLSession that does not follow redirects, so they can be reported.
private final class LinkClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private var session: URLSession!

    init(timeout: TimeInterval) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "dossier-link-check (one request per host per second)"]
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func outcome(of address: String) async -> LinkOutcome {
        guard let url = URL(string: address) else { return .unreachable("not a valid URL") }
        let head = await answer(url, method: "HEAD")
        // Many servers refuse HEAD; only a GET tells whether the page is there.
        if case .dead(let status) = head, [403, 405, 501].contains(status) {
            return await answer(url, method: "GET")
        }
        return head
    }

    private func answer(_ url: URL, method: String) async -> LinkOutcome {
        var request = URLRequest(url: url)
        request.httpMethod = method
        return await withCheckedContinuation { continuation in
            session.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: Self.outcome(http, url: url))
                } else if let error = error as? URLError, error.code == .timedOut {
                    continuation.resume(returning: .timedOut)
                } else {
                    continuation.resume(returning: .unreachable(error.map { ($0 as NSError).localizedDescription } ?? "no answer"))
                }
            }.resume()
        }
    }

    private static func outcome(_ response: HTTPURLResponse, url: URL) -> LinkOutcome {
        let status = response.statusCode
        switch status {
        case 200..<300: return .ok(status: status)
        case 300..<400:
            let location = response.value(forHTTPHeaderField: "Location") ?? ""
            let target = URL(string: location, relativeTo: url)?.absoluteString ?? location
            return .redirect(status: status, to: target)
        default: return .dead(status: status)
        }
    }
}
