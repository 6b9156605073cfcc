/// Site paths (`entities/countries/mali/`) and the relative URLs between them, so the
/// output works at a domain root, under a subpath and from disk.
public enum URLPaths {
    /// The relative URL from the page at `from` to `to` (either may carry `#fragment`).
    /// `portable` adds `index.html` to folder links so they also open from `file://`.
    public static func relative(from: String, to target: String, portable: Bool = false) -> String {
        // On UTF-8 bytes: every page computes dozens of these.
        let slash = UInt8(ascii: "/")
        let targetBytes = Array(target.utf8)
        let hash = targetBytes.firstIndex(of: UInt8(ascii: "#")) ?? targetBytes.count
        let path = targetBytes[..<hash]
        let fragment = targetBytes[hash...]
        let fromBytes = Array(from.utf8)
        // The folder part of each: up to and including the last '/'.
        let fromDirEnd = (fromBytes.lastIndex(of: slash) ?? -1) + 1
        let toDirEnd = (path.lastIndex(of: slash) ?? -1) + 1
        // The longest common run of whole folders.
        var common = 0
        var index = 0
        while index < fromDirEnd, index < toDirEnd, fromBytes[index] == path[index] {
            if fromBytes[index] == slash { common = index + 1 }
            index += 1
        }
        var url: [UInt8] = []
        url.reserveCapacity(targetBytes.count + 12)
        for byte in fromBytes[common..<fromDirEnd] where byte == slash { url += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
        url += path[common...]
        let isFolder = path.isEmpty || path.last == slash
        if isFolder && portable { url += Array("index.html".utf8) }
        if url.isEmpty && (fragment.isEmpty || !fromBytes.elementsEqual(path)) { url = [UInt8(ascii: "."), slash] }
        url += fragment
        return String(decoding: url, as: UTF8.self)
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
