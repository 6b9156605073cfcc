/// A page that links to another, with the sentence around the link.
public struct Backlink: Sendable, Hashable {
    public var from: LinkTarget
    public var context: String
}

/// The link graph the link stage makes: the catalog plus every cross-reference resolved.
/// What rendering takes from linking besides it travels apart, as `RenderedAhead`.
public struct LinkedSite: Sendable {
    public var catalog: Catalog
    public var resolver: ReferenceResolver
    public var headings: [String: [Heading]]
    /// Target page path → pages linking to it, sorted by section then title.
    public var backlinks: [String: [Backlink]]
    /// The other way round: page path → the pages it has a backlink on (those it links
    /// to and, for an event, the entities it names), so that what an edit to it reaches
    /// is found without reading every list (see `EditReach`).
    var backlinkTargets: [String: [String]]
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
    /// Briefing path → its date, for ranking a hub page's mentions (see `MentionList`).
    var briefingDates: [String: DossierDate]
    /// Number of `[@id]` citations written in Markdown, each id counted.
    public var inlineCitationCount: Int
    /// What `citations` and `citedBy` are made of, kept so a patched rebuild can make them
    /// again: every page's inline citations in page order, and the citations of relations,
    /// events and withdrawal rules in the order they were read.
    var inlineCitations: [InlineCitations]
    var frontMatterCitations: [FrontMatterCitation]
    /// Page path → content files of the pages linking to one of its headings, whose links
    /// a change to its headings can change.
    var fragmentLinks: [String: Set<String>]
}

typealias InlineCitations = (page: LinkTarget, ids: [String])
typealias FrontMatterCitation = (id: String, page: LinkTarget)

/// The `link` stage: parses all Markdown once to find headings and references, then
/// resolves them through indexes (no step compares every page with every other).
public enum Linker {
    struct PageScan: Sendable {
        var target: LinkTarget
        var headings: [Heading]
        var references: [InlineReference]
        /// Each unit rendered with gaps for its references (see `PreparedMarkdown`), and
        /// whether raw HTML was kept when it was.
        var prepared: [PreparedMarkdown?]
        var allowRawHTML: Bool

        /// Whether a reference names a heading, whose id depends on another page's text.
        var hasFragment: Bool {
            references.contains { reference in
                switch reference.kind {
                case .wikiLink(_, let fragment, _): fragment != nil
                case .link(let url): url.utf8.contains(UInt8(ascii: "#"))
                default: false
                }
            }
        }
    }

    typealias Resolutions = [Result<ResolvedReference, Diagnostic>]

    /// The headings of a page's body and the references in all its Markdown, which is
    /// rendered too while its tree is at hand: so it is parsed once. Of a body's text,
    /// only what search keeps of it is kept, if `textLimit` says how much that is; and the
    /// body's HTML and text go to `spill`, if given.
    static func scan(
        _ page: PageUnits, as target: LinkTarget, allowRawHTML: Bool, textLimit: Int? = nil, spill: SpillFile? = nil,
        citationIDs: SharedCitationIDs? = nil
    ) -> PageScan {
        var headings: [Heading] = []
        var references: [InlineReference] = []
        var prepared: [PreparedMarkdown?] = []
        for unit in page.units {
            let markdown = ScannedMarkdown(unit.markdown)
            if unit.role == .body {
                headings = markdown.headings()
            }
            let found = citationIDs.map { $0.sharing(markdown.references) } ?? markdown.references
            let unitPrepared = markdown.prepared(
                allowRawHTML: allowRawHTML, inline: unit.role != .body, textLimit: textLimit, firstIndex: references.count,
                gapOrKeep)
            if unit.role == .body, let spill {
                prepared.append(unitPrepared?.spilled(to: spill))
            } else {
                prepared.append(unitPrepared)
            }
            references += found
        }
        return PageScan(target: target, headings: headings, references: references, prepared: prepared, allowRawHTML: allowRawHTML)
    }

    /// What a page shows for a reference depends on the site and the page, except for
    /// links that name no page: they stay as written (`PageContext` keeps them too).
    private static func gapOrKeep(_ reference: InlineReference) -> ReferenceRewrite {
        guard case .link(let url) = reference.kind else { return .gap }
        switch LinkDestination(url) {
        case .external, .file: return .replace(.keep)
        case .page, .unsafeScheme: return .gap
        }
    }

    /// Links every page, for a caller that does not render them (a past edition's
    /// timeline, `check` after loading failed): the link graph alone.
    public static func link(_ catalog: Catalog, contentPrefix: String) async -> (LinkedSite, [Diagnostic]) {
        // The pages' Markdown is rendered ahead all the same (it is parsed once for both),
        // but none of their text is kept, since nothing renders from it.
        let linked = await link(catalog, contentPrefix: contentPrefix, textLimit: 0, reuse: nil)
        return (linked.site, linked.diagnostics)
    }

