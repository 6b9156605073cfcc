import Testing

@testable import DossierKit

/// `serve` moves one page's backlink in a target's list, which stays in listing order.
@Suite("Backlink lists")
struct BacklinkListTests {
    let pages = ["Alpha", "Bravo", "Charlie", "Delta"].map { title in
        LinkTarget(section: .briefing, path: "briefings/\(title.lowercased())/", title: title, file: "\(title).md")
    }

    func list(_ titles: [String], context: String = "quoted") -> [Backlink] {
        pages.filter { titles.contains($0.title) }.map { Backlink(from: $0, context: context) }
    }

    @Test("a changed quote is replaced in place, a new backlink goes where the order puts it, a gone one is removed")
    func replace() {
        var changed = list(["Alpha", "Bravo", "Delta"])
        changed.replaceBacklink(from: pages[1], with: Backlink(from: pages[1], context: "new"))
        #expect(changed.map(\.context) == ["quoted", "new", "quoted"])

        var added = list(["Alpha", "Delta"])
        added.replaceBacklink(from: pages[2], with: Backlink(from: pages[2], context: "quoted"))
        #expect(added == list(["Alpha", "Charlie", "Delta"]))

        var removed = list(["Alpha", "Bravo", "Delta"])
        removed.replaceBacklink(from: pages[1], with: nil)
        #expect(removed == list(["Alpha", "Delta"]))

        var first = [Backlink]()
        first.replaceBacklink(from: pages[3], with: Backlink(from: pages[3], context: "quoted"))
        first.replaceBacklink(from: pages[0], with: Backlink(from: pages[0], context: "quoted"))
        #expect(first == list(["Alpha", "Delta"]))
        first.replaceBacklink(from: pages[2], with: nil)
        #expect(first == list(["Alpha", "Delta"]))
    }
}
