/// Warnings about images that would make pages slow: large files, and pictures far wider
/// than a page ever shows them.
enum FigureChecks {
    /// The text column is at most 42rem (672 CSS px) wide; twice that covers screens of
    /// double density.
    static let shownWidth = 672
    static let widestUseful = 2 * shownWidth
    static let largestBytes = 500 * 1024

    static func warnings(_ images: ContentImages, prefix: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for image in images.byPath.values.sorted(by: { $0.path < $1.path }) {
            let location = SourceLocation(file: prefix + image.path)
            if image.data.count > largestBytes {
                warnings.append(
                    .warning(
                        "image is \(image.data.count / 1024) KB, over the \(largestBytes / 1024) KB a page image should be", at: location,
                        hint: "compress it or scale it down (e.g. `convert in.png -resize \(widestUseful)x out.jpg`)"))
            }
            if image.format != .svg, image.size.width > widestUseful {
                warnings.append(
                    .warning(
                        "image is \(image.size.width) px wide, shown at most \(shownWidth) px wide (\(widestUseful) px at double density)",
                        at: location, hint: "scale it to \(widestUseful) px wide or less; readers download every pixel"))
            }
        }
        return warnings
    }
}
