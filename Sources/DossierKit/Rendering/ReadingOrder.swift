/// The order a reader meets briefings and entities in, on the site and on paper: one rule,
/// so the print edition's volumes, made apart, agree with the pages that list them.
extension Briefing {
    /// Those with `order:` first, by it, then the others by title.
    var readingKey: (Int, String) { (order ?? Int.max, sortKey(header.title.value)) }
}

extension Entity {
    /// By kind, in the order kinds are listed, then by title.
    var readingKey: (Int, String) { (EntityKind.allCases.firstIndex(of: kind)!, sortKey(header.title.value)) }
}
