/// What front matter links, resolved: relations between entities, the entities and treaty
/// each event names, and the sources events and withdrawal rules cite. Needs no body, so
/// it is made before the bodies' references are resolved, whose results it joins.
struct FrontMatterLinks: Sendable {
    var relations: [Relation]
    var relationsByEntity: [String: [Relation]] = [:]
    var eventEntities: [String: [LinkTarget]] = [:]
    var eventsByEntity: [String: [String]] = [:]
    var eventTreaty: [String: LinkTarget] = [:]
    /// Event path → the entities it involves, each with the line its backlink quotes.
    var eventMentions: [String: [(entity: LinkTarget, context: String)]] = [:]
    /// Sources cited by front matter, in the order met: relations, events, withdrawal rules.
    var citations: [FrontMatterCitation] = []
    var diagnostics: [Diagnostic]

    init(_ catalog: Catalog, names: NameIndex, sourceIDs: Set<String>, entitiesByPath: [String: Entity]) {
        (relations, diagnostics) = RelationResolver.resolve(catalog, names: names, sourceIDs: sourceIDs)
        for relation in relations {
            relationsByEntity[relation.subject.path, default: []].append(relation)
            relationsByEntity[relation.object.path, default: []].append(relation)
            // Shown on both pages, so cited on both.
            for id in relation.sources {
                citations.append((id, relation.subject))
                citations.append((id, relation.object))
            }
        }

        for event in catalog.events {
            let page = NameIndex.target(event.header)
            let context = Linker.mentionContext(event)
            for name in event.entities {
                guard let entity = Self.resolveEntity(name, names: names, unreadable: catalog.unreadable, diagnostics: &diagnostics)
                else { continue }
                eventEntities[page.path, default: []].append(entity)
                eventsByEntity[entity.path, default: []].append(page.path)
                eventMentions[page.path, default: []].append((entity, context))
            }
            if let treatyName = event.treaty,
                let treaty = Self.resolveEntity(treatyName, names: names, unreadable: catalog.unreadable, diagnostics: &diagnostics)
            {
                if entitiesByPath[treaty.path]?.kind != .treaty {
                    diagnostics.append(.error("'\(treatyName.value)' is not a treaty", at: treatyName.location))
                } else {
                    eventTreaty[page.path] = treaty
                }
            }
            cite(event.sources, on: page, sourceIDs: sourceIDs, unreadable: catalog.unreadable)
        }
        for entity in catalog.entities {
            cite(
                entity.withdrawalRule?.sources ?? [], on: NameIndex.target(entity.header), sourceIDs: sourceIDs,
                unreadable: catalog.unreadable)
        }
    }

    private mutating func cite(_ sources: [Located<String>], on page: LinkTarget, sourceIDs: Set<String>, unreadable: UnreadablePages) {
        for source in sources {
            if sourceIDs.contains(source.value) {
                citations.append((source.value, page))
            } else if !unreadable.sourceIDs.contains(source.value) {
                diagnostics.append(ReferenceResolver.unknownSource(source.value, at: source.location, known: sourceIDs))
            }
        }
    }

    private static func resolveEntity(
        _ name: Located<String>, names: NameIndex, unreadable: UnreadablePages, diagnostics: inout [Diagnostic]
    ) -> LinkTarget? {
        switch names.resolve(name.value) {
        case .found(let target) where target.section == .entity: return target
        case .found(let target):
            diagnostics.append(.error("'\(name.value)' is a \(target.section.rawValue), not an entity", at: name.location))
        case .ambiguous(let targets): diagnostics.append(ReferenceResolver.ambiguity(name.value, targets, at: name.location))
        case .missing(_) where unreadable.has(name: name.value): break
        case .missing(let suggestion):
            diagnostics.append(
                .error("unknown entity '\(name.value)'", at: name.location, hint: suggestion.map { "did you mean '\($0)'?" }))
        }
        return nil
    }
}

/// The indexes the link stage makes from front matter alone.
struct FrontMatterIndexes: Sendable {
    var names: NameIndex
    var sourcesByID: [String: Source] = [:]
    /// The one index of entities by page path: front matter, the graph and the timeline use it.
    var entitiesByPath: [String: Entity]
    var briefingDates: [String: DossierDate] = [:]
    var frontMatter: FrontMatterLinks

    /// `names`, if given, is the index of an earlier build whose names still hold.
    init(_ catalog: Catalog, names: NameIndex?) {
        self.names = names ?? NameIndex(catalog: catalog)
        for source in catalog.sources { sourcesByID[source.id] = source }
        entitiesByPath = Dictionary(catalog.entities.map { ($0.header.path, $0) }, uniquingKeysWith: { a, _ in a })
        for briefing in catalog.briefings { briefingDates[briefing.header.path] = briefing.date }
        frontMatter = FrontMatterLinks(catalog, names: self.names, sourceIDs: Set(sourcesByID.keys), entitiesByPath: entitiesByPath)
    }
}
