extension Linker {
    /// The linked site after the bodies of some pages changed and nothing else did,
    /// patched from `previous` instead of linking every page again (see `BodyEdit`), and
    /// what it renders from, patched from `renderedAhead`.
    /// `edited` names the pages by content file; `catalog` already holds their new text.
    /// Returns the site, what it renders from and the pages whose links to a changed
    /// heading now resolve differently (`EditReach` needs them, and only this knows);
    /// or nil when the patch would not be exact: a page's warnings changed, or a link to
    /// a heading no longer resolves.
    static func relink(
        _ previous: LinkedSite, renderedAhead previousRenderedAhead: RenderedAhead, catalog: Catalog, edited: [String],
        cache: any ScanCache
    ) -> (site: LinkedSite, renderedAhead: RenderedAhead, relinked: [String])? {
        // Which headings the cached resolutions agree with is unknown until the patch is
        // whole, if it changes headings (see the end of the loop below).
        guard let linkedHeadings = cache.takeLinkedHeadings() else { return nil }
        var site = previous
        site.catalog = catalog
        var renderedAhead = previousRenderedAhead
        // Headings first: a link to one, even on the same page, resolves through them.
        var scans: [(page: PageUnits, old: PageScan, oldResolutions: Resolutions, scan: PageScan)] = []
        var changedHeadings: Set<String> = []
        for file in edited {
            guard let page = catalog.page(forFile: file), let old = cache.scan(for: file), let oldResolutions = old.resolutions,
                old.scan.target.describes(page.header)
            else { return nil }
            // The same target object as before: other pages' lists hold it.
            let scan = self.scan(page, as: old.scan.target, allowRawHTML: catalog.site.allowRawHTML)
            if scan.headings != old.scan.headings {
                changedHeadings.insert(page.header.path)
                site.headings[page.header.path] = scan.headings
                site.resolver.headings[page.header.path] = scan.headings
            }
            scans.append((page, old.scan, oldResolutions, scan))
        }
        if changedHeadings.isEmpty { cache.storeLinkedHeadings(linkedHeadings) }

        for (page, old, oldResolutions, scan) in scans {
            let resolutions = scan.references.map { site.resolver.resolve($0) }
            guard failures(in: resolutions) == failures(in: oldResolutions) else { return nil }
            let (cited, citationCount) = citations(in: resolutions)
            site.inlineCitationCount += citationCount - citations(in: oldResolutions).count
            if let index = site.inlineCitations.firstIndex(where: { $0.page.path == scan.target.path }),
                site.inlineCitations[index].ids != cited
            {
                site.updateCitations(of: scan.target, inline: site.inlineCitations[index].ids, cited)
                site.inlineCitations[index].ids = cited
            }
            cache.store(scan: scan, for: page.header.file, texts: page.units.map(\.markdown))
            cache.store(resolutions: resolutions, for: page.header.file)
            renderedAhead.units[page.header.file] = PreparedUnit.units(page.units.map(\.markdown), scan, resolutions)
            // What did not change is left alone: each list and table here is shared with the
            // last build, and writing to one copies it whole (a hub's list holds thousands).
            let (oldFragments, newFragments) = (fragmentTargets(oldResolutions), fragmentTargets(resolutions))
            for target in oldFragments.subtracting(newFragments) { site.fragmentLinks[target]?.remove(page.header.file) }
            for target in newFragments.subtracting(oldFragments) { site.fragmentLinks[target, default: []].insert(page.header.file) }

            let mentions = mentions(of: page.header.path, in: previous)
            let before = backlinks(from: old, oldResolutions, mentions: mentions)
            let after = backlinks(from: scan, resolutions, mentions: mentions)
            let afterTargets = after.map(\.target)
            if afterTargets != before.map(\.target) { site.backlinkTargets[scan.target.path] = after.isEmpty ? nil : afterTargets }
            for target in Set(before.map(\.target) + afterTargets) {
                let old = before.first(where: { $0.target == target })?.backlink
                let new = after.first(where: { $0.target == target })?.backlink
                if old == new { continue }
                var list = site.backlinks[target] ?? []
                list.replaceBacklink(from: scan.target, with: new)
                site.backlinks[target] = list.isEmpty ? nil : list
            }
        }
        var relinked: [String] = []
        if !changedHeadings.isEmpty {
            guard
                let changed = resolveLinks(
                    toHeadingsOf: changedHeadings, besides: Set(edited), in: &site, renderedAhead: &renderedAhead, cache: cache)
            else { return nil }
            relinked = changed
        }
        cache.storeLinkedHeadings(site.headings)
        return (site, renderedAhead, relinked)
    }

