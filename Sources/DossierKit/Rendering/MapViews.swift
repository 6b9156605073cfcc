/// The `map` value of the home and entity layouts (`partials/map`).
extension PageContext {
    /// The home page's map: every state of the dossier with a shape.
    func homeMap() -> Any {
        let states = site.catalog.entities.filter(hasShape).sorted { $0.header.path < $1.header.path }
        let names = interfaceWords.list(states.map(\.header.title.value))
        let title = phrase("map_home_title", or: "Map: {names} and their neighbours", ["names": names])
        return mapValues(
            MapDrawing.regional(highlighting: states, site: site, title: title, url: url, words: interfaceWords), kind: "regional")
    }

    /// An entity's map: a state's locator map, or for an organization the regional map
    /// of its members that have a shape.
    func entityMap(_ entity: Entity) -> Any {
        if hasShape(entity) {
            return mapValues(MapDrawing.locator(for: entity, site: site, url: url, words: interfaceWords), kind: "locator")
        }
        let members = (site.relationsByEntity[entity.header.path] ?? [])
            .filter { $0.type == .memberOf && $0.object.path == entity.header.path }
            .compactMap { site.entitiesByPath[$0.subject.path] }
            .filter(hasShape)
            .sorted { $0.header.path < $1.header.path }
        guard !members.isEmpty else { return false }
        return mapValues(
            MapDrawing.regional(
                highlighting: members, site: site,
                title: phrase("map_members_title", or: "Map: members of {title}", ["title": entity.header.title.value]),
                url: url, words: interfaceWords),
            kind: "regional")
    }

    private func hasShape(_ entity: Entity) -> Bool {
        entity.geo.flatMap { site.catalog.geo.feature($0.value) }.map { !$0.polygons.isEmpty } ?? false
    }

    private func mapValues(_ figure: MapFigure?, kind: String) -> Any {
        guard let figure else { return false }
        return [
            "svg": figure.svg,
            "kind": kind,
            "summary": figure.summary,
            "credit": figure.credit,
            "legend": figure.legend.map { ["label": $0.label, "swatch": $0.swatch] as [String: Any] },
        ] as [String: Any]
    }
}
