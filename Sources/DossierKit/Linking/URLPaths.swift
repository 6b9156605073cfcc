/// Site paths (`entities/countries/mali/`) and the relative URLs between them, so the
/// output works at a domain root, under a subpath and from disk.
public enum URLPaths {
    /// The relative URL from the page at `from` to `to` (either may carry `#fragment`).
    /// `portable` adds `index.html` to folder links so they also open from `file://`.
    public static func relative(from: String, to target: String, portable: Bool = false) -> String {
        var path = target
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            path = String(target[..<hash])
            fragment = String(target[hash...])
        }
        let fromFolders = folders(of: from)
        let toParts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let isFolder = path.isEmpty || path.hasSuffix("/")
        let toFolders = isFolder ? toParts : Array(toParts.dropLast())
        var common = 0
        while common < fromFolders.count, common < toFolders.count, fromFolders[common] == toFolders[common] { common += 1 }
        var url = String(repeating: "../", count: fromFolders.count - common)
        url += toFolders[common...].map { $0 + "/" }.joined()
        if !isFolder { url += toParts.last! }
        if isFolder && portable { url += "index.html" }
        if url.isEmpty { url = (fragment.isEmpty || from != path) ? "./" : "" }
        return url + fragment
    }

    /// Folders that hold the page: `a/b/` → [a, b]; a file `a/x.xml` → [a].
    private static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return path.isEmpty || path.hasSuffix("/") ? parts : Array(parts.dropLast())
    }

    /// Resolves `../x.md` written in `file` (relative to the content folder) to a path inside it.
    static func resolveContentLink(_ link: String, fromContentFile file: String) -> String? {
        var parts = file.split(separator: "/").map(String.init).dropLast()
        for component in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
