import Foundation

/// An image file of the content folder, as a page shows it.
public struct ContentImage: Sendable, Equatable {
    /// Path inside the content folder, e.g. `briefings/ratifications.svg`.
    public var path: String
    /// Site path of the written file: the same folder, the content's hash in the name
    /// (`briefings/ratifications.3f2a9c1d0b.svg`), so a host may cache it forever.
    public var outputPath: String
    public var format: ImageFormat
    public var size: ImageSize
    public var data: Data
}

/// The images of the content folder, by path inside it. Images sit beside the Markdown
/// that shows them (or in a folder below it) and are written beside its page's folder.
public struct ContentImages: Sendable {
    public var byPath: [String: ContentImage] = [:]

    public init() {}

    /// The same images without their bytes, which only writing needs: references to
    /// them are compared and kept by every build.
    var withoutData: ContentImages {
        var copy = self
        for key in byPath.keys { copy.byPath[key]?.data = Data() }
        return copy
    }

    /// Reads each listed file and its header; a file that is not the image its name says
    /// is an error at the file. `cached` returns what an earlier load made of a file whose
    /// stamp has not changed.
    static func load(
        _ paths: [String], rootPath: String, prefix: String, cached: (String) -> ContentImage? = { _ in nil }
    ) -> (ContentImages, [Diagnostic]) {
        var images = ContentImages()
        var diagnostics: [Diagnostic] = []
        for path in paths {
            if let image = cached(path) {
                images.byPath[path] = image
                continue
            }
            let location = SourceLocation(file: prefix + path)
            guard let format = ImageFormat(fileName: path) else { continue }
            guard let data = FileManager.default.contents(atPath: rootPath + "/" + path) else {
                diagnostics.append(.error("cannot read image", at: location, hint: "check the file's permissions"))
                continue
            }
            do throws(ImageHeaderError) {
                let size = try ImageHeader.size(of: data, format: format)
                images.byPath[path] = ContentImage(
                    path: path, outputPath: SiteAssets.fingerprinted(path, data, always: true), format: format, size: size, data: data)
            } catch {
                diagnostics.append(
                    .error(
                        error.message, at: location,
                        hint: "save it again as \(format.name), or give it the extension of its real format"))
            }
        }
        return (images, diagnostics)
    }

    /// The image a page's Markdown names by `url`, relative to the Markdown file
    /// (`contentFile`, inside the content folder).
    func resolve(_ url: String, fromContentFile contentFile: String) -> ImageLookup {
        let decoded = url.removingPercentEncoding ?? url
        guard !decoded.hasPrefix("/"), let path = URLPaths.resolveContentLink(decoded, fromContentFile: contentFile) else {
            return .outsideContent
        }
        if let image = byPath[path] { return .found(image) }
        return ImageFormat(fileName: path) == nil ? .notAnImage(path) : .missing(path)
    }
}

enum ImageLookup: Equatable {
    case found(ContentImage)
    case missing(String)
    case notAnImage(String)
    case outsideContent
}
