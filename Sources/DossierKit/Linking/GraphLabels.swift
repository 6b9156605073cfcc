import Foundation

/// Label placement for the graph: each label tries places around its node, nearest first,
/// and takes the first that overlaps no other label and no node.
extension GraphLayout {
    /// Places the labels of one component, most connected nodes first. `strict`: nil when
    /// some label finds no free place (the caller spreads the nodes and tries again);
    /// otherwise such a label takes the place it overlaps least.
    static func placeLabels(
        _ texts: [String], at points: [Point], radii: [Double], edges: [(Int, Int)] = [], order: [Int], strict: Bool
    ) -> [Label]? {
        // Lines are avoided where a free place allows it (not required: a hub's label may have
        // lines on every side); each place is tested against every line, so a group of
        // hundreds of lines, past reading line by line anyway, is not tested.
        let lines = edges.count <= 300 ? edges : []
        var obstacles = BoxGrid()
        for (i, point) in points.enumerated() {
            let r = radii[i] + 1
            obstacles.insert(Box(x: point.x - r, y: point.y - r, width: 2 * r, height: 2 * r))
        }
        var labels = [Label?](repeating: nil, count: texts.count)
        for i in order {
            let textLines = wrap(texts[i])
            let width = (textLines.map(textWidth).max() ?? 0) + 2 * labelPadding
            let height = Double(textLines.count) * lineHeight + labelPadding
            let options = candidates(at: points[i], radius: radii[i], width: width, height: height)
            // A label may touch its own node's box (it starts beside it), not another's.
            let own = Box(x: points[i].x - radii[i] - 1, y: points[i].y - radii[i] - 1, width: 2 * radii[i] + 2, height: 2 * radii[i] + 2)
            var best: (label: Label, overlap: Double)? = nil
            var firstFree: Label? = nil
            for (box, anchor) in options {
                let overlap = obstacles.overlapArea(box, except: own)
                if overlap == 0 {
                    let label = Label(lines: textLines, box: box, anchor: anchor)
                    if firstFree == nil { firstFree = label }
                    let crossed = lines.contains { a, b in a != i && b != i && box.crosses(points[a], points[b]) }
                    if !crossed { best = (label, 0); break }
                    continue
                }
                if best == nil || overlap < best!.overlap { best = (Label(lines: textLines, box: box, anchor: anchor), overlap) }
            }
            if let firstFree, best?.overlap != 0 { best = (firstFree, 0) }
            guard let chosen = best, chosen.overlap == 0 || !strict else { return nil }
            labels[i] = chosen.label
            obstacles.insert(chosen.label.box)
        }
        return labels.map { $0! }
    }

    /// Below, above, right, left, then the four diagonals; then the same a little farther.
    private static func candidates(at p: Point, radius r: Double, width w: Double, height h: Double) -> [(Box, Anchor)] {
        var out: [(Box, Anchor)] = []
        for gap in [3.0, 14.0] {
            let d = r + gap
            out += [
                (Box(x: p.x - w / 2, y: p.y + d, width: w, height: h), .middle),
                (Box(x: p.x - w / 2, y: p.y - d - h, width: w, height: h), .middle),
                (Box(x: p.x + d, y: p.y - h / 2, width: w, height: h), .start),
                (Box(x: p.x - d - w, y: p.y - h / 2, width: w, height: h), .end),
                (Box(x: p.x + d * 0.7, y: p.y + d * 0.7, width: w, height: h), .start),
                (Box(x: p.x - d * 0.7 - w, y: p.y + d * 0.7, width: w, height: h), .end),
                (Box(x: p.x + d * 0.7, y: p.y - d * 0.7 - h, width: w, height: h), .start),
                (Box(x: p.x - d * 0.7 - w, y: p.y - d * 0.7 - h, width: w, height: h), .end),
            ]
        }
        return out
    }

    /// A long name on two lines, broken at the space nearest its middle: never cut.
    static func wrap(_ text: String) -> [String] {
        guard text.count > 20 else { return [text] }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count > 1 else { return [text] }
        var best = (difference: Int.max, split: 1)
        for split in 1..<words.count {
            let first = words[..<split].joined(separator: " ").count
            let second = words[split...].joined(separator: " ").count
            if abs(first - second) < best.difference { best = (abs(first - second), split) }
        }
        return [words[..<best.split].joined(separator: " "), words[best.split...].joined(separator: " ")]
    }

    /// Width of a line at `fontSize` in a sans-serif, estimated generously (wide capitals,
    /// narrow i and l): the browser's text is never wider than the box that kept it clear.
    static func textWidth(_ text: String) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "í", "ï", "I", "'", "’", ".", ",", ":", ";", "!", "|": ems += 0.32
            case "f", "t", "r", " ", "(", ")", "-": ems += 0.42
            case "m", "w", "M", "W": ems += 0.92
            default: ems += character.isUppercase ? 0.74 : 0.62
            }
        }
        return ems * fontSize
    }
}

extension GraphLayout.Box {
    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    func crosses(_ a: GraphLayout.Point, _ b: GraphLayout.Point) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

/// Boxes bucketed by a coarse grid, so that a label is compared with its neighbours only
/// (a graph of thousands of nodes would otherwise compare every pair).
struct BoxGrid {
    private static let cell = 64.0
    private var boxes: [GraphLayout.Box] = []
    private var cells: [Int64: [Int]] = [:]

    private static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 ^ Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y))) }

    private static func range(_ box: GraphLayout.Box) -> (ClosedRange<Int>, ClosedRange<Int>) {
        (
            Int((box.x / cell).rounded(.down))...Int((box.maxX / cell).rounded(.down)),
            Int((box.y / cell).rounded(.down))...Int((box.maxY / cell).rounded(.down))
        )
    }

    mutating func insert(_ box: GraphLayout.Box) {
        boxes.append(box)
        let (xs, ys) = Self.range(box)
        for x in xs { for y in ys { cells[Self.key(x, y), default: []].append(boxes.count - 1) } }
    }

    /// The area `box` shares with the boxes already in (the box `except` does not count).
    func overlapArea(_ box: GraphLayout.Box, except: GraphLayout.Box) -> Double {
        var seen: Set<Int> = []
        var area = 0.0
        let (xs, ys) = Self.range(box)
        for x in xs {
            for y in ys {
                for index in cells[Self.key(x, y)] ?? [] where seen.insert(index).inserted {
                    let other = boxes[index]
                    guard other != except, other.overlaps(box) else { continue }
                    area += (min(box.maxX, other.maxX) - max(box.x, other.x)) * (min(box.maxY, other.maxY) - max(box.y, other.y))
                }
            }
        }
        return area
    }
}
