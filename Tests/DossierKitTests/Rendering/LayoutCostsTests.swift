import Testing

@testable import DossierKit

/// What each layout cost to render, as `dossier build -v` prints it.
@Suite("Rendering costs by layout")
struct LayoutCostsTests {
    @Test func everyRenderedPageIsCountedUnderItsLayout() async throws {
        try await withTempSite { site in
            let report = try await site.build()
            let costs = report.layoutCosts
            #expect(costs.reduce(0) { $0 + $1.pages } == report.renderedCount)
            #expect(Set(costs.map(\.layout)).isSuperset(of: ["home", "briefing", "entity", "event", "search", "404"]))
            #expect(costs.map(\.total) == costs.map(\.total).sorted(by: >))
            #expect(costs.allSatisfy { $0.values > .zero && $0.template > .zero && $0.lookups > 0 })
        }
    }

    @Test func theTableHasALinePerLayoutAndTheirSum() {
        let costs = [
            LayoutCost(
                layout: "entity", pages: 3200, values: .milliseconds(2062), template: .milliseconds(2459), writing: .milliseconds(207)),
            LayoutCost(layout: "404", pages: 1, values: .milliseconds(4), template: .zero, writing: .microseconds(300)),
        ]
        let lines = LayoutCost.table(costs).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "layout  pages  values  template  writing",
                "entity  3,200  2.06 s    2.46 s   0.21 s",
                "404         1  0.00 s    0.00 s   0.00 s",
                "all     3,201  2.07 s    2.46 s   0.21 s",
            ])
    }
}
