/// The pieces of the print edition (`print/`) that are not views: one numbering of
/// sources across the whole document, and briefing bodies made to sit side by side in
/// one HTML file.
enum PrintEdition {
    static let path = "print/"
    static let pdfFile = "dossier.pdf"
    static var pdfPath: String { path + pdfFile }

    /// Makes the ids of one briefing's body unique in the document, and moves its
    /// headings one level down, under the briefing's own title. `ref-N` links, the
    /// citations of the shared bibliography, are left alone.
    static func scopedBody(_ html: String, prefix: String) -> String {
        var text = html
        for level in stride(from: 5, through: 1, by: -1) {
            text = text.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 1)")
            text = text.replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        text = text.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
        text = text.replacingOccurrences(of: " href=\"#", with: " href=\"#\(prefix)-")
        return text.replacingOccurrences(of: " href=\"#\(prefix)-ref-", with: " href=\"#ref-")
    }

    /// How each status reads in black and white: a shape, then the word.
    static func statusGlyph(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: "●"
        case .reported: "◐"
        case .projected: "○"
        case .disputed: "◆"
        case .unconfirmed: "◇"
        }
    }
}

/// Numbers sources in the order the document first cites them, once for the whole
/// document. A class, shared by the page's context while the edition's parts render in
/// reading order; one per render, never shared between tasks.
final class Bibliography {
    private let known: Set<String>
    private(set) var order: [String] = []
    private var numbers: [String: Int] = [:]

    init(known: Set<String>) { self.known = known }

    func number(for id: String) -> Int? {
        if let number = numbers[id] { return number }
        guard known.contains(id) else { return nil }
        order.append(id)
        numbers[id] = order.count
        return order.count
    }
}
