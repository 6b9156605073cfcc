import Foundation
import Testing

@testable import DossierKit

@Suite("Last-changed dates from front matter and git")
struct LastChangedTests {
    @Test("git log output: commits newest first, each with the files it touched")
    func parsesLog() {
        let rs = GitHistory.recordSeparator, fs = GitHistory.fieldSeparator
        let output =
            "\(rs)bbb\(fs)1740054600\(fs)Second change\n\nbriefings/a.md\n\(rs)aaa\(fs)1736503200\(fs)First\n\nbriefings/a.md\nsite.yml\n"
        let history = GitHistory(commits: GitHistory.parseLog(output))
        #expect(history.commits.map(\.hash) == ["bbb", "aaa"])
        #expect(history.lastCommit(touching: "briefings/a.md")?.subject == "Second change")
        #expect(history.lastCommit(touching: "site.yml")?.hash == "aaa")
        #expect(history.lastCommit(touching: "events/new.md") == nil)
    }

    @Test("a Unix time is a UTC day and an ISO 8601 time")
    func utc() {
        let (day, time) = LastChangedDates.utc(1_740_054_600)
        #expect(day.description == "2025-02-20")
        #expect(time == "2025-02-20T12:30:00Z")
    }

    @Test("from a git repository with two commits: the last commit touching each file, front matter winning")
    func fromGit() async throws {
        try await withTempSite { site in
            let repository = try TestRepository(at: site.root)
            try repository.commitAll("First edition", at: "2025-01-10T10:00:00Z")
            try site.edit("briefings/sahel-overview.md", replacing: "## Background", with: "A new sentence.\n\n## Background")
            try site.edit("entities/countries/mali.md", replacing: "kind: country", with: "kind: country\nupdated: \"2025-02-01\"")
            try repository.commitAll("Sharpen the overview", at: "2025-02-20T12:30:00Z")

            let report = try await site.build()
            let dates = try #require(report.catalog?.lastChanged)
            let briefing = try #require(dates["briefings/sahel-overview/"])
            #expect(briefing.origin == .git)
            #expect(briefing.timestamp == "2025-02-20T12:30:00Z")
            #expect(briefing.commitSubject == "Sharpen the overview")
            // Touched by the second commit too, but its front matter says when it changed.
            let mali = try #require(dates["entities/countries/mali/"])
            #expect(mali.origin == .frontMatter)
            #expect(mali.date.description == "2025-02-01")
            #expect(dates["entities/countries/niger/"]?.timestamp == "2025-01-10T10:00:00Z")
            #expect(report.notes.isEmpty)

            // Shown on the page, and used by the sitemap and the feed.
            #expect(
                try site.html("briefings/sahel-overview/index.html").contains(
                    "<time datetime=\"2025-02-20T12:30:00Z\">20 February 2025</time>"))
            #expect(
                try site.html("entities/countries/mali/index.html").contains(
                    "last changed on <time datetime=\"2025-02-01\">1 February 2025</time>"))
            let sitemap = try site.html("sitemap.xml")
            #expect(
                sitemap.contains("<loc>https://example.org/test/briefings/sahel-overview/</loc><lastmod>2025-02-20T12:30:00Z</lastmod>"))
            #expect(sitemap.contains("<loc>https://example.org/test/entities/countries/mali/</loc><lastmod>2025-02-01</lastmod>"))
            let feed = try site.html("feed.xml")
            #expect(
                feed.contains("<id>https://example.org/test/briefings/sahel-overview/</id>\n    <updated>2025-02-20T12:30:00Z</updated>"))
            #expect(feed.contains("<updated>2025-02-20T12:30:00Z</updated>\n  <author>"), "the feed is as new as its newest entry")
        }
    }

    @Test("an uncommitted new file has no git date; a file changed but not committed keeps its last commit's")
    func uncommitted() async throws {
        try await withTempSite { site in
            let repository = try TestRepository(at: site.root)
            try repository.commitAll("First edition", at: "2025-01-10T10:00:00Z")
            try site.write("events/2025-10-01-new.md", page("title: \"New\"\ndate: \"2025-10-01\"\nstatus: reported\nsources: [untc]"))
            let dates = try #require(try await site.build().catalog?.lastChanged)
            #expect(dates["events/2025-10-01-new/"] == nil)
            #expect(dates["briefings/sahel-overview/"]?.timestamp == "2025-01-10T10:00:00Z")
        }
    }

    @Test("without git (a tarball, a USB stick): front matter dates only, said once")
    func withoutGit() async throws {
        try await withTempSite { site in
            try site.edit("entities/countries/mali.md", replacing: "kind: country", with: "kind: country\nupdated: \"2025-02-01\"")
            let report = try await site.build()
            let dates = try #require(report.catalog?.lastChanged)
            #expect(dates.keys.sorted() == ["entities/countries/mali/"])
            #expect(report.notes.count == 1)
            #expect(report.notes.first?.contains("not in a git checkout") == true)
            #expect(report.warnings.isEmpty)
            #expect(try !site.html("briefings/sahel-overview/index.html").contains("last changed"))
        }
    }

    @Test("git can be turned off; front matter still counts")
    func gitOff() async throws {
        try await withTempSite { site in
            let repository = try TestRepository(at: site.root)
            try repository.commitAll("First edition", at: "2025-01-10T10:00:00Z")
            var options = site.options()
            options.useGit = false
            let report = try await SiteBuilder(options: options).build()
            #expect(report.catalog?.lastChanged.isEmpty == true)
        }
    }
}
