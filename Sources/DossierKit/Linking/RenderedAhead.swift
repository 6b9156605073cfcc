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
}

extension Catalog {
    /// Whether a full build lets go of a page's body once it is rendered ahead (see
    /// `Linker.link`): not the home page's or a source's, since each source's page asks
    /// whether it has a body.
    static func releasesBody(of section: Section) -> Bool { section == .briefing || section == .entity || section == .event }

    /// This catalog, for a callee to own alone (`consuming`), leaving an empty one with
    /// the same configuration in its place: a copy would keep what the callee lets go of.
    mutating func handedOver() -> Catalog {
        var handed = Catalog(site: site)
        swap(&self, &handed)
        return handed
    }

    mutating func emptyReleasableBodies() {
        for index in briefings.indices { briefings[index].header.body.text = "" }
        for index in entities.indices { entities[index].header.body.text = "" }
        for index in events.indices { events[index].header.body.text = "" }
    }

    /// Puts back the bodies given by content file.
    mutating func restoreBodies(_ bodies: [String: MarkdownText]) {
        for index in briefings.indices { if let body = bodies[briefings[index].header.file] { briefings[index].header.body = body } }
        for index in entities.indices { if let body = bodies[entities[index].header.file] { entities[index].header.body = body } }
        for index in events.indices { if let body = bodies[events[index].header.file] { events[index].header.body = body } }
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
