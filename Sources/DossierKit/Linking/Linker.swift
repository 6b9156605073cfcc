/// A page that links to another, with the sentence around the link.
public struct Backlink: Sendable, Hashable {
    public var from: LinkTarget
    public var context: String
}

/// The output of the link stage: the catalog plus every cross-reference resolved.
public struct LinkedSite: Sendable {
    public var catalog: Catalog
    public var resolver: ReferenceResolver
    public var headings: [String: [Heading]]
    /// Target page path → pages linking to it, sorted by section then title.
    public var backlinks: [String: [Backlink]]
    public var relations: [Relation]
    /// Entity path → relations it takes part in, at either end.
    public var relationsByEntity: [String: [Relation]]
    /// Page path → source ids in the order the page first cites them.
    public var citations: [String: [String]]
    /// Source id → pages citing it.
    public var citedBy: [String: [LinkTarget]]
    /// Event path → its entities, and entity path → its events.
    public var eventEntities: [String: [LinkTarget]]
    public var eventsByEntity: [String: [String]]
    public var eventTreaty: [String: LinkTarget]
    public var sourcesByID: [String: Source]
    public var entitiesByPath: [String: Entity]
    /// Number of `[@id]` citations written in Markdown, each id counted.
    public var inlineCitationCount: Int
}

/// The `link` stage: parses all Markdown once to find headings and references, then
/// resolves them through indexes (no step compares every page with every other).
public enum Linker {
    struct PageScan: Sendable {
        var target: LinkTarget
        var headings: [Heading]
        var references: [InlineReference]
    }

