import Foundation

/// The image formats a page may show, told by file name and confirmed by the file's bytes.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png, jpeg, gif, webp, svg

    /// The format a file name claims, if it names an image.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "gif": self = .gif
        case "webp": self = .webp
        case "svg": self = .svg
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .svg: "SVG"
        }
    }
}

/// An image's size in CSS pixels, as its file says.
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int
}

/// Why a file's header could not be read.
public enum ImageHeaderError: Error, Equatable, Sendable {
    /// The bytes are not of the format the name claims.
    case notThisFormat(ImageFormat)
    /// The file ends before the header does.
    case truncated(ImageFormat)
    /// The header is there but gives no usable size (zero, or an SVG without one).
    case noSize(ImageFormat)

    var message: String {
        switch self {
        case .notThisFormat(let format): "file is not a \(format.name) image"
        case .truncated(let format): "\(format.name) file ends before its header does"
        case .noSize(let format): "\(format.name) file gives no usable width and height"
        }
    }
}

/// Reads width and height from the first bytes of an image file, so pages can reserve
/// the room an image takes before it loads. Only the header is read; pixels are not
/// decoded, which is all a static site needs and no library is needed for.
public enum ImageHeader {
    public static func size(of data: Data, format: ImageFormat) throws(ImageHeaderError) -> ImageSize {
        let bytes = [UInt8](data)
        let size: ImageSize
        switch format {
        case .png: size = try png(bytes)
        case .jpeg: size = try jpeg(bytes)
        case .gif: size = try gif(bytes)
        case .webp: size = try webp(bytes)
        case .svg: size = try svg(bytes)
        }
        // No format stores more than 2^31 - 1 pixels a side, nor does any real picture
        // come near a million: a larger number is noise where a header should be.
        guard (1...1_000_000).contains(size.width), (1...1_000_000).contains(size.height) else { throw .noSize(format) }
        return size
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(b[at + $1]) }
    }

    private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reversed().reduce(0) { $0 << 8 | Int(b[at + $1]) }
    }

    private static func starts(_ b: [UInt8], with prefix: [UInt8], at offset: Int = 0) -> Bool {
        b.count >= offset + prefix.count && Array(b[offset..<offset + prefix.count]) == prefix
    }

    /// Signature, then the IHDR chunk: width and height as 32-bit big-endian numbers.
    static func png(_ b: [UInt8]) throws(ImageHeaderError) -> ImageSize {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard !b.isEmpty, starts(b, with: Array(signature.prefix(b.count))) else { throw .notThisFormat(.png) }
        guard b.count >= 24 else { throw .truncated(.png) }
        guard starts(b, with: Array("IHDR".utf8), at: 12) else { throw .notThisFormat(.png) }
        return ImageSize(width: bigEndian(b, 16, 4), height: bigEndian(b, 20, 4))
    }

    /// Marker segments up to the first start-of-frame (SOF0…SOF15 but DHT, JPG and DAC),
    /// which holds height then width.
    static func jpeg(_ b: [UInt8]) throws(ImageHeaderError) -> ImageSize {
        guard b.count >= 2 else { throw b == [0xFF] ? .truncated(.jpeg) : .notThisFormat(.jpeg) }
        guard b[0] == 0xFF, b[1] == 0xD8 else { throw .notThisFormat(.jpeg) }
        var offset = 2
        while true {
            guard offset + 4 <= b.count else { throw .truncated(.jpeg) }
            guard b[offset] == 0xFF else { throw .notThisFormat(.jpeg) }
            let marker = b[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { offset += 2; continue }  // no length
            let length = bigEndian(b, offset + 2, 2)
            guard length >= 2 else { throw .notThisFormat(.jpeg) }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard offset + 9 <= b.count else { throw .truncated(.jpeg) }
                return ImageSize(width: bigEndian(b, offset + 7, 2), height: bigEndian(b, offset + 5, 2))
            }
            if marker == 0xD9 || marker == 0xDA { throw .noSize(.jpeg) }  // end, or scan data before any frame
            offset += 2 + length
        }
    }

    /// `GIF87a`/`GIF89a`, then the logical screen's width and height, little-endian.
    static func gif(_ b: [UInt8]) throws(ImageHeaderError) -> ImageSize {
        let known = starts(b, with: Array("GIF87a".utf8)) || starts(b, with: Array("GIF89a".utf8))
        guard known || (b.count < 6 && !b.isEmpty && starts(b, with: Array("GIF89a".utf8.prefix(b.count)))) else {
            throw .notThisFormat(.gif)
        }
        guard b.count >= 10 else { throw .truncated(.gif) }
        return ImageSize(width: littleEndian(b, 6, 2), height: littleEndian(b, 8, 2))
    }

    /// RIFF container with a `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended) chunk.
    static func webp(_ b: [UInt8]) throws(ImageHeaderError) -> ImageSize {
        guard b.count >= 12 else {
            if !b.isEmpty && starts(b, with: Array("RIFF".utf8.prefix(min(4, b.count)))) { throw .truncated(.webp) }
            throw .notThisFormat(.webp)
        }
        guard starts(b, with: Array("RIFF".utf8)), starts(b, with: Array("WEBP".utf8), at: 8) else { throw .notThisFormat(.webp) }
        guard b.count >= 30 else { throw .truncated(.webp) }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { throw .notThisFormat(.webp) }
            return ImageSize(width: littleEndian(b, 26, 2) & 0x3FFF, height: littleEndian(b, 28, 2) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { throw .notThisFormat(.webp) }
            let bits = littleEndian(b, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageSize(width: littleEndian(b, 24, 3) + 1, height: littleEndian(b, 27, 3) + 1)
        default:
            throw .notThisFormat(.webp)
        }
    }

    /// The root `<svg>` element's `width` and `height` in pixels (or unitless), else its
    /// `viewBox`. Read as text: only the start tag is looked at.
    static func svg(_ b: [UInt8]) throws(ImageHeaderError) -> ImageSize {
        let text = String(decoding: b.prefix(64 * 1024), as: UTF8.self)
        // Binary bytes are another format; text cut inside a tag, before `<svg`, is cut short.
        guard !b.contains(0), !text.contains("\u{FFFD}") else { throw .notThisFormat(.svg) }
        guard let open = text.range(of: "<svg", options: .caseInsensitive) else {
            let lastTag = text.range(of: "<", options: .backwards)
            throw lastTag.map { !text[$0.upperBound...].contains(">") } == true ? .truncated(.svg) : .notThisFormat(.svg)
        }
        guard let close = text[open.upperBound...].firstIndex(of: ">") else { throw .truncated(.svg) }
        let tag = String(text[open.upperBound..<close])
        if let width = attribute("width", in: tag).flatMap(pixels), let height = attribute("height", in: tag).flatMap(pixels) {
            return ImageSize(width: Int(width.rounded()), height: Int(height.rounded()))
        }
        if let box = attribute("viewBox", in: tag) {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4 { return ImageSize(width: Int(numbers[2].rounded()), height: Int(numbers[3].rounded())) }
        }
        throw .noSize(.svg)
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            if let start = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                let end = tag[start.upperBound...].firstIndex(of: Character(quote))
            {
                return String(tag[start.upperBound..<end]).trimmingSpaces()
            }
        }
        return nil
    }

    /// `640`, `640px` or `640.5`; nil for percentages and other units.
    private static func pixels(_ value: String) -> Double? {
        Double(value.hasSuffix("px") ? String(value.dropLast(2)) : value)
    }
}
