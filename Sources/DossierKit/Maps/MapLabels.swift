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

    /// Tries `candidates` (centres of the text) in order; true when one was free.
    @discardableResult
    mutating func place(_ text: String, size: Double, cssClass: String, candidates: [MapPoint], required: Bool) -> Bool {
        let textWidth = Self.textWidth(text, size: size)
        let padding = 2.0
        func box(_ centre: MapPoint) -> Box {
            Box(x: centre.x - textWidth / 2 - padding, y: centre.y - size * 0.8 - padding, width: textWidth + 2 * padding, height: size + 2 * padding)
        }
        for centre in candidates {
            let candidate = box(centre)
            let inside = candidate.x >= 0 && candidate.y >= 0 && candidate.x + candidate.width <= width && candidate.y + candidate.height <= height
            if inside, !placed.contains(where: { $0.box.overlaps(candidate) }), !obstacles.contains(where: { $0.overlaps(candidate) }) {
                placed.append(Label(text: text, x: centre.x, y: centre.y, cssClass: cssClass, box: candidate))
                return true
            }
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
            MapPoint(x: point.x + gap + half, y: point.y + gap + size * 0.7), MapPoint(x: point.x - gap - half, y: point.y + gap + size * 0.7),
        ]
    }

    /// Positions near an area's centre: the centre, then a little aside (a name stays
    /// inside a wide shape), then up and down.
    static func near(_ centre: MapPoint, size: Double) -> [MapPoint] {
        let step = size * 1.1
        return [
            centre, MapPoint(x: centre.x - step * 1.5, y: centre.y), MapPoint(x: centre.x + step * 1.5, y: centre.y),
            MapPoint(x: centre.x - step * 3, y: centre.y), MapPoint(x: centre.x + step * 3, y: centre.y),
            MapPoint(x: centre.x, y: centre.y - step), MapPoint(x: centre.x, y: centre.y + step),
            MapPoint(x: centre.x, y: centre.y - 2 * step), MapPoint(x: centre.x, y: centre.y + 2 * step),
        ]
    }
}
