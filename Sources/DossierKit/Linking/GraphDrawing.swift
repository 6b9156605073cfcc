import Foundation

/// Relationship graphs drawn as SVG at build time: no JavaScript, same input, same SVG.
enum GraphDrawing {
    struct Node {
        var target: LinkTarget
        var kind: EntityKind
        var x = 0.0
        var y = 0.0
    }

    /// The entity, its direct relations, and the relations among those neighbours.
    static func neighbourhood(of path: String, in site: LinkedSite, url: (String) -> String) -> String? {
        let relations = site.relationsByEntity[path] ?? []
        guard !relations.isEmpty else { return nil }
        var paths: Set<String> = [path]
        for relation in relations { paths.insert(relation.subject.path); paths.insert(relation.object.path) }
        // Relations among the neighbours too, found through the index rather than all relations.
        var seen: Set<Relation> = []
        let edges = paths.sorted().flatMap { site.relationsByEntity[$0] ?? [] }.filter {
            paths.contains($0.subject.path) && paths.contains($0.object.path) && seen.insert($0).inserted
        }
        return draw(nodes: paths, edges: edges, site: site, center: path, size: 520, url: url, title: "Relations of \(title(path, site))")
    }

    static func whole(_ site: LinkedSite, url: (String) -> String) -> String {
        var paths: Set<String> = []
        for relation in site.relations { paths.insert(relation.subject.path); paths.insert(relation.object.path) }
        return draw(nodes: paths, edges: site.relations, site: site, center: nil, size: 960, url: url, title: "Relations between the dossier’s entities")
    }

    private static func title(_ path: String, _ site: LinkedSite) -> String {
        site.entitiesByPath[path]?.header.title.value ?? path
    }

    private static func draw(
        nodes paths: Set<String>, edges: [Relation], site: LinkedSite, center: String?, size: Double,
        url: (String) -> String, title: String
    ) -> String {
        let entities = paths.compactMap { site.entitiesByPath[$0] }
            .sorted(byKey: { ($0.kind.rawValue, sortKey($0.header.title.value)) }, <)
        var nodes = entities.map { Node(target: NameIndex.target($0.header), kind: $0.kind) }
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() { index[node.target.path] = i }
        let pairs = edges.compactMap { edge -> (Int, Int)? in
            guard let a = index[edge.subject.path], let b = index[edge.object.path] else { return nil }
            return (a, b)
        }
        layout(&nodes, pairs: pairs, size: size, center: center.flatMap { index[$0] })

        let margin = 100.0
        let view = size + 2 * margin
        var svg = "<svg class=\"graph\" viewBox=\"0 0 \(fmt(view)) \(fmt(view))\" role=\"img\" aria-labelledby=\"graph-title graph-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"graph-title\">\(HTML.escape(title))</title>"
        let description = edges.map { "\($0.subject.title) \($0.type.phrase) \($0.object.title)" }.joined(separator: "; ")
        svg += "<desc id=\"graph-desc\">\(HTML.escape(description)).</desc>"
        svg += "<g class=\"edges\">"
        for (edge, pair) in zip(edges.filter { index[$0.subject.path] != nil && index[$0.object.path] != nil }, pairs) {
            let a = nodes[pair.0], b = nodes[pair.1]
            svg += "<line x1=\"\(fmt(a.x + margin))\" y1=\"\(fmt(a.y + margin))\" x2=\"\(fmt(b.x + margin))\" y2=\"\(fmt(b.y + margin))\" class=\"edge edge-\(edge.type.rawValue)\"><title>\(HTML.escape("\(edge.subject.title) \(edge.type.phrase) \(edge.object.title)"))</title></line>"
        }
        svg += "</g><g class=\"nodes\">"
        for node in nodes {
            let isCenter = node.target.path == center
            let radius = isCenter ? 11.0 : 7.0
            svg += "<a href=\"\(HTML.escape(url(node.target.path)))\" class=\"node kind-\(node.kind.rawValue)\(isCenter ? " center" : "")\">"
            svg += "<circle cx=\"\(fmt(node.x + margin))\" cy=\"\(fmt(node.y + margin))\" r=\"\(fmt(radius))\"/>"
            svg += "<text x=\"\(fmt(node.x + margin))\" y=\"\(fmt(node.y + margin + radius + 14))\" text-anchor=\"middle\">\(HTML.escape(node.target.title))</text></a>"
        }
        return svg + "</g></svg>"
    }

    /// Fruchterman–Reingold from a circle, a fixed number of steps: deterministic.
    private static func layout(_ nodes: inout [Node], pairs: [(Int, Int)], size: Double, center: Int?) {
        let count = nodes.count
        guard count > 0 else { return }
        let radius = size / 2 * 0.9
        for i in 0..<count {
            let angle = 2 * Double.pi * Double(i) / Double(count) - Double.pi / 2
            nodes[i].x = size / 2 + radius * cos(angle)
            nodes[i].y = size / 2 + radius * sin(angle)
        }
        if let center { nodes[center].x = size / 2; nodes[center].y = size / 2 }
        let k = sqrt(size * size / Double(max(count, 1))) * 0.5
        var temperature = size / 10
        // Each step compares every pair of nodes: a graph of thousands takes fewer steps
        // (this dossier's, with a few dozen, takes all 250).
        let steps = count <= 150 ? 250 : max(20, 250 * 150 * 150 / (count * count))
        // Cools as far in fewer steps as 250 steps of 0.98 do.
        let cooling = steps == 250 ? 0.98 : pow(0.0064, 1 / Double(steps))
        // Coordinates in plain arrays: the pair loop reads them count² times a step. The
        // arithmetic is written as before, so drawings stay the same to the last digit.
        var xs = nodes.map(\.x), ys = nodes.map(\.y)
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
            for (a, b) in pairs {
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
        for i in 0..<count { nodes[i].x = xs[i]; nodes[i].y = ys[i] }
        // Fit the drawing to the frame so no node sits clamped on an edge.
        let (minX, maxX, minY, maxY) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let spanX = max(maxX - minX, 1), spanY = max(maxY - minY, 1)
        for i in 0..<count {
            nodes[i].x = count == 1 ? size / 2 : (nodes[i].x - minX) / spanX * size
            nodes[i].y = count == 1 ? size / 2 : (nodes[i].y - minY) / spanY * size
        }
    }
}

/// Coordinates with one decimal, so output is stable and small.
func fmt(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
