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
        for character in text {
            switch character {
            case "i", "l", "j", ".", ",", ":", ";", "'", "’", "|", "!", "ı": ems += 0.34
            case " ": ems += 0.36
            case "f", "t", "r", "(", ")", "[", "]", "-", "I": ems += 0.46
            case "m": ems += 1.0
            case "w": ems += 0.86
            case "M", "W": ems += 1.02
            case "–", "—": ems += 0.9
            default: ems += character.isUppercase ? 0.78 : 0.66
            }
        }
        return ems * fontSize + 2
    }
}
