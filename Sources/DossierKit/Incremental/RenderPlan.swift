/// Which pages the changes since the last build can have changed, so `serve` renders
/// only those. When in doubt it answers "all": a name, a date or a relation may show on
/// any page, so any change to front matter, an added or removed file, `site.yml` or an
/// asset renders everything again. A change to bodies alone reaches what `EditReach`
/// says. A template change reaches the pages whose layout includes it.
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

        init(pages: Set<String> = [], layouts: Set<String> = []) {
            self.pages = pages
            self.layouts = layouts
        }

        /// The pages an edit reaches. With the print edition go the volumes of the edited
        /// briefings among them, or all of them if the volumes were planned anew
        /// (`SiteRenderer.printVolumesReached`).
        init(reached: Set<String>) { self.init(pages: reached) }

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
        guard let reached = EditReach.pages(edited: changedPages, relinked: nil, from: previous.site, to: inputs.site) else { return nil }
        let edit = Selection(reached: reached)
        affected.pages.formUnion(edit.pages)
        affected.layouts.formUnion(edit.layouts)
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
