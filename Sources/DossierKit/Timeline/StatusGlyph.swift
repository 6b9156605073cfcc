/// The mark of an event's status, told apart by shape and fill, not by colour alone
/// (WCAG 1.4.1). Colour, fill and dash come from CSS by the mark's status class
/// (`.status-projected .glyph`), which also keeps each of the many marks short.
enum StatusGlyph {
    /// A glyph centred on 0,0, about `r` in radius.
    static func svg(_ status: EventStatus, r: Double = 5.5) -> String {
        let cls = "glyph"
        switch status {
        case .confirmed:  // a solid disc
            return "<circle class=\"\(cls)\" r=\"\(fmt(r))\"/>"
        case .reported:  // a solid diamond
            let d = r * 1.25
            return "<path class=\"\(cls)\" d=\"M0 \(fmt(-d))L\(fmt(d)) 0L0 \(fmt(d))L\(fmt(-d)) 0Z\"/>"
        case .projected:  // a hollow ring, dashed
            return "<circle class=\"\(cls)\" r=\"\(fmt(r - 0.5))\"/>"
        case .disputed:  // a hollow triangle with a bar: two versions of the date
            let h = r * 1.2
            return "<path class=\"\(cls)\" d=\"M0 \(fmt(-h))L\(fmt(h)) \(fmt(h * 0.8))L\(fmt(-h)) \(fmt(h * 0.8))Z\"/>"
                + "<path class=\"glyph-bar\" d=\"M0 \(fmt(-h * 0.35))V\(fmt(h * 0.35))\"/>"
        case .unconfirmed:  // a hollow square
            let s = r * 0.9
            return "<rect class=\"\(cls)\" x=\"\(fmt(-s))\" y=\"\(fmt(-s))\" width=\"\(fmt(2 * s))\" height=\"\(fmt(2 * s))\"/>"
        }
    }

    /// How the legend names each status.
    static func meaning(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: "confirmed"
        case .reported: "reported"
        case .projected: "projected"
        case .disputed: "disputed"
        case .unconfirmed: "unconfirmed"
        }
    }
}

/// Boxes of text placed on a drawing, so that no two overlap. Text is measured by an
/// estimate that errs wide (glyph widths of DejaVu Sans and Verdana, the widest of the
/// usual sans-serif faces), since the browser's font is not known at build time.
struct LabelBoard {
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }
        func overlaps(_ other: Box) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }
    }

    private(set) var boxes: [Box] = []
    var bounds: ClosedRange<Double>

    init(bounds: ClosedRange<Double>) { self.bounds = bounds }

    func fits(_ box: Box) -> Bool {
        box.x >= bounds.lowerBound && box.maxX <= bounds.upperBound && !boxes.contains { $0.overlaps(box) }
    }

    mutating func reserve(_ box: Box) { boxes.append(box) }

    /// Places the box if it fits; says whether it did.
    mutating func place(_ box: Box) -> Bool {
        guard fits(box) else { return false }
        boxes.append(box)
        return true
    }

    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        // Labels are mostly ASCII: a byte's width is a table read, where walking
        // Characters cost a twentieth of a 10,000-page build (every drawing measures each
        // label it tries). Other text takes the per-Character walk, which sees an accented
        // letter made of two scalars as one; its ASCII characters still read the table, as
        // matching one against each case of `ems` was a quarter of a drawing's time when a
        // title held a single curly apostrophe.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { ems += asciiEms[Int(byte)] }
        } else {
            for character in text { ems += character.asciiValue.map { asciiEms[Int($0)] } ?? Self.ems(character) }
        }
        return ems * fontSize + 2
    }

    /// Each ASCII character's width in ems, from `ems(_:)` itself.
    static let asciiEms: [Double] = (0..<128).map { ems(Character(Unicode.Scalar(UInt8($0)))) }

    static func ems(_ character: Character) -> Double {
        switch character {
        case "i", "l", "j", ".", ",", ":", ";", "'", "’", "|", "!", "ı": 0.34
        case " ": 0.36
        case "f", "t", "r", "(", ")", "[", "]", "-", "I": 0.46
        case "m": 1.0
        case "w": 0.86
        case "M", "W": 1.02
        case "–", "—": 0.9
        default: character.isUppercase ? 0.78 : 0.66
        }
    }
}
