import Foundation
import Testing

@testable import DossierKit

@Suite("The 404 page")
struct NotFoundPageTests {
    @Test("links start at the site's root path, so the page works at any depth; the skip link stays on the page")
    func rootAbsoluteLinks() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html("404.html")
            #expect(!html.contains("<base"))
            #expect(html.contains("href=\"#main\""))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/test/assets/style."))
            #expect(html.contains("<a href=\"/test/timeline/\">timeline</a>"))
            #expect(html.contains("action=\"/test/search/\""))
        }
    }

    @Test("a portable build's 404 page links relatively, since there is no server to serve it elsewhere")
    func portable() async throws {
        try await withTempSite { site in
            var options = site.options()
            options.portable = true
            _ = try await SiteBuilder(options: options).build()
            let html = try site.html("404.html")
            #expect(html.contains("<a href=\"timeline/index.html\">timeline</a>"))
            #expect(!html.contains("\"/test/"))
        }
    }

    @Test("templates link lists through portable-aware URLs, never a bare folder path")
    func noBareFolderLinks() async throws {
        try await withTempSite { site in
            var options = site.options()
            options.portable = true
            _ = try await SiteBuilder(options: options).build()
            for (path, html) in try htmlFiles(site.output) {
                for match in html.matches(of: /href="([^"#:]*)"/) where !match.1.isEmpty {
                    let target = String(match.1)
                    #expect(!target.hasSuffix("/") && target != "." && target != "..", "\(path) links to folder \(target)")
                }
            }
        }
    }
}