    /// Links every page, and hands on what rendering the pages takes besides the link
    /// graph: their Markdown rendered ahead. Of each body's text, only `textLimit` visible
    /// bytes are kept, if given (the caller knows how much search keeps); scans and
    /// resolutions are reused and stored in `reuse`.
    ///
    /// `releasingBodies` (a full build, which renders each page once, from what it was
    /// rendered ahead to): the bodies of briefings, entities and events are emptied, in
    /// the site and in their units alike (see `RenderedAhead.unit`), each freed as soon as
    /// its page is scanned, unless it could not be rendered ahead. Held until linking
    /// ended, they were the largest thing at the link stage's peak of memory (57 MB of
    /// 291 at 10,000 pages). For them to go, the caller hands its catalog over
    /// (`Catalog.handedOver`) rather than keeping a copy. `spill`: where the bodies'
    /// rendered HTML waits for the render, instead of memory (see `SpillFile`).
    static func link(
        _ catalog: consuming Catalog, contentPrefix: String, textLimit: Int?, reuse: LinkReuse?, releasingBodies: Bool = false,
        spill: SpillFile? = nil
    ) async -> (site: LinkedSite, renderedAhead: RenderedAhead, diagnostics: [Diagnostic]) {
        let pages = catalog.pages
        if releasingBodies { catalog.emptyReleasableBodies() }
        // The tasks below share it.
        let catalog = copy catalog
        let cache = reuse?.scans
        let unchangedNames = reuse?.unchangedNames
        // Names and what front matter links need no body: made while the bodies are
        // scanned, rather than on one core between the two parallel steps.
        async let frontMatterIndexes = FrontMatterIndexes(catalog, names: unchangedNames?.resolver.names)
        let citationIDs = SharedCitationIDs(catalog.sources.map(\.id))
        let scanned = await Parallel.map(consume pages) { page -> (scan: PageScan, cached: Resolutions?, texts: [MarkdownText]) in
            let texts = page.units.map(\.markdown)
            if let hit = cache?.scan(for: page.header.file, texts: texts), hit.scan.target.describes(page.header),
                hit.scan.allowRawHTML == catalog.site.allowRawHTML
            {
                return (hit.scan, hit.cached, texts)
            }
            let scan = self.scan(
                page, as: NameIndex.target(page.header), allowRawHTML: catalog.site.allowRawHTML, textLimit: textLimit, spill: spill,
                citationIDs: citationIDs)
            cache?.store(scan: scan, for: page.header.file, texts: texts)
            // (The first unit is the body; `prepared` holds nil where one was not rendered ahead.)
            guard releasingBodies, Catalog.releasesBody(of: page.header.section), case .some(.some) = scan.prepared.first else {
                return (scan, nil, texts)
            }
            var released = texts
            released[0].text = ""
            return (scan, nil, released)
        }
        var headings: [String: [Heading]] = [:]
        var pagesByContentFile: [String: LinkTarget] = [:]
        for (scan, _, _) in scanned {
            headings[scan.target.path] = scan.headings
            let file = scan.target.file
            pagesByContentFile[file.hasPrefix(contentPrefix) ? String(file.dropFirst(contentPrefix.count)) : file] = scan.target
        }
        let indexes = await frontMatterIndexes
        let (names, sourcesByID, frontMatter) = (indexes.names, indexes.sourcesByID, indexes.frontMatter)
        let resolver = ReferenceResolver(
            names: names, headings: headings, sourceIDs: Set(sourcesByID.keys), pagesByContentFile: pagesByContentFile,
            contentPrefix: contentPrefix, drafts: unchangedNames?.resolver.drafts ?? NameIndex(drafts: catalog.drafts),
            unreadable: catalog.unreadable, images: catalog.images.withoutData)

        // A link to a heading may resolve differently once headings changed since the cached
        // resolutions were made (by the last link stage, which may have failed: comparing
        // with the last good build would keep what a failed one resolved).
        let headingsChanged = unchangedNames == nil || cache?.takeLinkedHeadings() != headings
        // Resolving is independent per page, so it runs in parallel, and each page keeps
        // only what the site needs of its resolutions: all of them at once were the link
        // stage's peak of memory. Collecting stays in page order, so the output does not
        // depend on scheduling.
        let linked = await Parallel.map(consume scanned) { scan, cached, texts -> PageLinks in
            let resolved: Resolutions
            if unchangedNames != nil, let cached, !(headingsChanged && scan.hasFragment) {
                resolved = cached
            } else {
                resolved = scan.references.map { resolver.resolve($0) }
                cache?.store(resolutions: resolved, for: scan.target.file)
            }
            return PageLinks(
                scan: scan, resolved: resolved, texts: texts,
                mentions: frontMatter.eventMentions[scan.target.path] ?? [])
        }
        cache?.storeLinkedHeadings(headings)

        // Collected on one core while the rest is assembled on the other.
        async let backlinks = collectBacklinks(linked)
        var diagnostics: [Diagnostic] = []
        var preparedMarkdown: [String: [PreparedUnit]] = [:]
        preparedMarkdown.reserveCapacity(linked.count)
        var inlineCitations: [InlineCitations] = []
        inlineCitations.reserveCapacity(linked.count)
        var inlineCitationCount = 0
        var fragmentLinks: [String: Set<String>] = [:]
        var backlinkTargets: [String: [String]] = [:]
        for page in linked {
            diagnostics += page.diagnostics
            preparedMarkdown[page.target.file] = page.prepared
            inlineCitations.append((page.target, page.cited))
            inlineCitationCount += page.citationCount
            for path in page.fragmentTargets { fragmentLinks[path, default: []].insert(page.target.file) }
            if !page.backlinks.isEmpty { backlinkTargets[page.target.path] = page.backlinks.map(\.target) }
        }
        diagnostics += frontMatter.diagnostics
        let (citations, citedBy) = assembleCitations(inline: inlineCitations, frontMatter: frontMatter.citations)
        var linkedCatalog = catalog
        var entitiesByPath = indexes.entitiesByPath
        if releasingBodies {
            // What could not be rendered ahead is parsed when its page renders: from its text.
            var unprepared: [String: MarkdownText] = [:]
            for page in linked where Catalog.releasesBody(of: page.target.section) {
                if let body = page.prepared.first, body.prepared == nil { unprepared[page.target.file] = body.markdown }
            }
            if !unprepared.isEmpty {
                linkedCatalog.restoreBodies(unprepared)
                for entity in linkedCatalog.entities where unprepared[entity.header.file] != nil {
                    entitiesByPath[entity.header.path] = entity
                }
            }
        }
        let site = LinkedSite(
            catalog: linkedCatalog, resolver: resolver, headings: headings, backlinks: await backlinks, backlinkTargets: backlinkTargets,
            relations: frontMatter.relations,
            relationsByEntity: frontMatter.relationsByEntity, citations: citations, citedBy: citedBy,
            eventEntities: frontMatter.eventEntities, eventsByEntity: frontMatter.eventsByEntity, eventTreaty: frontMatter.eventTreaty,
            sourcesByID: sourcesByID, entitiesByPath: entitiesByPath, briefingDates: indexes.briefingDates,
            inlineCitationCount: inlineCitationCount, inlineCitations: inlineCitations, frontMatterCitations: frontMatter.citations,
            fragmentLinks: fragmentLinks)
        return (site, RenderedAhead(units: preparedMarkdown), diagnostics)
    }

