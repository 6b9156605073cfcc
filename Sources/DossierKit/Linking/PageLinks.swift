/// What the site keeps of one page's resolved references: its Markdown rendered ahead
/// with them, their errors, the sources it cites, the headings it links to and the
/// backlinks it gives.
struct PageLinks: Sendable {
    var target: LinkTarget
    var prepared: [PreparedUnit]
    var diagnostics: [Diagnostic] = []
    /// Sources cited inline, each once, in order of first citation.
    var cited: [String] = []
    var citationCount = 0
    /// Paths of the pages one of whose headings this page links to.
    var fragmentTargets: [String] = []
    var backlinks: [(target: String, backlink: Backlink)]

    init(scan: Linker.PageScan, resolved: Linker.Resolutions, texts: [MarkdownText], mentions: [(entity: LinkTarget, context: String)]) {
        target = scan.target
        prepared = PreparedUnit.units(texts, scan, resolved)
        for resolution in resolved {
            switch resolution {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let reference) where !reference.citedSources.isEmpty:
                let ids = reference.citedSources
                for id in ids where !cited.contains(id) { cited.append(id) }
                citationCount += ids.count
            case .success(.page(let target, .some, _)): fragmentTargets.append(target.path)
            case .success: break
            }
        }
        backlinks = Linker.backlinks(from: scan, resolved, mentions: mentions)
    }
}
