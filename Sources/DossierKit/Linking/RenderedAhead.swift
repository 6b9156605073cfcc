/// Each page's Markdown as the link stage rendered it while its tree was at hand, with
/// gaps where the HTML depends on the page showing it (see `PreparedMarkdown`): what the
/// render stage takes from linking besides the link graph. It travels beside `LinkedSite`,
/// from `Linker.link` to `SiteRenderer`; `serve` keeps it for `Linker.relink` to patch.
struct RenderedAhead: Sendable {
    /// Content file → its Markdown as rendered while linking, one entry per unit.
    var units: [String: [PreparedUnit]]

    /// `markdown` rendered while linking, if it is a unit of a page.
    func unit(_ markdown: MarkdownText) -> PreparedUnit? {
        units[markdown.file]?.first { $0.markdown == markdown }
    }

    /// Empties the Markdown of every briefing, entity and event body rendered ahead, in
    /// `catalog` and in its prepared unit alike, so that pages still find the unit and
    /// render from it. For a full build, which renders each page once: those bodies were
    /// the largest thing held while rendering (53 MB at 10,000 pages). The home page and
    /// sources are left whole: each source's page asks whether it has a body. The link
    /// graph's index of entities holds a copy of each, released too (20 MB of bodies).
    mutating func releaseMarkdown(of site: inout LinkedSite) {
        func release(_ header: inout PageHeader) {
            guard var fileUnits = units[header.file],
                let index = fileUnits.firstIndex(where: { $0.markdown == header.body && $0.prepared != nil })
            else { return }
            header.body.text = ""
            fileUnits[index].markdown.text = ""
            units[header.file] = fileUnits
        }
        for index in site.catalog.briefings.indices { release(&site.catalog.briefings[index].header) }
        for index in site.catalog.entities.indices { release(&site.catalog.entities[index].header) }
        for index in site.catalog.events.indices { release(&site.catalog.events[index].header) }
        for entity in site.catalog.entities where site.entitiesByPath[entity.header.path]?.header.file == entity.header.file {
            site.entitiesByPath[entity.header.path] = entity
        }
    }
}

struct PreparedUnit: Sendable {
    var markdown: MarkdownText
    /// nil when it could not be rendered ahead: rendering a page parses it then.
    var prepared: PreparedMarkdown?
    /// What the reference of each gap resolved to; nil if it did not.
    var resolved: [ResolvedReference?]

    /// A page's units (`texts`, as scanned) with their gaps' references resolved.
    static func units(_ texts: [MarkdownText], _ scan: Linker.PageScan, _ resolutions: Linker.Resolutions) -> [PreparedUnit] {
        zip(texts, scan.prepared).map { markdown, prepared in
            let resolved = (prepared?.gaps ?? []).map { gap -> ResolvedReference? in
                if case .success(let reference) = resolutions[gap.reference] { reference } else { nil }
            }
            return PreparedUnit(markdown: markdown, prepared: prepared, resolved: resolved)
        }
    }
}
