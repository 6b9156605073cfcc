import Foundation

/// Relationship graphs drawn as SVG at build time: no JavaScript, same input, same SVG.
/// Marks carry classes (`kind-…`, `type-…`) and are coloured by the stylesheet, so they
/// follow the colour scheme and print; `data-` attributes let `graph.js` add highlighting,
/// filters and zoom.
enum GraphDrawing {
    struct Drawing {
        var svg: String
        /// The kinds of the nodes drawn, in `EntityKind` order (for the legend and filters).
        var kinds: [EntityKind]
        /// The relations drawn, in the order of their types, for the list in words.
        var relations: [Relation]
    }

    /// The entity, its direct relations, and the relations among those neighbours.
    static func neighbourhood(of path: String, in site: LinkedSite, url: (String) -> String, words: InterfaceWords = .english) -> Drawing? {
        let relations = site.relationsByEntity[path] ?? []
        guard !relations.isEmpty else { return nil }
        var paths: Set<String> = [path]
        for relation in relations { paths.insert(relation.subject.path); paths.insert(relation.object.path) }
        // Relations among the neighbours too, found through the index rather than all relations.
        var seen: Set<Relation> = []
        let edges = paths.sorted().flatMap { site.relationsByEntity[$0] ?? [] }.filter {
            paths.contains($0.subject.path) && paths.contains($0.object.path) && seen.insert($0).inserted
        }
        return draw(
            nodes: paths, edges: edges, site: site, center: path, rowWidth: 560, url: url, words: words,
            title: words.phrase("graph_relations_of", or: "Relations of {title}", ["title": title(path, site)]))
    }

    /// Every related entity, or past `limit` the `limit` with most relations (ties by
    /// title) and the relations among them; `related` counts them all.
    static func whole(
        _ site: LinkedSite, limit: Int = .max, url: (String) -> String, words: InterfaceWords = .english
    ) -> (drawing: Drawing, related: Int) {
        let paths = mostConnected(site.relations, limit: limit)
        let drawing = draw(
            nodes: paths.shown, edges: site.relations, site: site, center: nil, rowWidth: 1040, url: url, words: words,
            title: words.word("graph_whole_title", or: "Relations between the dossier’s entities"))
        return (drawing, paths.related)
    }

    static func mostConnected(_ relations: [Relation], limit: Int) -> (shown: Set<String>, related: Int) {
        var degree: [LinkTarget: Int] = [:]
        for relation in relations {
            degree[relation.subject, default: 0] += 1
            degree[relation.object, default: 0] += 1
        }
        guard degree.count > limit else { return (Set(degree.keys.map(\.path)), degree.count) }
        let ranked = degree.sorted { ($1.value, $0.key.sortKey, $0.key.path) < ($0.value, $1.key.sortKey, $1.key.path) }
        return (Set(ranked.prefix(limit).map(\.key.path)), degree.count)
    }

    private static func title(_ path: String, _ site: LinkedSite) -> String {
        site.entitiesByPath[path]?.header.title.value ?? path
    }

    private static func draw(
        nodes paths: Set<String>, edges allEdges: [Relation], site: LinkedSite, center: String?, rowWidth: Double,
        url: (String) -> String, words: InterfaceWords, title: String
    ) -> Drawing {
        let entities = paths.compactMap { site.entitiesByPath[$0] }
            .sorted(byKey: { ($0.kind.rawValue, sortKey($0.header.title.value)) }, <)
        let targets = entities.map { NameIndex.target($0.header) }
        var index: [String: Int] = [:]
        for (i, target) in targets.enumerated() { index[target.path] = i }
        let edges = allEdges.filter { index[$0.subject.path] != nil && index[$0.object.path] != nil }
        let pairs = edges.map { (index[$0.subject.path]!, index[$0.object.path]!) }
        let layout = GraphLayout.make(labels: targets.map(\.title), edges: pairs, center: center.flatMap { index[$0] }, rowWidth: rowWidth)
        var degree = [Int](repeating: 0, count: targets.count)
        for (a, b) in pairs { degree[a] += 1; degree[b] += 1 }

        let (w, h) = (fmt(layout.width), fmt(layout.height))
        var svg =
            "<svg class=\"graph\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" aria-labelledby=\"graph-title\" aria-describedby=\"graph-desc\" data-graph=\"\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"graph-title\">\(HTML.escape(title))</title>"
        let description = edges.map { sentence($0, words: words) }.joined(separator: "; ")
        svg += "<desc id=\"graph-desc\">\(HTML.escape(description)).</desc>"
        svg += "<g class=\"edges\">"
        for (number, (edge, pair)) in zip(edges, pairs).enumerated() {
            let a = layout.positions[pair.0], b = layout.positions[pair.1]
            let line = "x1=\"\(fmt(a.x))\" y1=\"\(fmt(a.y))\" x2=\"\(fmt(b.x))\" y2=\"\(fmt(b.y))\""
            svg +=
                "<g class=\"edge type-\(edge.type.rawValue)\" data-edge=\"\(number)\" data-from=\"\(pair.0)\" data-to=\"\(pair.1)\" data-type=\"\(edge.type.rawValue)\">"
            svg +=
                "<title>\(HTML.escape(sentence(edge, words: words)))</title><line class=\"hit\" \(line)/><line class=\"stroke\" \(line)/></g>"
        }
        svg += "</g><g class=\"nodes\">"
        for (i, target) in targets.enumerated() {
            let kind = entities[i].kind
            let isCenter = target.path == center
            let relations =
                degree[i] == 1
                ? words.word("graph_one_relation", or: "1 relation")
                : words.phrase("graph_relations_count", or: "{count} relations", ["count": String(degree[i])])
            let name = "\(target.title) (\(words.kind(kind).lowercased()), \(relations))"
            svg +=
                "<a href=\"\(HTML.escape(url(target.path)))\" class=\"node kind-\(kind.rawValue)\(isCenter ? " center" : "")\" data-node=\"\(i)\" data-kind=\"\(kind.rawValue)\" aria-label=\"\(HTML.escape(name))\">"
            svg += "<path class=\"mark\" d=\"\(shape(kind, at: layout.positions[i], radius: layout.radii[i]))\"/>"
            svg += text(layout.labels[i], cssClass: "label")
            svg += "</a>"
        }
        // Each relation's name, at the middle of its line: shown while a node or the line is
        // hovered or focused (by graph.js), and never in the way otherwise.
        svg += "</g><g class=\"edge-labels\" aria-hidden=\"true\">"
        for (number, (edge, pair)) in zip(edges, pairs).enumerated() {
            let a = layout.positions[pair.0], b = layout.positions[pair.1]
            svg +=
                "<text class=\"edge-label\" data-edge=\"\(number)\" x=\"\(fmt((a.x + b.x) / 2))\" y=\"\(fmt((a.y + b.y) / 2 + 4))\" text-anchor=\"middle\">\(HTML.escape(words.relation(edge.type)))</text>"
        }
        svg += "</g></svg>"
        let kinds = EntityKind.allCases.filter { kind in entities.contains { $0.kind == kind } }
        let order = Dictionary(uniqueKeysWithValues: RelationType.allCases.enumerated().map { ($1, $0) })
        let relations = edges.enumerated().sorted { (order[$0.element.type]!, $0.offset) < (order[$1.element.type]!, $1.offset) }.map(
            \.element)
        return Drawing(svg: svg, kinds: kinds, relations: relations)
    }

