/// Fewer points for outlines, as the web needs: Douglas–Peucker on projected points,
/// with a tolerance in SVG units, so what is removed is what the map could not show.
enum Simplification {
    /// The ring (closed: its last point equals its first) with the points that matter at
    /// `tolerance`; always closed with at least four points (three corners), so every
    /// shape stays a valid polygon however coarse the tolerance.
    static func ring(_ points: [MapPoint], tolerance: Double) -> [MapPoint] {
        guard points.count > 4 else { return points }
        let open = Array(points.dropLast())
        // Split at the point farthest from the first, so neither half is degenerate.
        let far = open.indices.max { distance(open[$0], open[0]) < distance(open[$1], open[0]) } ?? 0
        var keep = Array(repeating: false, count: open.count + 1)
        keep[0] = true
        keep[far] = true
        keep[open.count] = true
        let closed = open + [open[0]]
        mark(closed, 0, far, tolerance, &keep)
        mark(closed, far, open.count, tolerance, &keep)
        var result = closed.indices.filter { keep[$0] }.map { closed[$0] }
        if result.count < 4 {
            // Three corners: the first, the farthest, and the one farthest from both.
            let third =
                open.indices.max {
                    segmentDistance(open[$0], open[0], open[far]) < segmentDistance(open[$1], open[0], open[far])
                } ?? 0
            result = [0, far, third].sorted().map { open[$0] } + [open[0]]
        }
        return result
    }

    private static func mark(_ points: [MapPoint], _ first: Int, _ last: Int, _ tolerance: Double, _ keep: inout [Bool]) {
        guard last > first + 1 else { return }
        var farthest = first
        var distanceFound = 0.0
        for index in (first + 1)..<last {
            let d = segmentDistance(points[index], points[first], points[last])
            if d > distanceFound {
                distanceFound = d
                farthest = index
            }
        }
        guard distanceFound > tolerance else { return }
        keep[farthest] = true
        mark(points, first, farthest, tolerance, &keep)
        mark(points, farthest, last, tolerance, &keep)
    }

    static func distance(_ a: MapPoint, _ b: MapPoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    static func segmentDistance(_ p: MapPoint, _ a: MapPoint, _ b: MapPoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return distance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
        return distance(p, MapPoint(x: a.x + t * dx, y: a.y + t * dy))
    }

    /// Signed area (positive when clockwise on screen) and centroid of a closed ring.
    static func areaAndCentroid(_ ring: [MapPoint]) -> (area: Double, centroid: MapPoint) {
        var area = 0.0
        var cx = 0.0
        var cy = 0.0
        for index in 0..<max(0, ring.count - 1) {
            let a = ring[index]
            let b = ring[index + 1]
            let cross = a.x * b.y - b.x * a.y
            area += cross
            cx += (a.x + b.x) * cross
            cy += (a.y + b.y) * cross
        }
        area /= 2
        guard abs(area) > 1e-9 else { return (0, ring.first ?? MapPoint(x: 0, y: 0)) }
        return (area, MapPoint(x: cx / (6 * area), y: cy / (6 * area)))
    }
}
