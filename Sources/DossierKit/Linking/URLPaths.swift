/// Site paths (`entities/countries/mali/`) and the relative URLs between them, so the
/// output works at a domain root, under a subpath and from disk.
public enum URLPaths {
    /// The relative URL from the page at `from` to `to` (either may carry `#fragment`).
    /// `portable` adds `index.html` to folder links so they also open from `file://`.
    public static func relative(from: String, to target: String, portable: Bool = false) -> String {
        // On the strings' own UTF-8 bytes, written straight into the result: every page
        // computes dozens of these (copying both into arrays was half their cost).
        var from = from, target = target
        return from.withUTF8 { from in target.withUTF8 { relative(from: from, to: $0, portable: portable) } }
    }

    private static func relative(from: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>, portable: Bool) -> String {
        let slash = UInt8(ascii: "/")
        let hash = target.firstIndex(of: UInt8(ascii: "#")) ?? target.count
        let path = UnsafeBufferPointer(rebasing: target[..<hash])
        let fragment = UnsafeBufferPointer(rebasing: target[hash...])
        // The folder part of each: up to and including the last '/'.
        let fromDirEnd = (from.lastIndex(of: slash) ?? -1) + 1
        let toDirEnd = (path.lastIndex(of: slash) ?? -1) + 1
        // The longest common run of whole folders.
        var common = 0
        var index = 0
        while index < fromDirEnd, index < toDirEnd, from[index] == path[index] {
            if from[index] == slash { common = index + 1 }
            index += 1
        }
        let ups = from[common..<fromDirEnd].reduce(0) { $1 == slash ? $0 + 1 : $0 }
        let rest = UnsafeBufferPointer(rebasing: path[common...])
        let indexFile = (path.isEmpty || path.last == slash) && portable ? "index.html" : ""
        var pathCount = ups * 3 + rest.count + indexFile.utf8.count
        let here = pathCount == 0 && (fragment.isEmpty || !from.elementsEqual(path))
        if here { pathCount = 2 }
        return String(unsafeUninitializedCapacity: pathCount + fragment.count) { out in
            var count = 0
            func append(_ byte: UInt8) {
                out[count] = byte
                count += 1
            }
            if here {
                append(UInt8(ascii: "."))
                append(slash)
            }
            for _ in 0..<ups {
                append(UInt8(ascii: "."))
                append(UInt8(ascii: "."))
                append(slash)
            }
            rest.forEach(append)
            indexFile.utf8.forEach(append)
            fragment.forEach(append)
            return count
        }
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
