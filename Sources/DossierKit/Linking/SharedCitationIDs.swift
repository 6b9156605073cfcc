/// The catalog's source ids, each also alone in a list, for the link stage's scan to keep
/// in place of the ids it read. Read from the text, a citation's ids were new strings in
/// every citation of every page, all held until linking ended: 22 MB at 10,000 pages, at
/// the build's peak of memory. A cited id that names a source is now one string for the
/// whole site, and a citation of one source one list.
struct SharedCitationIDs: Sendable {
    private let lists: [String: [String]]

    init(_ ids: some Sequence<String>) {
        var lists: [String: [String]] = [:]
        for id in ids { lists[id] = [id] }
        self.lists = lists
    }

    /// `ids` made of the shared strings; an id no source has stays as it was read.
    func shared(_ ids: [String]) -> [String] {
        if ids.count == 1, let list = lists[ids[0]] { return list }
        return ids.map { lists[$0]?[0] ?? $0 }
    }

    /// `references` with their citations' ids shared.
    func sharing(_ references: [InlineReference]) -> [InlineReference] {
        references.map { reference in
            guard case .citation(let ids) = reference.kind else { return reference }
            var shared = reference
            shared.kind = .citation(ids: self.shared(ids))
            return shared
        }
    }
}
