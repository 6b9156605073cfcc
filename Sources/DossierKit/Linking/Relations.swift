/// The vocabulary of typed relations between entities.
public enum RelationType: String, Sendable, CaseIterable {
    case memberOf = "member-of"
    case leads
    case partyTo = "party-to"
    case signatoryOf = "signatory-of"
    case withdrewFrom = "withdrew-from"
    case announcedWithdrawalFrom = "announced-withdrawal-from"
    case alliedWith = "allied-with"
    case partnerOf = "partner-of"
    case created
    case subjectOf = "subject-of"
    case partOf = "part-of"
    case successorOf = "successor-of"

    /// The phrase between subject and object: "Mali — member of — AES".
    public var phrase: String {
        switch self {
        case .memberOf: "member of"
        case .leads: "leads"
        case .partyTo: "party to"
        case .signatoryOf: "signatory of"
        case .withdrewFrom: "withdrew from"
        case .announcedWithdrawalFrom: "announced withdrawal from"
        case .alliedWith: "allied with"
        case .partnerOf: "partner of"
        case .created: "created"
        case .subjectOf: "subject of"
        case .partOf: "part of"
        case .successorOf: "successor of"
        }
    }
}

extension RelationType {
    /// The same relation read from its object's side, as a label: Mali "Led by" Assimi Goïta.
    public var inverseLabel: String {
        switch self {
        case .memberOf: "Members"
        case .leads: "Led by"
        case .partyTo: "Parties"
        case .signatoryOf: "Signatories"
        case .withdrewFrom: "Left by"
        case .announcedWithdrawalFrom: "Withdrawal announced by"
        case .alliedWith: "Allied with"
        case .partnerOf: "Partner of"
        case .created: "Created by"
        case .subjectOf: "Subjects"
        case .partOf: "Parts"
        case .successorOf: "Succeeded by"
        }
    }
}

/// A relation after its names were resolved; shown on both of its pages.
public struct Relation: Sendable, Hashable {
    public var type: RelationType
    public var subject: LinkTarget
    public var object: LinkTarget
    public var from: DossierDate?
    public var to: DossierDate?
    public var sources: [String]
}

enum RelationResolver {
    static func resolve(_ catalog: Catalog, names: NameIndex, sourceIDs: Set<String>) -> ([Relation], [Diagnostic]) {
        var relations: [Relation] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for entity in catalog.entities {
            let subject = NameIndex.target(entity.header)
            for declaration in entity.relations {
                guard let type = RelationType(rawValue: declaration.type.value) else {
                    let known = RelationType.allCases.map(\.rawValue)
                    let guess = Suggestions.closest(to: declaration.type.value, among: known)
                    diagnostics.append(
                        .error(
                            "unknown relation type '\(declaration.type.value)'", at: declaration.type.location,
                            hint: (guess.map { "did you mean '\($0)'? " } ?? "") + "types: \(known.joined(separator: ", "))"))
                    continue
                }
                let object: LinkTarget
                switch names.resolve(declaration.target.value) {
                case .found(let target) where target.section == .entity:
                    object = target
                case .found(let target):
                    diagnostics.append(
                        .error(
                            "relation target '\(declaration.target.value)' is a \(target.section.rawValue), not an entity",
                            at: declaration.target.location))
                    continue
                case .ambiguous(let targets):
                    diagnostics.append(ReferenceResolver.ambiguity(declaration.target.value, targets, at: declaration.target.location))
                    continue
                case .missing(let suggestion):
                    if catalog.unreadable.has(name: declaration.target.value) { continue }
                    diagnostics.append(
                        .error(
                            "relation target '\(declaration.target.value)' is not an entity", at: declaration.target.location,
                            hint: suggestion.map { "did you mean '\($0)'?" }))
                    continue
                }
                if object == subject {
                    diagnostics.append(
                        .error(
                            "'\(subject.title)' cannot be '\(type.rawValue)' itself", at: declaration.target.location,
                            hint: "a relation links two different entities"))
                    continue
                }
                if let from = declaration.from, let to = declaration.to, to < from {
                    diagnostics.append(
                        .error(
                            "relation ends (\(to)) before it starts (\(from))", at: declaration.type.location,
                            hint: "swap 'from' and 'to'"))
                    continue
                }
                for source in declaration.sources
                where !sourceIDs.contains(source.value) && !catalog.unreadable.sourceIDs.contains(source.value) {
                    diagnostics.append(ReferenceResolver.unknownSource(source.value, at: source.location, known: sourceIDs))
                }
                let key = "\(subject.path)|\(type.rawValue)|\(object.path)"
                let mirrored = "\(object.path)|\(type.rawValue)|\(subject.path)"
                let symmetric = type == .alliedWith || type == .partnerOf
                if let first = seen[key] ?? (symmetric ? seen[mirrored] : nil) {
                    diagnostics.append(
                        .warning(
                            "relation '\(subject.title) \(type.phrase) \(object.title)' is declared twice", at: declaration.type.location,
                            hint:
                                "it was first declared at \(first.file):\(first.line); a relation is shown on both pages from one declaration"
                        ))
                    continue
                }
                seen[key] = declaration.type.location
                relations.append(
                    Relation(
                        type: type, subject: subject, object: object, from: declaration.from, to: declaration.to,
                        sources: declaration.sources.map(\.value)))
            }
        }
        return (relations, diagnostics)
    }
}