    public static func link(_ catalog: Catalog, contentPrefix: String, cache: BuildCache? = nil) async -> (LinkedSite, [Diagnostic]) {
        let pages = catalog.pages
        let scans = await Parallel.map(pages) { page -> PageScan in
            let texts = page.units.map(\.markdown)
            if let hit = cache?.scan(for: page.header.file, texts: texts), hit.target == NameIndex.target(page.header) { return hit }
            var headings: [Heading] = []
            var references: [InlineReference] = []
            for unit in page.units {
                let document = MarkdownDocument(unit.markdown)
                if unit.role == .body {
                    headings = document.headings()
                }
                references += document.references()
            }
            let scan = PageScan(target: NameIndex.target(page.header), headings: headings, references: references)
            cache?.store(scan: scan, for: page.header.file, texts: texts)
            return scan
        }
        var diagnostics: [Diagnostic] = []
        let names = NameIndex(catalog: catalog)
        var headings: [String: [Heading]] = [:]
        var pagesByContentFile: [String: LinkTarget] = [:]
        for scan in scans {
            headings[scan.target.path] = scan.headings
            let file = scan.target.file
            pagesByContentFile[file.hasPrefix(contentPrefix) ? String(file.dropFirst(contentPrefix.count)) : file] = scan.target
        }
        var sourcesByID: [String: Source] = [:]
        for source in catalog.sources { sourcesByID[source.id] = source }
        let resolver = ReferenceResolver(
            names: names, headings: headings, sourceIDs: Set(sourcesByID.keys), pagesByContentFile: pagesByContentFile,
            contentPrefix: contentPrefix)

        var backlinks: [String: [Backlink]] = [:]
        var citations: [String: [String]] = [:]
        var citedBy: [String: [LinkTarget]] = [:]
        var inlineCitationCount = 0
        // Sets beside the lists, so a source cited by thousands of pages is not searched each time.
        var cited: Set<[String]> = []
        func cite(_ id: String, on page: LinkTarget) {
            guard cited.insert([id, page.path]).inserted else { return }
            citations[page.path, default: []].append(id)
            citedBy[id, default: []].append(page)
        }
        var backlinked: Set<[String]> = []
        // Resolving is independent per page, so it runs in parallel; collecting stays in
        // page order, so the output does not depend on scheduling.
        let resolutions = await Parallel.map(scans) { scan in scan.references.map { resolver.resolve($0) } }
        for (scan, resolved) in zip(scans, resolutions) {
            var linked: Set<String> = []
            for (reference, resolution) in zip(scan.references, resolved) {
                switch resolution {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(.page(let target, _, _)):
                    if target.path != scan.target.path, linked.insert(target.path).inserted {
                        backlinked.insert([target.path, scan.target.path])
                        backlinks[target.path, default: []].append(Backlink(from: scan.target, context: reference.context))
                    }
                case .success(.citation(let ids)):
                    ids.forEach { cite($0, on: scan.target) }
                    inlineCitationCount += ids.count
                case .success: break
                }
            }
        }

        let (relations, relationDiagnostics) = RelationResolver.resolve(catalog, names: names, sourceIDs: resolver.sourceIDs)
        diagnostics += relationDiagnostics
        var relationsByEntity: [String: [Relation]] = [:]
        for relation in relations {
            relationsByEntity[relation.subject.path, default: []].append(relation)
            relationsByEntity[relation.object.path, default: []].append(relation)
            // Shown on both pages, so cited on both.
            for id in relation.sources {
                cite(id, on: relation.subject)
                cite(id, on: relation.object)
            }
        }

        let entityKinds = Dictionary(catalog.entities.map { ($0.header.path, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var eventEntities: [String: [LinkTarget]] = [:]
        var eventsByEntity: [String: [String]] = [:]
        var eventTreaty: [String: LinkTarget] = [:]
        for event in catalog.events {
            let page = NameIndex.target(event.header)
            for name in event.entities {
                guard let entity = resolveEntity(name, names: names, diagnostics: &diagnostics) else { continue }
                eventEntities[page.path, default: []].append(entity)
                eventsByEntity[entity.path, default: []].append(page.path)
                if backlinked.insert([entity.path, page.path]).inserted {
                    let context = "\(DateFormatting.display(event.date.value)): \(event.header.title.value)"
                    backlinks[entity.path, default: []].append(Backlink(from: page, context: context))
                }
            }
            if let treatyName = event.treaty, let treaty = resolveEntity(treatyName, names: names, diagnostics: &diagnostics) {
                if entityKinds[treaty.path] != .treaty {
                    diagnostics.append(.error("'\(treatyName.value)' is not a treaty", at: treatyName.location))
                } else {
                    eventTreaty[page.path] = treaty
                }
            }
            for source in event.sources {
                if resolver.sourceIDs.contains(source.value) {
                    cite(source.value, on: page)
                } else {
                    diagnostics.append(ReferenceResolver.unknownSource(source.value, at: source.location, known: resolver.sourceIDs))
                }
            }
        }
        for entity in catalog.entities {
            for source in entity.withdrawalRule?.sources ?? [] {
                if resolver.sourceIDs.contains(source.value) {
                    cite(source.value, on: NameIndex.target(entity.header))
                } else {
                    diagnostics.append(ReferenceResolver.unknownSource(source.value, at: source.location, known: resolver.sourceIDs))
                }
            }
        }
        for (path, list) in backlinks {
            backlinks[path] = list.sorted { ($0.from.section, $0.from.sortKey, $0.from.path) < ($1.from.section, $1.from.sortKey, $1.from.path) }
        }
        let site = LinkedSite(
            catalog: catalog, resolver: resolver, headings: headings, backlinks: backlinks, relations: relations,
            relationsByEntity: relationsByEntity, citations: citations, citedBy: citedBy, eventEntities: eventEntities,
            eventsByEntity: eventsByEntity, eventTreaty: eventTreaty, sourcesByID: sourcesByID,
            entitiesByPath: Dictionary(catalog.entities.map { ($0.header.path, $0) }, uniquingKeysWith: { a, _ in a }),
            inlineCitationCount: inlineCitationCount)
        return (site, diagnostics)
    }

    private static func resolveEntity(_ name: Located<String>, names: NameIndex, diagnostics: inout [Diagnostic]) -> LinkTarget? {
        switch names.resolve(name.value) {
        case .found(let target) where target.section == .entity: return target
        case .found(let target):
            diagnostics.append(.error("'\(name.value)' is a \(target.section.rawValue), not an entity", at: name.location))
        case .ambiguous(let targets): diagnostics.append(ReferenceResolver.ambiguity(name.value, targets, at: name.location))
        case .missing(let suggestion):
            diagnostics.append(
                .error("unknown entity '\(name.value)'", at: name.location, hint: suggestion.map { "did you mean '\($0)'?" }))
        }
        return nil
    }
}

/// Sort titles as a reader expects: case and diacritics ignored ("Égypte" with the Es).
func sortKey(_ title: String) -> String { NameIndex.normalize(title) }
