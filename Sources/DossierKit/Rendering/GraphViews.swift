/// View values of the relationship graphs: the whole graph's page, and the neighbourhood
/// drawn on each entity page.
extension PageContext {
    func graphPage() -> [String: Any] {
        let drawing = GraphDrawing.whole(site, url: url)
        var values = graphValues(drawing)
        values["graph_caption"] = false
        // The relations in words, by type: what the lines mean, for every reader.
        var groups: [(type: RelationType, items: [[String: Any]])] = []
        for relation in drawing.relations {
            if groups.last?.type != relation.type { groups.append((relation.type, [])) }
            groups[groups.count - 1].items.append(["subject": link(relation.subject), "object": link(relation.object)])
        }
        values["relation_groups"] = groups.map { group in
            ["type": group.type.rawValue, "phrase": group.type.phrase, "swatch": GraphDrawing.lineSwatch(group.type), "relations": group.items] as [String: Any]
        }
        return values
    }

    /// The entity page's `graph` and its legend, or `false` values for an entity without relations.
    func neighbourhoodGraph(_ entity: Entity) -> [String: Any] {
        guard let drawing = GraphDrawing.neighbourhood(of: entity.header.path, in: site, url: url) else {
            return ["graph": false, "graph_kinds": [], "graph_types": [], "graph_caption": false]
        }
        var values = graphValues(drawing)
        values["graph_caption"] = "Relations of \(entity.header.title.value) and among its neighbours. Each mark links to its page."
        return values
    }

    private func graphValues(_ drawing: GraphDrawing.Drawing) -> [String: Any] {
        var types: [RelationType] = []
        for relation in drawing.relations where types.last != relation.type { types.append(relation.type) }
        return [
            "graph": drawing.svg,
            "graph_kinds": drawing.kinds.map { kind in
                ["kind": kind.rawValue, "title": kind.title, "swatch": GraphDrawing.swatch(kind)] as [String: Any]
            },
            "graph_types": types.map { type in
                ["type": type.rawValue, "phrase": type.phrase, "swatch": GraphDrawing.lineSwatch(type)] as [String: Any]
            },
        ]
    }
}
