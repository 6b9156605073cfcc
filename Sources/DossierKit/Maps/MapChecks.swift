/// The content's promises about geography, checked before anything is drawn: every `geo`
/// names a feature of the content's GeoJSON.
enum MapChecks {
    static func diagnostics(_ catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = catalog.geo.features.map(\.id)
        for entity in catalog.entities {
            guard let geo = entity.geo else { continue }
            if catalog.geo.isEmpty {
                diagnostics.append(
                    .error(
                        "'geo: \(geo.value)' names a map feature, but the content has no GeoJSON file", at: geo.location,
                        hint: "add a .geojson file under Content/ (see Content/maps/), or remove 'geo'"))
            } else if catalog.geo.feature(geo.value) == nil {
                let guess = Suggestions.closest(to: geo.value, among: ids)
                diagnostics.append(
                    .error(
                        "unknown map feature '\(geo.value)'", at: geo.location,
                        hint: guess.map { "did you mean '\($0)'?" }
                            ?? "feature ids in the GeoJSON: \(ids.prefix(12).joined(separator: ", "))\(ids.count > 12 ? ", …" : "")"))
            }
        }
        return diagnostics
    }
}