    /// Target page path → the pages linking to it, each once, with the sentence of its first
    /// link (or, for an event naming an entity, its date and title). Pages are visited in
    /// the order backlinks are listed (section, then title, then path), so every list
    /// comes out sorted without sorting thousands of lists.
    private static func collectBacklinks(_ pages: [PageLinks]) -> [String: [Backlink]] {
        let order = pages.indices.sorted { pages[$0].target.isListed(before: pages[$1].target) }
        var backlinks: [String: [Backlink]] = [:]
        for index in order {
            for (target, backlink) in pages[index].backlinks { backlinks[target, default: []].append(backlink) }
        }
        return backlinks
    }

    /// Each page's citations (its inline ones first, in order of first citation, then those
    /// its front matter makes) and each source's citing pages (pages citing it inline, in
    /// page order, then the others in the order their front matter was read), each once.
    static func assembleCitations(
        inline: [InlineCitations], frontMatter: [FrontMatterCitation]
    ) -> (citations: [String: [String]], citedBy: [String: [LinkTarget]]) {
        var citations: [String: [String]] = [:]
        var citedBy: [String: [LinkTarget]] = [:]
        for (page, ids) in inline where !ids.isEmpty {
            citations[page.path] = ids
            for id in ids { citedBy[id, default: []].append(page) }
        }
        for (id, page) in frontMatter {
            // A page cites a few sources, so its own list is the cheapest set to ask.
            guard !(citations[page.path]?.contains(id) ?? false) else { continue }
            citations[page.path, default: []].append(id)
            citedBy[id, default: []].append(page)
        }
        return (citations, citedBy)
    }

    /// The backlinks a page gives: one per page it links to, quoting its first link
    /// there, then one per entity it names as an event (`mentions`) and does not link to.
    static func backlinks(
        from scan: PageScan, _ resolutions: Resolutions, mentions: [(entity: LinkTarget, context: String)]
    ) -> [(target: String, backlink: Backlink)] {
        var linked: Set<String> = [scan.target.path]
        var found: [(target: String, backlink: Backlink)] = []
        for (reference, resolution) in zip(scan.references, resolutions) {
            guard case .success(.page(let target, _, _)) = resolution, linked.insert(target.path).inserted else { continue }
            found.append((target.path, Backlink(from: scan.target, context: reference.context)))
        }
        for mention in mentions where linked.insert(mention.entity.path).inserted {
            found.append((mention.entity.path, Backlink(from: scan.target, context: mention.context)))
        }
        return found
    }

    /// What an entity's backlink from an event naming it says.
    static func mentionContext(_ event: Event) -> String {
        "\(DateFormatting.display(event.date.value)): \(event.header.title.value)"
    }
}

/// Sort titles as a reader expects: case and diacritics ignored ("Égypte" with the Es).
func sortKey(_ title: String) -> String { NameIndex.normalize(title) }
