/// View values of the relationship graphs: the whole graph's page, and the neighbourhood
/// drawn on each entity page.
extension PageContext {
    func graphPage(limits: PageLimits = PageLimits()) -> [String: Any] {
        let (drawing, related) = GraphDrawing.whole(site, limit: limits.graphEntities, url: url, words: interfaceWords)
        var values = graphValues(drawing)
        values["graph_caption"] = false
        let limited = related > limits.graphEntities
        values["graph_rule"] =
            limited
            ? phrase(
                "graph_rule",
                or:
                    "The drawing shows the {shown} of {count} related entities with the most relations (ties by title), and the relations among them. Every relation is listed in words below, and each entity’s page draws all of its own.",
                ["shown": number(limits.graphEntities), "count": number(related)])
            : false
        // The relations in words, by type, every one of them (also those the drawing
        // leaves out): what the lines mean, for every reader.
        var relations = drawing.relations
        if limited {
            let order = Dictionary(uniqueKeysWithValues: RelationType.allCases.enumerated().map { ($1, $0) })
            relations = site.relations.filter { site.entitiesByPath[$0.subject.path] != nil && site.entitiesByPath[$0.object.path] != nil }
                .enumerated().sorted { (order[$0.element.type]!, $0.offset) < (order[$1.element.type]!, $1.offset) }.map(\.element)
        }
        var groups: [(type: RelationType, items: [[String: Any]])] = []
        for relation in relations {
            if groups.last?.type != relation.type { groups.append((relation.type, [])) }
            groups[groups.count - 1].items.append(["subject": link(relation.subject), "object": link(relation.object)])
        }
        values["relation_groups"] = groups.map { group in
            [
                "type": group.type.rawValue, "phrase": interfaceWords.relation(group.type), "swatch": GraphDrawing.lineSwatch(group.type),
                "relations": group.items,
            ] as [String: Any]
        }
        return values
    }

    /// The entity page's `graph` and its legend, or `false` values for an entity without relations.
    func neighbourhoodGraph(_ entity: Entity) -> [String: Any] {
        guard let drawing = GraphDrawing.neighbourhood(of: entity.header.path, in: site, url: url, words: interfaceWords) else {
            return ["graph": false, "graph_kinds": [], "graph_types": [], "graph_caption": false]
        }
        var values = graphValues(drawing)
        values["graph_caption"] = phrase(
            "graph_caption", or: "Relations of {title} and among its neighbours. Each mark links to its page.",
            ["title": entity.header.title.value])
        return values
    }

    private func graphValues(_ drawing: GraphDrawing.Drawing) -> [String: Any] {
        var types: [RelationType] = []
        for relation in drawing.relations where types.last != relation.type { types.append(relation.type) }
        return [
            "graph": drawing.svg,
            "graph_kinds": drawing.kinds.map { kind in
                ["kind": kind.rawValue, "title": interfaceWords.kind(kind), "swatch": GraphDrawing.swatch(kind)] as [String: Any]
            },
            "graph_types": types.map { type in
                ["type": type.rawValue, "phrase": interfaceWords.relation(type), "swatch": GraphDrawing.lineSwatch(type)] as [String: Any]
            },
        ]
    }
}
