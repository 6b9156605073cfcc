import Testing

@testable import DossierKit

@Suite("URLPaths.relative")
struct URLPathsTests {
    @Test(arguments: [
        // from home
        ("", "", "./"),
        ("", "briefings/x/", "briefings/x/"),
        ("", "entities/countries/mali/", "entities/countries/mali/"),
        ("", "timeline/#ev-1", "timeline/#ev-1"),
        ("", "assets/style.css", "assets/style.css"),
        // from a briefing, two folders deep
        ("briefings/x/", "", "../../"),
        ("briefings/x/", "briefings/y/", "../y/"),
        ("briefings/x/", "briefings/", "../"),
        ("briefings/x/", "entities/countries/mali/", "../../entities/countries/mali/"),
        ("briefings/x/", "entities/treaties/rome-statute/#article-127", "../../entities/treaties/rome-statute/#article-127"),
        ("briefings/x/", "sources/#src-untc", "../../sources/#src-untc"),
        ("briefings/x/", "assets/style.css", "../../assets/style.css"),
        ("briefings/x/", "briefings/x/", "./"),
        ("briefings/x/", "briefings/x/#background", "#background"),
        // from an entity, three folders deep
        ("entities/countries/mali/", "", "../../../"),
        ("entities/countries/mali/", "briefings/x/", "../../../briefings/x/"),
        ("entities/countries/mali/", "entities/countries/niger/", "../niger/"),
        ("entities/countries/mali/", "entities/people/assimi-goita/", "../../people/assimi-goita/"),
        ("entities/countries/mali/", "entities/countries/", "../"),
        ("entities/countries/mali/", "timeline/#x-takes-effect", "../../../timeline/#x-takes-effect"),
        // from a file at the root
        ("404.html", "", "./"),
        ("404.html", "entities/", "entities/"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(URLPaths.relative(from: from, to: to) == expected)
    }

    @Test(arguments: [
        ("", "", "index.html"),
        ("", "briefings/x/", "briefings/x/index.html"),
        ("briefings/x/", "", "../../index.html"),
        ("briefings/x/", "entities/countries/mali/#facts", "../../entities/countries/mali/index.html#facts"),
        ("entities/countries/mali/", "entities/countries/niger/", "../niger/index.html"),
        ("entities/countries/mali/", "assets/style.css", "../../../assets/style.css"),
        ("entities/countries/mali/", "sources/#src-a", "../../../sources/index.html#src-a"),
    ])
    func portableAddsIndexHTMLToFolders(from: String, to: String, expected: String) {
        #expect(URLPaths.relative(from: from, to: to, portable: true) == expected)
    }

    /// Following a relative URL from a page must land on the target, for every pair.
    @Test func relativeURLsResolveBackToTheTarget() {
        let pages = ["", "briefings/", "briefings/x/", "entities/countries/mali/", "entities/people/goita/", "timeline/", "sources/"]
        for from in pages {
            for to in pages {
                let url = URLPaths.relative(from: from, to: to)
                var parts = from.split(separator: "/").map(String.init)
                for component in url.split(separator: "/") {
                    if component == ".." { parts.removeLast() } else if component != "." { parts.append(String(component)) }
                }
                let landed = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
                #expect(landed == to, "from '\(from)' to '\(to)' gave '\(url)'")
            }
        }
    }

    @Test(arguments: [
        ("../entities/countries/mali.md", "briefings/x.md", "entities/countries/mali.md"),
        ("./y.md", "briefings/x.md", "briefings/y.md"),
        ("../../briefings/x.md", "entities/countries/mali.md", "briefings/x.md"),
        ("niger.md", "entities/countries/mali.md", "entities/countries/niger.md"),
    ])
    func contentLinks(link: String, file: String, expected: String) {
        #expect(URLPaths.resolveContentLink(link, fromContentFile: file) == expected)
    }

    @Test func contentLinkAboveTheContentFolderIsNil() {
        #expect(URLPaths.resolveContentLink("../../x.md", fromContentFile: "briefings/x.md") == nil)
    }
}
