/// The entity infobox's summary of relations: one line per kind of link, read from the
/// entity's side ("Member of: Alliance of Sahel States, ECOWAS"; "Led by: Assimi Goïta").
extension PageContext {
    func relationSummary(_ entity: Entity) -> [[String: Any]] {
        let path = entity.header.path
        var groups: [(label: String, items: [[String: Any]])] = []
        for relation in site.relationsByEntity[path] ?? [] {
            let outward = relation.subject.path == path
            let symmetric = relation.type == .alliedWith || relation.type == .partnerOf
            let phrase = interfaceWords.relation(relation.type)
            let label =
                outward || symmetric ? phrase.prefix(1).uppercased() + phrase.dropFirst() : interfaceWords.inverseRelation(relation.type)
            let other = link(outward ? relation.object : relation.subject)
            if let index = groups.firstIndex(where: { $0.label == label }) {
                if !groups[index].items.contains(where: { $0["url"] as? String == other["url"] as? String }) {
                    groups[index].items.append(other)
                }
            } else {
                groups.append((label, [other]))
            }
        }
        return groups.map { ["label": $0.label, "items": $0.items] }
    }
}
