import Foundation

/// Fruchterman–Reingold from a circle, a fixed number of steps: deterministic.
enum ForceLayout {
    /// Positions of one connected component's nodes, in an arbitrary frame (the caller
    /// scales them); `center` stays in the middle.
    static func run(count: Int, edges: [(Int, Int)], center: Int?) -> [GraphLayout.Point] {
        guard count > 1 else { return [GraphLayout.Point(x: 0, y: 0)] }
        let size = 100 * Double(count).squareRoot() + 100
        var xs = [Double](repeating: 0, count: count), ys = xs
        let radius = size / 2 * 0.9
        // The centre, if any, is left out of the circle so the others go round it evenly.
        let ring = (0..<count).filter { $0 != center }
        for (position, i) in ring.enumerated() {
            let angle = 2 * Double.pi * Double(position) / Double(ring.count) - Double.pi / 2
            xs[i] = size / 2 + radius * cos(angle)
            ys[i] = size / 2 + radius * sin(angle)
        }
        if let center { xs[center] = size / 2; ys[center] = size / 2 }
        let k = sqrt(size * size / Double(count)) * 0.5
        var temperature = size / 10
        // Each step compares every pair of nodes: a graph of thousands takes fewer steps
        // (this dossier's, with a few dozen, takes all 250).
        let steps = count <= 150 ? 250 : max(20, 250 * 150 * 150 / (count * count))
        // Cools as far in fewer steps as 250 steps of 0.98 do.
        let cooling = steps == 250 ? 0.98 : pow(0.0064, 1 / Double(steps))
        var dx = [Double](repeating: 0, count: count), dy = dx
        for _ in 0..<steps {
            for i in 0..<count { dx[i] = 0; dy[i] = 0 }
            for i in 0..<count {
                let xi = xs[i], yi = ys[i]
                var dxi = dx[i], dyi = dy[i]
                for j in (i + 1)..<count {
                    let ddx = xi - xs[j], ddy = yi - ys[j]
                    let distance = max(0.01, sqrt(ddx * ddx + ddy * ddy))
                    let force = k * k / distance
                    dxi += ddx / distance * force; dyi += ddy / distance * force
                    dx[j] -= ddx / distance * force; dy[j] -= ddy / distance * force
                }
                dx[i] = dxi; dy[i] = dyi
            }
            for (a, b) in edges {
                let ddx = xs[a] - xs[b], ddy = ys[a] - ys[b]
                let distance = max(0.01, sqrt(ddx * ddx + ddy * ddy))
                let force = distance * distance / k
                dx[a] -= ddx / distance * force; dy[a] -= ddy / distance * force
                dx[b] += ddx / distance * force; dy[b] += ddy / distance * force
            }
            for i in 0..<count where i != center {
                let length = max(0.01, sqrt(dx[i] * dx[i] + dy[i] * dy[i]))
                xs[i] = min(size, max(0, xs[i] + dx[i] / length * min(length, temperature)))
                ys[i] = min(size, max(0, ys[i] + dy[i] / length * min(length, temperature)))
            }
            temperature *= cooling
        }
        return (0..<count).map { GraphLayout.Point(x: xs[$0], y: ys[$0]) }
    }
}
