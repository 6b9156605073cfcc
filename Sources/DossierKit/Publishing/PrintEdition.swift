/// The pieces of the print edition (`print/`) that are not views: one numbering of
/// sources across the whole document, and briefing bodies made to sit side by side in
/// one HTML file.
enum PrintEdition {
    static let path = "print/"
    static let pdfFile = "dossier.pdf"
    static var pdfPath: String { path + pdfFile }

    /// Makes the ids of one briefing's body unique in the document, and moves its
    /// headings one level down, under the briefing's own title. `ref-N` links, the
    /// citations of the shared bibliography, are left alone. One pass over the bytes:
    /// Foundation's replacing, a dozen passes, was a quarter of a 10,000-page build.
    static func scopedBody(_ html: String, prefix: String) -> String {
        let bytes = Array(html.utf8)
        let scope = Array((prefix + "-").utf8)
        let id = Array(" id=\"".utf8), href = Array(" href=\"#".utf8), ref = Array("ref-".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        let open = UInt8(ascii: "<"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h"), space = UInt8(ascii: " ")
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == open {
                // <h1 … <h5 and </h1 … </h5 become one level lower.
                let letter = index + 1 < bytes.count && bytes[index + 1] == slash ? index + 2 : index + 1
                if letter + 1 < bytes.count, bytes[letter] == h, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[letter + 1]) {
                    output.append(contentsOf: bytes[index...letter])
                    output.append(bytes[letter + 1] + 1)
                    index = letter + 2
                    continue
                }
            } else if byte == space {
                if matches(id, at: index) {
                    output.append(contentsOf: id)
                    output.append(contentsOf: scope)
                    index += id.count
                    continue
                }
                if matches(href, at: index) {
                    output.append(contentsOf: href)
                    if !matches(ref, at: index + href.count) { output.append(contentsOf: scope) }
                    index += href.count
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// How each status reads in black and white: a shape, then the word.
    static func statusGlyph(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: "●"
        case .reported: "◆"
        case .projected: "◌"
        case .disputed: "△"
        case .unconfirmed: "□"
        }
    }
}

/// Numbers sources once for the whole document: in the order it first cites them (one
/// page, read from the start), or in an order fixed beforehand (volumes, made apart). A
/// class, shared by the page's context while the edition's parts render in reading order;
/// one per render, never shared between tasks.
final class Bibliography {
    private let known: Set<String>
    private(set) var order: [String] = []
    private var numbers: [String: Int] = [:]
    private let fixed: Bool
    /// Where entry `number` is: on this page, or in the bibliography's volume.
    var href: (Int) -> String = { "#ref-\($0)" }

    init(known: Set<String>) {
        self.known = known
        self.fixed = false
    }

    /// Every id in `order` numbered from 1, whatever cites it first.
    init(fixedOrder: [String]) {
        known = Set(fixedOrder)
        order = fixedOrder
        numbers = Dictionary(fixedOrder.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        fixed = true
    }

    func number(for id: String) -> Int? {
        if let number = numbers[id] { return number }
        guard !fixed, known.contains(id) else { return nil }
        order.append(id)
        numbers[id] = order.count
        return order.count
    }
}