    /// Resolves again the links of other pages to a heading of `pages`, whose headings
    /// changed, and updates what their Markdown shows; returns the pages whose links now
    /// resolve differently, or nil if one no longer resolves (the full build reports it).
    private static func resolveLinks(
        toHeadingsOf pages: Set<String>, besides edited: Set<String>, in site: inout LinkedSite, renderedAhead: inout RenderedAhead,
        cache: any ScanCache
    ) -> [String]? {
        let files = pages.reduce(into: Set<String>()) { $0.formUnion(site.fragmentLinks[$1] ?? []) }.subtracting(edited)
        var changed: [String] = []
        for file in files.sorted() {
            guard let entry = cache.scan(for: file), let resolutions = entry.resolutions else { return nil }
            let resolved = entry.scan.references.map { site.resolver.resolve($0) }
            guard failures(in: resolved).isEmpty else { return nil }
            if resolved != resolutions {
                cache.store(resolutions: resolved, for: file)
                changed.append(entry.scan.target.path)
                renderedAhead.units[file] = PreparedUnit.units(entry.texts, entry.scan, resolved)
            }
        }
        return changed
    }

    /// The pages a page links to a heading of.
    private static func fragmentTargets(_ resolutions: Resolutions) -> Set<String> {
        var targets: Set<String> = []
        for case .success(.page(let target, .some, _)) in resolutions { targets.insert(target.path) }
        return targets
    }

    /// The sources a page cites inline, each once in order of first citation, and how many
    /// citations it makes.
    private static func citations(in resolutions: Resolutions) -> (ids: [String], count: Int) {
        var ids: [String] = []
        var count = 0
        for case .success(let reference) in resolutions {
            let cited = reference.citedSources
            count += cited.count
            for id in cited where !ids.contains(id) { ids.append(id) }
        }
        return (ids, count)
    }

    private static func failures(in resolutions: Resolutions) -> [Diagnostic] {
        resolutions.compactMap { if case .failure(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    /// The entities an event page names in its front matter, with the line their backlink
    /// quotes, as `link` found them.
    private static func mentions(of path: String, in site: LinkedSite) -> [(entity: LinkTarget, context: String)] {
        guard let entities = site.eventEntities[path], let event = site.catalog.events.first(where: { $0.header.path == path }) else {
            return []
        }
        let context = mentionContext(event)
        return entities.map { ($0, context) }
    }
}

extension LinkedSite {
    /// `citations` and `citedBy` as `Linker.assembleCitations` makes them, brought up to
    /// date for one page whose inline citations changed from `old` to `new`: made again for
    /// the whole site, they took milliseconds of each edit adding a citation. A source's
    /// citing pages are listed in no particular order (its page sorts them).
    mutating func updateCitations(of page: LinkTarget, inline old: [String], _ new: [String]) {
        let frontMatter = frontMatterCitations.filter { $0.page.path == page.path }.map(\.id)
        var ids = new
        for id in frontMatter where !ids.contains(id) { ids.append(id) }
        citations[page.path] = ids.isEmpty ? nil : ids
        let before = Set(old + frontMatter), after = Set(ids)
        for id in before.subtracting(after) {
            citedBy[id]?.removeAll { $0.path == page.path }
            if citedBy[id]?.isEmpty == true { citedBy[id] = nil }
        }
        for id in after.subtracting(before) { citedBy[id, default: []].append(page) }
    }
}

extension [Backlink] {
    /// Puts `new` in place of the backlink from `page`, in a list in listing order (see
    /// `LinkTarget.isListed`), or removes it when `new` is nil.
    mutating func replaceBacklink(from page: LinkTarget, with new: Backlink?) {
        let index = partitioningIndex { !$0.from.isListed(before: page) }
        if index < count, self[index].from.path == page.path {
            if let new { self[index] = new } else { remove(at: index) }
        } else if let new {
            insert(new, at: index)
        }
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate that is false
    /// for a prefix of the array and true for the rest (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
