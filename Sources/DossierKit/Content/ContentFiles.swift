import Foundation

/// Finds the files of a content folder: Markdown pages and `site.yml`, skipping editor
/// leftovers and hidden files, and surviving symlink loops.
public enum ContentFiles {
    struct Listing {
        var markdown: [String] = []  // paths relative to the content folder, sorted
        /// Images (by extension) and GeoJSON files, relative to the content folder, sorted.
        var images: [String] = []
        var geoData: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    public static func isEditorLeftover(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swo") || name.hasSuffix(".tmp") || name.hasSuffix(".bak")
    }

    /// `Content/README.md` is the content guide for the dossier's authors, not a page.
    static func isAuthorsGuide(_ name: String) -> Bool { name.lowercased() == "readme.md" }

    static func list(root: URL, displayPrefix: String) -> Listing {
        var listing = Listing()
        var visited: Set<String> = []
        let realRoot = root.resolvingSymlinksInPath()
        walk(realRoot, relative: "", root: realRoot.path, into: &listing, visited: &visited, displayPrefix: displayPrefix)
        listing.markdown.sort()
        listing.images.sort()
        listing.geoData.sort()
        return listing
    }

    private static func walk(
        _ directory: URL, relative: String, root: String, into listing: inout Listing, visited: inout Set<String>,
        displayPrefix: String
    ) {
        let real = directory.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            listing.diagnostics.append(
                .warning(
                    "folder is reached twice through a symbolic link and is read once",
                    at: SourceLocation(file: displayPrefix + relative), hint: "remove the symbolic link loop"))
            return
        }
        let directoryPath = directory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directoryPath)) ?? []
        // Paths as strings and one stat(2) per entry: `serve` lists the folder on every
        // rebuild, and URL and FileManager calls for 10,000 files took tens of milliseconds.
        for name in names.sorted() where !isEditorLeftover(name) {
            let filePath = directoryPath + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(filePath, &info) == 0 else {
                let loop = errno == ELOOP
                listing.diagnostics.append(
                    .warning(
                        loop ? "symbolic link loop is ignored" : "broken symbolic link is ignored",
                        at: SourceLocation(file: displayPrefix + path)))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let url = directory.appendingPathComponent(name)
                // A link out of the content folder would read the project, or the whole disk.
                let real = url.resolvingSymlinksInPath().path
                guard real == root || real.hasPrefix(root + "/") else {
                    listing.diagnostics.append(
                        .warning(
                            "folder link points outside the content folder and is ignored",
                            at: SourceLocation(file: displayPrefix + path), hint: "copy the files into the content folder instead"))
                    continue
                }
                walk(url, relative: path, root: root, into: &listing, visited: &visited, displayPrefix: displayPrefix)
            } else if relative.isEmpty && isAuthorsGuide(name) {
                continue
            } else if name.lowercased().hasSuffix(".md") {
                listing.markdown.append(path)
            } else if ImageFormat(fileName: name) != nil || name.lowercased().hasSuffix(".geojson") {
                // A file link out of the content folder would publish what it points at.
                let real = directory.appendingPathComponent(name).resolvingSymlinksInPath().path
                guard real.hasPrefix(root + "/") else {
                    listing.diagnostics.append(
                        .warning(
                            "file link points outside the content folder and is ignored",
                            at: SourceLocation(file: displayPrefix + path), hint: "copy the file into the content folder instead"))
                    continue
                }
                if ImageFormat(fileName: name) != nil { listing.images.append(path) } else { listing.geoData.append(path) }
            } else if path != "site.yml" {
                listing.diagnostics.append(
                    .warning(
                        "file is not Markdown, an image or GeoJSON, and is ignored", at: SourceLocation(file: displayPrefix + path),
                        hint: "images (PNG, JPEG, GIF, WebP, SVG) go beside the page that shows them; other assets in Templates/assets/"))
            }
        }
    }
}

/// Slugs come from file names: lowercase ASCII words joined by hyphens.
public enum Slug {
    public static func make(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(name) }
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar == "ß" {
                slug += "ss"
            } else {
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }

    /// The same for ASCII text, without Foundation's folding: every page and heading has
    /// a slug, and most are ASCII.
    private static func makeASCII(_ name: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for byte in name.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
