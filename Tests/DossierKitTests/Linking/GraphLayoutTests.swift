import Foundation
import Testing

@testable import DossierKit

@Suite("Graph layout: labels, components, determinism")
struct GraphLayoutTests {
    /// A hub with many neighbours, a dense core, long names, and two pairs on their own:
    /// the shapes of this dossier's graph, larger.
    static func sample() -> (labels: [String], edges: [(Int, Int)]) {
        var labels = ["Rome Statute", "International Criminal Court", "Mali", "Burkina Faso", "Niger", "Alliance of Sahel States"]
        var edges: [(Int, Int)] = [(2, 0), (3, 0), (4, 0), (2, 5), (3, 5), (4, 5), (0, 1), (2, 3), (3, 4), (2, 4)]
        for n in 0..<14 {
            labels.append(n % 3 == 0 ? "Sahelian Criminal and Human Rights Court \(n)" : "State \(n)")
            edges.append((0, labels.count - 1))
        }
        for n in 0..<8 {
            labels.append("Person with a long name \(n)")
            edges.append((1, labels.count - 1))
        }
        // Two pairs linked to nothing else.
        labels += ["Amnesty International", "Marceau Sivieude", "Human Rights Watch", "Liz Evenson"]
        edges += [(labels.count - 4, labels.count - 3), (labels.count - 2, labels.count - 1)]
        return (labels, edges)
    }

    @Test func labelsOverlapNeitherEachOtherNorNodes() {
        let (labels, edges) = Self.sample()
        let layout = GraphLayout.make(labels: labels, edges: edges)
        for i in labels.indices {
            for j in labels.indices where j != i {
                if j > i { #expect(!layout.labels[i].box.overlaps(layout.labels[j].box), "\(labels[i]) / \(labels[j])") }
                #expect(!layout.labels[i].box.overlaps(layout.nodeBox(j)), "label \(labels[i]) over node \(labels[j])")
            }
        }
    }

    @Test func aLongNameIsWrappedOnTwoLinesAndKeptWhole() {
        let lines = GraphLayout.wrap("Sahelian Criminal and Human Rights Court")
        #expect(lines == ["Sahelian Criminal and", "Human Rights Court"])
        #expect(GraphLayout.wrap("Mali") == ["Mali"])
        #expect(GraphLayout.wrap("Internationalcriminalcourtofjustice") == ["Internationalcriminalcourtofjustice"])
    }

    @Test func everyLabelIsInsideTheDrawing() {
        let (labels, edges) = Self.sample()
        let layout = GraphLayout.make(labels: labels, edges: edges)
        for label in layout.labels {
            #expect(label.box.x >= 0 && label.box.y >= 0, "\(label.lines)")
            #expect(label.box.maxX <= layout.width && label.box.maxY <= layout.height, "\(label.lines)")
        }
    }

    @Test func isolatedPairsAreSetApartFromTheMainGroup() {
        let (labels, edges) = Self.sample()
        let layout = GraphLayout.make(labels: labels, edges: edges)
        #expect(layout.components.count == 3)
        #expect(layout.components[0].count == labels.count - 4)
        func frame(_ component: [Int]) -> GraphLayout.Box {
            component.map { layout.nodeBox($0).union(layout.labels[$0].box) }.reduce(layout.nodeBox(component[0])) { $0.union($1) }
        }
        let main = frame(layout.components[0])
        for pair in layout.components.dropFirst() {
            #expect(pair.count == 2)
            let box = frame(pair)
            // Apart by at least the gap between groups, on one axis or the other.
            let gapX = max(box.x - main.maxX, main.x - box.maxX)
            let gapY = max(box.y - main.maxY, main.y - box.maxY)
            #expect(max(gapX, gapY) >= GraphLayout.componentGap - 0.001)
        }
    }

    @Test func theSameInputGivesTheSameLayout() {
        let (labels, edges) = Self.sample()
        let first = GraphLayout.make(labels: labels, edges: edges, center: 0)
        let second = GraphLayout.make(labels: labels, edges: edges, center: 0)
        #expect(first.positions == second.positions)
        #expect(first.labels == second.labels)
        #expect(first.width == second.width && first.height == second.height)
    }

    @Test func theCentreIsLargerAndInTheMiddleOfItsGroup() {
        let labels = ["Mali"] + (1...7).map { "Neighbour \($0)" }
        let edges = (1...7).map { (0, $0) }
        let layout = GraphLayout.make(labels: labels, edges: edges, center: 0)
        #expect(layout.radii[0] > layout.radii[1])
        let xs = layout.positions.map(\.x), ys = layout.positions.map(\.y)
        let middle = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
        let spread = max(xs.max()! - xs.min()!, ys.max()! - ys.min()!)
        #expect(abs(layout.positions[0].x - middle.0) < spread * 0.15)
        #expect(abs(layout.positions[0].y - middle.1) < spread * 0.15)
    }

    @Test func componentsComeLargestFirst() {
        let components = GraphLayout.connectedComponents(count: 7, edges: [(5, 6), (0, 1), (2, 3), (3, 4)])
        #expect(components == [[2, 3, 4], [0, 1], [5, 6]])
    }

    @Test func eachKindHasItsOwnShapeAndNoColourIsWrittenIntoTheSVG() {
        let point = GraphLayout.Point(x: 10, y: 10)
        let shapes = EntityKind.allCases.map { GraphDrawing.shape($0, at: point, radius: 8) }
        #expect(Set(shapes).count == EntityKind.allCases.count)
        for kind in EntityKind.allCases {
            let swatch = GraphDrawing.swatch(kind)
            #expect(swatch.contains("class=\"swatch kind-\(kind.rawValue)\""))
            #expect(!swatch.contains("fill=") && !swatch.contains("stroke="))
        }
    }
}
