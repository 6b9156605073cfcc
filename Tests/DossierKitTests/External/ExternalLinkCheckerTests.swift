import Foundation
import Testing

@testable import DossierKit

@Suite("check --external: the link checker against a local server")
struct ExternalLinkCheckerTests {
    private func link(_ url: String, line: Int) -> ExternalLink {
        ExternalLink(url: url, field: "url", location: SourceLocation(file: "Content/sources/s\(line).md", line: line, column: 6))
    }

    @Test func reportsAnswersDeadLinksRedirectsAndSilence() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let checker = ExternalLinkChecker(timeout: 1, perHostInterval: 0)
        let report = await checker.check([
            link(server.url("/ok"), line: 1), link(server.url("/missing"), line: 2),
            link(server.url("/moved"), line: 3), link(server.url("/silent"), line: 4),
        ])
        #expect(!report.offline)
        #expect(
            report.results.map(\.outcome) == [
                .ok(status: 200), .dead(status: 404), .redirect(status: 301, to: server.url("/ok")), .timedOut,
            ])
        let diagnostics = report.diagnostics
        #expect(diagnostics.count == 3)
        let dead = diagnostics.first(containing: "dead link")
        #expect(dead?.severity == .error)
        #expect(dead?.location == SourceLocation(file: "Content/sources/s2.md", line: 2, column: 6))
        #expect(diagnostics.first(containing: "redirects (HTTP 301)")?.severity == .warning)
        #expect(diagnostics.first(containing: "no answer")?.location.line == 4)
        #expect(report.summary == "Checked 4 external links: 1 answered, 1 dead, 1 redirected, 1 without an answer.")
    }

    // Foundation on Linux hands curl whole seconds: a 0.5 s timeout once gave up at once.
    @Test func aSilentServerIsGivenTheWholeTimeout() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let report = await ExternalLinkChecker(timeout: 1, perHostInterval: 0).check([link(server.url("/silent"), line: 1)])
        let waited = clock.now - start
        #expect(report.results.map(\.outcome) == [.timedOut])
        #expect(waited >= .milliseconds(950), "gave up after \(waited)")
    }

    @Test func withoutAnyAnswerItSaysThereIsNoNetworkAndStops() async throws {
        // A port that was just closed refuses connections, as a machine without network does.
        let server = try LocalHTTPServer()
        let closed = server.url("/ok")
        server.stop()
        let checker = ExternalLinkChecker(timeout: 1, perHostInterval: 0, offlineAfter: 2)
        let report = await checker.check((1...5).map { link(closed, line: $0) })
        #expect(report.offline)
        #expect(report.results.count == 2)
        #expect(report.summary.hasPrefix("No network"))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func waitsBetweenRequestsToTheSameHost() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let checker = ExternalLinkChecker(timeout: 1, perHostInterval: 0.2)
        let clock = ContinuousClock()
        let start = clock.now
        _ = await checker.check([link(server.url("/ok"), line: 1), link(server.url("/ok"), line: 2)])
        #expect(clock.now - start >= .milliseconds(200))
    }

    @Test func takesSourceURLsAndArchivesButNotAnOriginalMarkedGone() {
        func source(_ slug: String, url: String?, archive: String?, gone: Bool) -> Source {
            let header = PageHeader(
                file: "Content/sources/\(slug).md", section: .source, slug: slug, path: "sources/#src-\(slug)",
                title: Located(slug, at: SourceLocation(file: "x")), summary: nil,
                body: MarkdownText(text: "", firstLine: 1, file: "x"), draft: false)
            return Source(
                header: header, publisher: "P", date: nil, url: url, urlLocation: nil, kind: .newsReport, language: nil,
                note: nil, accessed: nil, archiveURL: archive, archiveURLLocation: nil, originalGone: gone, reliability: nil)
        }
        let links = ExternalLink.of([
            source("a", url: "https://a.example/", archive: nil, gone: false),
            source("b", url: "https://b.example/", archive: "https://web.archive.org/b", gone: true),
        ])
        #expect(links.map(\.url) == ["https://a.example/", "https://web.archive.org/b"])
        #expect(links.map(\.field) == ["url", "archive_url"])
    }
}
