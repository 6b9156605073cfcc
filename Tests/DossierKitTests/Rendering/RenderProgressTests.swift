import Foundation
import Testing

@testable import DossierKit

/// What a build's progress line counts: every page it renders, against the pages planned.
@Suite("Pages rendered, for the progress line")
struct RenderProgressTests {
    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [(rendered: Int, planned: Int)] = []
        func add(_ rendered: Int, _ planned: Int) { lock.withLock { seen.append((rendered, planned)) } }
        var all: [(rendered: Int, planned: Int)] { lock.withLock { seen } }
    }

    func build(_ site: TempSite, check: Bool = false) async throws -> (SiteBuilder.Report, [(rendered: Int, planned: Int)]) {
        let counts = Counts()
        var options = site.options()
        if check { options.outputFolder = nil }
        let builder = SiteBuilder(options: options, pageProgress: RenderProgress { counts.add($0, $1) })
        let report = try await builder.build()
        return (report, counts.all)
    }

    @Test(arguments: [false, true])
    func everyPageCountsAndTheLastCountIsThePlan(check: Bool) async throws {
        try await withTempSite { site in
            let (report, counts) = try await build(site, check: check)
            let last = try #require(counts.last)
            #expect(last.rendered == report.pageCount && last.planned == report.pageCount)
            // Reported from the render's threads in turn: never more rendered than planned.
            #expect(counts.allSatisfy { $0.rendered <= $0.planned })
            #expect(counts.filter { $0.rendered > 0 }.map(\.rendered).sorted() == Array(1...report.pageCount))
        }
    }

    @Test func theOtherLanguagesPagesCountToo() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            let (report, counts) = try await build(site)
            #expect(report.coverage.count == 1)
            let last = try #require(counts.last)
            #expect(last.rendered == report.pageCount && last.planned == report.pageCount)
        }
    }
}
