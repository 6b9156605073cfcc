/// Which pages an edit to the Markdown bodies of some pages reaches: the one answer both
/// of `serve`'s incremental paths render by, the patch (`BodyEdit`) and the general
/// rebuild (`RenderPlan`), worked out from the site before and after the edit:
/// - the edited pages themselves;
/// - the pages whose links to an edited page's headings now resolve differently;
/// - the print edition, when one of those pages is a briefing (it holds their bodies);
/// - the pages whose list of backlinks changed (a backlink quotes the sentence around a link);
/// - the pages of the sources whose citing pages changed (each lists who cites it).
enum EditReach {
    /// `edited`: site paths of the pages whose bodies changed. `relinked`: the pages whose
    /// links to a changed heading the caller resolved again and found changed (see
    /// `Linker.relink`); nil when it did not, and then a change of headings reaches pages
    /// not known here, and the answer is nil: every page.
    static func pages(edited: Set<String>, relinked: [String]?, from previous: LinkedSite, to site: LinkedSite) -> Set<String>? {
        var reached = edited
        if let relinked {
            reached.formUnion(relinked)
        } else if edited.contains(where: { previous.headings[$0] != site.headings[$0] }) {
            return nil
        }
        if site.catalog.briefings.contains(where: { reached.contains($0.header.path) }) { reached.insert(PrintEdition.path) }
        reached.formUnion(site.sourcePagesCitedDifferently(than: previous))
        // Only the pages an edited page links to, before or after, can have a new list.
        for path in edited {
            let targets = Set(previous.backlinkTargets[path] ?? []).union(site.backlinkTargets[path] ?? [])
            for target in targets where previous.backlinks[target] != site.backlinks[target] { reached.insert(target) }
        }
        return reached
    }
}

extension LinkedSite {
    /// The pages of the sources whose list of citing pages differs in `previous`.
    func sourcePagesCitedDifferently(than previous: LinkedSite) -> [String] {
        guard citedBy != previous.citedBy else { return [] }
        let ids = Set(citedBy.keys).union(previous.citedBy.keys).filter { citedBy[$0] != previous.citedBy[$0] }
        return ids.compactMap { sourcesByID[$0]?.header.path }.sorted()
    }
}
