/// Which pages an edit can have changed, so `serve` renders only those. When in doubt it
/// answers "all": a name, a date or a relation may show on any page, so any change to
/// front matter, an added or removed file, `site.yml` or an asset renders everything
/// again. A change to a body alone reaches only the page itself, the pages whose
/// backlinks it changed, and the pages of the sources it cites or stopped citing. A template
/// change reaches the pages whose layout includes it.
enum RenderPlan {
    struct Inputs {
        var previous: PreviousBuild
        var site: LinkedSite
        var changes: [String: BuildCache.Change]
        var siteConfigChanged: Bool
        var templateSources: [String: String]
        var assetPaths: [String]
        /// Display prefix of content files, e.g. `Content/`.
        var contentPrefix: String
    }

    /// The pages to render again: by site path, and every page of some layouts.
    struct Selection: Equatable {
        var pages: Set<String> = []
        var layouts: Set<String> = []

        func contains(path: String, template: String) -> Bool { pages.contains(path) || layouts.contains(template) }
    }

    /// What to render again, or nil for everything.
    static func selection(_ inputs: Inputs) -> Selection? {
        let previous = inputs.previous
        if inputs.siteConfigChanged || inputs.assetPaths != previous.assetPaths { return nil }
        if inputs.changes.values.contains(where: { $0 != .body }) { return nil }

        var affected = Selection()
        let changedTemplates = Set(inputs.templateSources.keys).union(previous.templateSources.keys).filter {
            inputs.templateSources[$0] != previous.templateSources[$0]
        }
        if !changedTemplates.isEmpty {
            for (layout, includes) in layoutIncludes(inputs.templateSources) where !includes.isDisjoint(with: changedTemplates) {
                affected.layouts.insert(layout)
            }
        }

        let pathByFile = Dictionary(
            inputs.site.catalog.pages.map { ($0.header.file, $0.header.path) }, uniquingKeysWith: { a, _ in a })
        var changedPages: Set<String> = []
        for (file, change) in inputs.changes where change == .body {
            guard let path = pathByFile[inputs.contentPrefix + file] else { return nil }
            changedPages.insert(path)
        }
        for path in changedPages {
            if previous.site.headings[path] != inputs.site.headings[path] { return nil }  // fragment links may point at them
            affected.pages.insert(path)
        }
        // The print edition holds every briefing's body; in volumes, a new citation may
        // renumber the sources of every volume.
        if changedPages.contains(where: { $0.hasPrefix("briefings/") }) {
            affected.pages.insert(PrintEdition.path)
            affected.layouts.insert("print-volume")
        }
        // A source's page lists who cites it.
        affected.pages.formUnion(inputs.site.sourcePagesCitedDifferently(than: previous.site))
        // Backlinks quote the sentence around a link, so a page linked from a changed body,
        // before or after the edit, shows new text when its list of backlinks changed.
        // An edit changes a page or two: comparing paths beats hashing each of the
        // site's hundred thousand backlinks.
        let changedList = Array(changedPages)
        for site in [previous.site, inputs.site] {
            for (target, backlinks) in site.backlinks where backlinks.contains(where: { changedList.contains($0.from.path) }) {
                if previous.site.backlinks[target] != inputs.site.backlinks[target] { affected.pages.insert(target) }
            }
        }
        return affected
    }

    /// Each layout and every template it includes, directly or through other templates.
    static func layoutIncludes(_ sources: [String: String]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for layout in sources.keys {
            var seen: Set<String> = [layout]
            var queue = [layout]
            while let name = queue.popLast() {
                for tag in TemplateTags.partialTags(in: sources[name] ?? "") where seen.insert(tag.name).inserted {
                    queue.append(tag.name)
                }
            }
            result[layout] = seen
        }
        return result
    }
}
