import Foundation
import Testing

@testable import DossierKit

@Suite("Fingerprinted assets")
struct SiteAssetsTests {
    @Test("stylesheets and scripts are named by content; other files keep their names")
    func names() {
        let a = SiteAssets.fingerprinted("style.css", Data("body{}".utf8))
        let b = SiteAssets.fingerprinted("style.css", Data("body{color:red}".utf8))
        #expect(a.hasPrefix("style.") && a.hasSuffix(".css") && a.count == "style..css".count + 10)
        #expect(a != b)
        #expect(a == SiteAssets.fingerprinted("style.css", Data("body{}".utf8)))
        #expect(SiteAssets.fingerprinted("favicon.svg", Data("<svg/>".utf8)) == "favicon.svg")
        #expect(SiteAssets.fingerprinted("fonts/x.woff2", Data([1, 2])) == "fonts/x.woff2")
    }

    @Test("pages link the fingerprinted stylesheet that was written, and an edit changes its name")
    func linkedFromPages() async throws {
        try await withTempSite { site in
            let templates = try site.copyTemplates()
            try await site.build(templates: templates)
            let page = try site.html("entities/countries/mali/index.html")
            let href = try #require(page.firstMatch(of: /href="\.\.\/\.\.\/\.\.\/(assets\/style\.[0-9a-f]{10}\.css)"/)?.1)
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(String(href)).path))
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.css").path))

            let css = templates.appendingPathComponent("assets/style.css")
            try (try String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").write(to: css, atomically: true, encoding: .utf8)
            try await site.build(templates: templates)
            let changed = try site.html("entities/countries/mali/index.html").firstMatch(of: /assets\/style\.([0-9a-f]{10})\.css/)?.1
            #expect(changed != nil && "assets/style.\(changed!).css" != href)
        }
    }
}
