/// Metadata for search engines and link previews: the Open Graph type and a schema.org
/// description of each page as JSON-LD, made from the same values the page shows.
enum PageMetadata {
    static func openGraphType(_ kind: PageKind) -> String {
        switch kind {
        case .briefing, .event: "article"
        case .entity(let entity) where entity.kind == .person: "profile"
        default: "website"
        }
    }

    static func jsonLD(_ job: RenderJob, site: LinkedSite, canonicalURL: String) -> String {
        let config = site.catalog.site
        let publisher: [String: Any] = ["@type": "Organization", "name": config.author ?? config.title]
        let website: [String: Any] = ["@type": "WebSite", "name": config.title, "url": config.baseURL]
        var value: [String: Any] = [
            "@context": "https://schema.org", "name": job.title, "url": canonicalURL, "description": job.description,
            "inLanguage": config.language,
        ]
        switch job.kind {
        case .home:
            value["@type"] = "WebSite"
            value["publisher"] = publisher
        case .collection:
            value["@type"] = "CollectionPage"
            value["isPartOf"] = website
        case .search:
            value["@type"] = "SearchResultsPage"
            value["isPartOf"] = website
        case .notFound:
            value["@type"] = "WebPage"
        case .briefing(let briefing):
            value["@type"] = "Article"
            value["headline"] = job.title
            value["author"] = publisher
            value["publisher"] = publisher
            value["isPartOf"] = website
            if let date = briefing.date { value["datePublished"] = date.start.isoString }
            if let date = briefing.updated ?? briefing.date { value["dateModified"] = date.start.isoString }
            if !briefing.tags.isEmpty { value["keywords"] = briefing.tags.joined(separator: ", ") }
        case .entity(let entity):
            value["@type"] = schemaType(entity.kind)
            let aliases = entity.aliases.map(\.value)
            if !aliases.isEmpty { value["alternateName"] = aliases }
            if entity.kind == .treaty { value["legislationType"] = "Treaty" }
        case .event(let event):
            value["@type"] = "Event"
            // Partial ISO dates ("2025-09") keep the precision the sources give.
            value["startDate"] = event.date.value.start.isoString
            if let end = event.date.value.end { value["endDate"] = end.isoString }
            let countries = "entities/\(EntityKind.country.folder)/"
            let places = (site.eventEntities[event.header.path] ?? []).filter { $0.path.hasPrefix(countries) }.map {
                target -> [String: Any] in
                ["@type": "Country", "name": target.title]
            }
            if !places.isEmpty { value["location"] = places }
        case .source(let source):
            value["@type"] = "WebPage"
            value["isPartOf"] = website
            value["about"] = ["@type": "CreativeWork", "name": job.title, "publisher": source.publisher] as [String: Any]
        }
        return ScriptJSON.encode(value)
    }

    static func schemaType(_ kind: EntityKind) -> String {
        switch kind {
        case .country: "Country"
        case .person: "Person"
        case .organization, .armedGroup: "Organization"
        case .court: "GovernmentOrganization"
        case .treaty: "Legislation"
        }
    }
}
