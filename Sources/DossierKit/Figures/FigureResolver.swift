/// An image reference resolved: the file it shows and what its figure says.
public struct ResolvedImage: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        case text(String)
        case citation([String])
    }

    public var file: ContentImage
    /// Empty for a decorative image, which says so with `![(decorative)](file)`.
    public var alt: String
    /// The title before `Credit:`, and what follows it; either may cite sources.
    public var caption: [Piece]
    public var credit: [Piece]
    /// A captioned image alone in its paragraph: a `<figure>`.
    public var isFigure: Bool
    /// Near the top of its page: loaded at once rather than lazily.
    public var isEager: Bool

    /// Sources cited by the caption and credit, in order, each once.
    public var citations: [String] {
        var ids: [String] = []
        for case .citation(let cited) in caption + credit { for id in cited where !ids.contains(id) { ids.append(id) } }
        return ids
    }
}

/// Checks an image reference against the content's images and sources.
struct FigureResolver {
    /// The alt text that marks an image as decorative: it gets `alt=""`.
    static let decorative = "(decorative)"
    /// Images starting within this many lines of the top of their Markdown load at once.
    static let eagerLines = 8

    var images: ContentImages
    var sourceIDs: Set<String>

    func resolve(_ image: ImageReference, at location: SourceLocation, contentFile: String) -> Result<ResolvedReference, Diagnostic> {
        if image.alt.isEmpty {
            return .failure(
                .error(
                    "image '\(image.url)' has no alt text", at: location,
                    hint:
                        "say what it shows, ![Map of the three states](\(image.url)), or mark it decorative: ![\(Self.decorative)](\(image.url))"
                ))
        }
        switch LinkDestination(image.url) {
        case .external, .unsafeScheme:
            return .failure(
                .error(
                    "image '\(image.url)' is not a file of the content folder", at: location,
                    hint:
                        "save the image beside this Markdown file and name it by its relative path, so its size is known and it is served with the site"
                ))
        case .file, .page: break
        }
        let file: ContentImage
        switch images.resolve(image.url, fromContentFile: contentFile) {
        case .found(let found): file = found
        case .outsideContent:
            return .failure(
                .error(
                    "image path '\(image.url)' leads out of the content folder", at: location,
                    hint: "images must be inside Content/, named relative to this Markdown file"))
        case .notAnImage(let path):
            return .failure(
                .error(
                    "'\(path)' is not an image file", at: location,
                    hint: "pages show PNG, JPEG, GIF, WebP and SVG files (.png, .jpg, .jpeg, .gif, .webp, .svg)"))
        case .missing(let path):
            let guess = Suggestions.closest(to: path, among: images.byPath.keys.sorted())
            return .failure(
                .error(
                    "image '\(image.url)' not found (looked for Content/\(path))", at: location,
                    hint: guess.map { "did you mean '\($0)'?" } ?? "put the file beside this Markdown file; paths are relative to it"))
        }
        let (captionText, creditText) = Self.split(image.title)
        let caption = Self.pieces(captionText)
        let credit = Self.pieces(creditText)
        for case .citation(let ids) in caption + credit {
            for id in ids where !sourceIDs.contains(id) {
                return .failure(ReferenceResolver.unknownSource(id, at: location, known: sourceIDs))
            }
        }
        return .success(
            .image(
                ResolvedImage(
                    file: file, alt: image.alt == Self.decorative ? "" : image.alt, caption: caption, credit: credit,
                    isFigure: image.standalone && !image.title.isEmpty, isEager: image.line <= Self.eagerLines)))
    }

    /// `Caption. Credit: who made it [@source]` → caption and credit.
    static func split(_ title: String) -> (String, String) {
        guard let range = title.range(of: "Credit:") else { return (title.trimmingSpaces(), "") }
        return (String(title[..<range.lowerBound]).trimmingSpaces(), String(title[range.upperBound...]).trimmingSpaces())
    }

    /// Text and `[@id]` citations; a wiki link in a title stays as written.
    static func pieces(_ text: String) -> [ResolvedImage.Piece] {
        InlineScanner.scan(text).compactMap { piece in
            switch piece {
            case .text(let text): .text(text)
            case .token(.citation(let ids), _, _): .citation(ids)
            case .token(_, let source, _): .text(source)
            }
        }.filter { $0 != .text("") }
    }
}
