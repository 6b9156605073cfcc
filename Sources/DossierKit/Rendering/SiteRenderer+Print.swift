/// The print edition's part of the render: how its volumes are planned, and which of them
/// an edit reaches.
extension SiteRenderer {
    /// The print edition's volumes when it is too long for one page and the templates
    /// have a layout for them; nil: one page.
    /// `reusing`: the plan of a build with the same front matter, whose reading orders
    /// (by titles, kinds and `order:`) still hold; only the sizes are estimated again.
    func printVolumes(reusing previous: PrintVolumes? = nil) -> PrintVolumes? {
        guard templates.sources["print-volume"] != nil else { return nil }
        let catalog = site.catalog
        let briefingOrder: [Int], entityOrder: [Int], sourceOrder: [Int]
        if let previous, previous.isSplit, previous.briefingOrder.count == catalog.briefings.count,
            previous.entityOrder.count == catalog.entities.count, previous.sourceIndexes.count == catalog.sources.count
        {
            (briefingOrder, entityOrder, sourceOrder) = (previous.briefingOrder, previous.entityOrder, previous.sourceIndexes)
        } else {
            briefingOrder = catalog.briefings.orderedIndices(byKey: \.readingKey, <)
            entityOrder = catalog.entities.orderedIndices(byKey: \.readingKey, <)
            sourceOrder = catalog.sources.orderedIndices(byKey: { sortKey($0.header.title.value) }, <)
        }
        var plan = PrintVolumes.plan(
            briefings: catalog.briefings, briefingOrder: briefingOrder, events: timeline.events, entities: catalog.entities,
            entityOrder: entityOrder, sources: catalog.sources, sourceOrder: sourceOrder, limit: limits.printVolumeBytes,
            bodyBytes: { markdown in
                // Rendered ahead (its Markdown then released): the HTML, each gap a link.
                if let html = renderedAhead.unit(markdown)?.prepared?.html { return html.byteCount + 100 * html.gaps.count }
                return 5 * markdown.text.utf8.count / 2
            })
        plan.overviewEvents = limits.timelineEvents
        return plan
    }

    /// The paths of the print edition's volumes `selection` reaches; nil: all of them.
    /// Reaching the edition (an edited briefing) reaches the volumes of the briefings it
    /// names, if the plan is the last build's: else any volume may hold other items now.
    func printVolumesReached(_ plan: PrintVolumes, selection: RenderPlan.Selection?) -> Set<String>? {
        guard let selection, !selection.layouts.contains("print-volume") else { return nil }
        var reached = selection.pages.filter { $0.hasPrefix(PrintEdition.path + "volume-") }
        if selection.pages.contains(PrintEdition.path) {
            guard plan.sameLayout(as: previousPrintPlan) else { return nil }
            reached.formUnion(plan.volumes(holding: selection.pages).map(\.path))
        }
        return reached
    }
}
