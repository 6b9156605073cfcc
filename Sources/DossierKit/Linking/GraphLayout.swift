import Foundation

/// Where a relationship graph's nodes and labels go: a pure function of the labels and
/// the edges, so the same input gives the same drawing to the last digit.
///
/// Each connected component is laid out on its own (force-directed, from a circle), scaled
/// to a common edge length, and given labels that overlap neither other labels nor nodes;
/// the components are then packed in rows, the largest first, so small isolated groups
/// (a pair) sit apart below the main one instead of floating at its edge.
struct GraphLayout: Sendable {
    struct Point: Equatable, Sendable {
        var x: Double
        var y: Double
    }

    struct Box: Equatable, Sendable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double

        var maxX: Double { x + width }
        var maxY: Double { y + height }

        func overlaps(_ other: Box) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }

        func union(_ other: Box) -> Box {
            let minX = min(x, other.x), minY = min(y, other.y)
            return Box(x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
        }

        func moved(_ dx: Double, _ dy: Double) -> Box { Box(x: x + dx, y: y + dy, width: width, height: height) }
    }

    enum Anchor: String, Sendable { case start, middle, end }

    /// A node's label: one or two lines, the box they fill, and where the text starts.
    struct Label: Equatable, Sendable {
        var lines: [String]
        var box: Box
        var anchor: Anchor

        /// The x of the text's anchor and the baseline of its first line.
        var textX: Double {
            switch anchor {
            case .start: box.x + GraphLayout.labelPadding
            case .middle: box.x + box.width / 2
            case .end: box.maxX - GraphLayout.labelPadding
            }
        }
        var firstBaseline: Double { box.y + GraphLayout.fontSize }
    }

    static let fontSize = 13.0
    static let lineHeight = 16.0
    static let labelPadding = 2.0
    /// The length most edges get, whatever the component's size.
    static let edgeLength = 120.0
    static let componentGap = 48.0
    static let margin = 8.0

    var positions: [Point]
    var radii: [Double]
    var labels: [Label]
    /// Node indices of each connected component, largest first.
    var components: [[Int]]
    var width: Double
    var height: Double

    func nodeBox(_ index: Int) -> Box {
        let r = radii[index]
        return Box(x: positions[index].x - r, y: positions[index].y - r, width: 2 * r, height: 2 * r)
    }

    /// - Parameters:
    ///   - labels: one per node, in a stable order (that order decides ties).
    ///   - edges: pairs of node indices.
    ///   - center: a node drawn larger and kept in the middle of its component.
    ///   - rowWidth: the width components are packed into (wider if one component is).
    static func make(labels: [String], edges: [(Int, Int)], center: Int? = nil, rowWidth: Double = 960) -> GraphLayout {
        let count = labels.count
        let radii = (0..<count).map { $0 == center ? 11.0 : 8.0 }
        var degree = [Int](repeating: 0, count: count)
        for (a, b) in edges { degree[a] += 1; degree[b] += 1 }
        let components = connectedComponents(count: count, edges: edges)
        var positions = [Point](repeating: Point(x: 0, y: 0), count: count)
        var placed = [Label?](repeating: nil, count: count)
        var frames: [Box] = []
        for component in components {
            let local = Dictionary(uniqueKeysWithValues: component.enumerated().map { ($1, $0) })
            let localEdges = edges.compactMap { a, b in local[a].flatMap { la in local[b].map { (la, $0) } } }
            var points = ForceLayout.run(count: component.count, edges: localEdges, center: center.flatMap { local[$0] })
            normalize(&points, edges: localEdges)
            // A group of a few nodes may use the room it has: short lines crowd the labels.
            let extent = max(span(points.map(\.x)), span(points.map(\.y)))
            if component.count >= 4, extent > 0, extent < rowWidth * 0.7 {
                let grow = min(2, rowWidth * 0.7 / extent)
                points = points.map { Point(x: $0.x * grow, y: $0.y * grow) }
            }
            // Spread the component until every label finds a free place (or give up and
            // take the least crowded places: a graph of thousands may not fit).
            var result: [Label]? = nil
            for attempt in 0..<10 {
                let scale = pow(1.2, Double(attempt))
                let scaled = points.map { Point(x: $0.x * scale, y: $0.y * scale) }
                let candidate = placeLabels(
                    component.map { labels[$0] }, at: scaled, radii: component.map { radii[$0] }, edges: localEdges,
                    order: component.indices.sorted { a, b in
                        let ka = (component[a] == center ? 0 : 1, -degree[component[a]], a)
                        let kb = (component[b] == center ? 0 : 1, -degree[component[b]], b)
                        return ka < kb
                    },
                    strict: attempt < 9)
                if let candidate {
                    for (i, node) in component.enumerated() { positions[node] = scaled[i] }
                    result = candidate
                    break
                }
            }
            var frame: Box? = nil
            for (i, node) in component.enumerated() {
                placed[node] = result?[i]
                let r = radii[node]
                let nodeBox = Box(x: positions[node].x - r, y: positions[node].y - r, width: 2 * r, height: 2 * r)
                let box = result.map { nodeBox.union($0[i].box) } ?? nodeBox
                frame = frame.map { $0.union(box) } ?? box
            }
            frames.append(frame ?? Box(x: 0, y: 0, width: 0, height: 0))
        }
        // Pack the components in rows: the first (largest) alone on its row if it fills it.
        let width = max(rowWidth, frames.map(\.width).max() ?? 0)
        var cursorX = margin, cursorY = margin, rowHeight = 0.0, usedWidth = 0.0
        var labelsOut = placed.map { $0 ?? Label(lines: [], box: Box(x: 0, y: 0, width: 0, height: 0), anchor: .middle) }
        for (component, frame) in zip(components, frames) {
            if cursorX > margin && cursorX + frame.width > width + margin {
                cursorX = margin
                cursorY += rowHeight + componentGap
                rowHeight = 0
            }
            let dx = cursorX - frame.x, dy = cursorY - frame.y
            for node in component {
                positions[node].x += dx
                positions[node].y += dy
                labelsOut[node].box = labelsOut[node].box.moved(dx, dy)
            }
            cursorX += frame.width + componentGap
            usedWidth = max(usedWidth, cursorX - componentGap)
            rowHeight = max(rowHeight, frame.height)
        }
        return GraphLayout(
            positions: positions, radii: radii, labels: labelsOut, components: components,
            width: (usedWidth + margin).rounded(.up), height: (cursorY + rowHeight + margin).rounded(.up))
    }

    /// Components as lists of node indices, each sorted, largest first (then by first node).
    static func connectedComponents(count: Int, edges: [(Int, Int)]) -> [[Int]] {
        var parent = Array(0..<count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for (a, b) in edges {
            let ra = root(a), rb = root(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var groups: [Int: [Int]] = [:]
        for i in 0..<count { groups[root(i), default: []].append(i) }
        return groups.values.sorted { ($1.count, $0[0]) < ($0.count, $1[0]) }
    }

    private static func span(_ values: [Double]) -> Double { (values.max() ?? 0) - (values.min() ?? 0) }

    /// Scales a component so that its median edge is `edgeLength` long, centred on 0.
    private static func normalize(_ points: inout [Point], edges: [(Int, Int)]) {
        guard points.count > 1 else { points = points.map { _ in Point(x: 0, y: 0) }; return }
        let lengths = edges.map { hypot(points[$0.0].x - points[$0.1].x, points[$0.0].y - points[$0.1].y) }.sorted()
        let median = lengths.isEmpty ? 1 : max(lengths[lengths.count / 2], 0.01)
        let scale = edgeLength / median
        let cx = points.map(\.x).reduce(0, +) / Double(points.count)
        let cy = points.map(\.y).reduce(0, +) / Double(points.count)
        points = points.map { Point(x: ($0.x - cx) * scale, y: ($0.y - cy) * scale) }
    }
}