    static func sentence(_ relation: Relation, words: InterfaceWords = .english) -> String {
        "\(relation.subject.title) \(words.relation(relation.type)) \(relation.object.title)"
    }

    private static func text(_ label: GraphLayout.Label, cssClass: String) -> String {
        var out =
            "<text class=\"\(cssClass)\" x=\"\(fmt(label.textX))\" y=\"\(fmt(label.firstBaseline))\" text-anchor=\"\(label.anchor.rawValue)\">"
        if label.lines.count == 1 {
            out += HTML.escape(label.lines[0])
        } else {
            for (n, line) in label.lines.enumerated() {
                out +=
                    "<tspan x=\"\(fmt(label.textX))\"\(n == 0 ? "" : " dy=\"\(fmt(GraphLayout.lineHeight))\"")>\(HTML.escape(line))</tspan>"
            }
        }
        return out + "</text>"
    }

    /// Each kind has a shape as well as a colour, so the legend reads without colour too.
    static func shape(_ kind: EntityKind, at p: GraphLayout.Point, radius r: Double) -> String {
        func path(_ points: [(Double, Double)]) -> String {
            "M" + points.map { "\(fmt(p.x + $0.0 * r)) \(fmt(p.y + $0.1 * r))" }.joined(separator: " L") + "Z"
        }
        switch kind {
        case .country:
            return "M\(fmt(p.x - r)) \(fmt(p.y))a\(fmt(r)) \(fmt(r)) 0 1 0 \(fmt(2 * r)) 0a\(fmt(r)) \(fmt(r)) 0 1 0 \(fmt(-2 * r)) 0Z"
        case .organization:
            return path([(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)])
        case .person:
            return path([(0, -1.15), (1.05, 0.8), (-1.05, 0.8)])
        case .treaty:
            return path([(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)])
        case .court:
            return path([(-0.5, -0.95), (0.5, -0.95), (1.05, 0), (0.5, 0.95), (-0.5, 0.95), (-1.05, 0)])
        case .armedGroup:
            return path([
                (-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35), (0.35, 1), (-0.35, 1), (-0.35, 0.35),
                (-1, 0.35), (-1, -0.35), (-0.35, -0.35),
            ])
        }
    }

    /// A small picture of a kind's mark, for legends and filters.
    static func swatch(_ kind: EntityKind) -> String {
        "<svg class=\"swatch kind-\(kind.rawValue)\" viewBox=\"0 0 20 20\" width=\"16\" height=\"16\" aria-hidden=\"true\"><path class=\"mark\" d=\"\(shape(kind, at: GraphLayout.Point(x: 10, y: 10), radius: 7.5))\"/></svg>"
    }

    /// A short line in a relation type's style, for the list of relations.
    static func lineSwatch(_ type: RelationType) -> String {
        "<svg class=\"swatch type-\(type.rawValue)\" viewBox=\"0 0 28 12\" width=\"28\" height=\"12\" aria-hidden=\"true\"><line class=\"stroke\" x1=\"1\" y1=\"6\" x2=\"27\" y2=\"6\"/></svg>"
    }
}

/// Coordinates with one decimal, so output is stable and small.
func fmt(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
