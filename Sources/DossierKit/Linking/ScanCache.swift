/// What the link stage keeps between builds, and all it asks of the cache that holds it
/// (`BuildCache`, for `serve`): each content file's Markdown as scanned and, once made,
/// what its references resolved to, and the headings those resolutions were made with.
protocol ScanCache: AnyObject, Sendable {
    /// The scan of `file` if it was made from `texts`, and its resolutions if stored.
    func scan(for file: String, texts: [MarkdownText]) -> (scan: Linker.PageScan, cached: Linker.Resolutions?)?
    /// What the last link stage found in a file and what it resolved to, whatever its text now.
    func scan(for file: String) -> (texts: [MarkdownText], scan: Linker.PageScan, resolutions: Linker.Resolutions?)?
    func store(scan: Linker.PageScan, for file: String, texts: [MarkdownText])
    /// Valid while names, titles and sources stay as they were: see `Linker.link`.
    func store(resolutions: Linker.Resolutions, for file: String)
    /// Returns the headings cached resolutions agree with, and forgets them until stored
    /// again: a link stage that stops before storing leaves them unknown.
    func takeLinkedHeadings() -> [String: [Heading]]?
    func storeLinkedHeadings(_ headings: [String: [Heading]])
}

/// What a link stage may reuse from the last one.
struct LinkReuse {
    var scans: any ScanCache
    /// The last good build's site when only Markdown bodies changed since: names, titles
    /// and sources are as they were, so its name index and the resolutions of unchanged
    /// pages hold. nil otherwise.
    var unchangedNames: LinkedSite?
}
