/// Places map labels so none covers another or a marked point: each label tries its
/// positions in order and takes the first that is free and inside the map; one that
/// finds none is left out (a neighbour's name) or put at its first position anyway
/// when it must show (a highlighted state), which the site check would then report.
struct MapLabels {
    struct Box: Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    struct Label: Equatable {
        var text: String
        /// Baseline start for `text-anchor="middle"`: the centre of the text.
        var x: Double
        var y: Double
        var cssClass: String
        var box: Box
    }

    let width: Double
    let height: Double
    private(set) var placed: [Label] = []
    private(set) var obstacles: [Box] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Width of `text` at `size`: an average of the system sans-serif's advance widths,
    /// a little generous so estimated boxes cover the drawn ones.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.58
    }

    mutating func block(_ box: Box) { obstacles.append(box) }

    /// Takes the first free position of `candidates` (centres of the text), or, with
    /// `within`, the free one whose box has most of its points within the area it names
    /// (a state's name inside the state), the earlier on a tie. True when one was free.
    @discardableResult
    mutating func place(
        _ text: String, size: Double, cssClass: String, candidates: [MapPoint], required: Bool, within: ((MapPoint) -> Bool)? = nil
    ) -> Bool {
        let textWidth = Self.textWidth(text, size: size)
        let padding = 2.0
        func box(_ centre: MapPoint) -> Box {
            Box(
                x: centre.x - textWidth / 2 - padding, y: centre.y - size * 0.8 - padding, width: textWidth + 2 * padding,
                height: size + 2 * padding)
        }
        func score(_ box: Box) -> Int {
            guard let within else { return 0 }
            let xs = [box.x, box.x + box.width / 2, box.x + box.width]
            let ys = [box.y, box.y + box.height / 2, box.y + box.height]
            return xs.reduce(0) { sum, x in sum + ys.filter { within(MapPoint(x: x, y: $0)) }.count }
        }
        var best: (centre: MapPoint, box: Box, score: Int)?
        for centre in candidates {
            let candidate = box(centre)
            let inside =
                candidate.x >= 0 && candidate.y >= 0 && candidate.x + candidate.width <= width && candidate.y + candidate.height <= height
            guard inside, !placed.contains(where: { $0.box.overlaps(candidate) }), !obstacles.contains(where: { $0.overlaps(candidate) })
            else { continue }
            let points = score(candidate)
            if best == nil || points > best!.score { best = (centre, candidate, points) }
            if within == nil || points == 9 { break }
        }
        if let best {
            placed.append(Label(text: text, x: best.centre.x, y: best.centre.y, cssClass: cssClass, box: best.box))
            return true
        }
        if required, let first = candidates.first {
            placed.append(Label(text: text, x: first.x, y: first.y, cssClass: cssClass, box: box(first)))
        }
        return false
    }

    /// Positions around a point marker: right, left, above, below, then the diagonals.
    static func around(_ point: MapPoint, textWidth: Double, size: Double, gap: Double) -> [MapPoint] {
        let half = textWidth / 2
        let middle = point.y + size * 0.35
        return [
            MapPoint(x: point.x + gap + half, y: middle), MapPoint(x: point.x - gap - half, y: middle),
            MapPoint(x: point.x, y: point.y - gap - size * 0.2), MapPoint(x: point.x, y: point.y + gap + size * 0.8),
            MapPoint(x: point.x + gap + half, y: point.y - gap), MapPoint(x: point.x - gap - half, y: point.y - gap),
            MapPoint(x: point.x + gap + half, y: point.y + gap + size * 0.7),
            MapPoint(x: point.x - gap - half, y: point.y + gap + size * 0.7),
        ]
    }

    /// Positions near an area's centre, nearest first: the centre, then a grid around it
    /// of half a line's height down and up and a line's height aside.
    static func near(_ centre: MapPoint, size: Double) -> [MapPoint] {
        var offsets: [(Double, Double)] = []
        for dy in -4...4 { for dx in -3...3 { offsets.append((Double(dx) * size * 1.1, Double(dy) * size * 0.55)) } }
        return offsets.sorted { ($0.0 * $0.0 + $0.1 * $0.1) < ($1.0 * $1.0 + $1.1 * $1.1) }.map {
            MapPoint(x: centre.x + $0.0, y: centre.y + $0.1)
        }
    }

    /// Whether `point` is inside the rings (even–odd rule, as SVG fills them by default).
    static func contains(_ rings: [[MapPoint]], _ point: MapPoint) -> Bool {
        var inside = false
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) where (a.y > point.y) != (b.y > point.y) {
                if point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
            }
        }
        return inside
    }
}
