import Foundation

/// The files of `Templates/assets/`, with the names they get in the output. Stylesheets
/// and scripts are named by a hash of their content (`style.3f2a9c1d0b.css`), so a host
/// can cache them forever and a changed file is a new URL; other files (images, fonts)
/// keep their names, so `url(...)` references inside a stylesheet keep working.
public struct SiteAssets: Sendable {
    public struct Asset: Sendable {
        /// Path under `assets/` in `Templates/`, e.g. `style.css`.
        public var name: String
        /// Site path of the written file, e.g. `assets/style.3f2a9c1d0b.css`.
        public var outputPath: String
        public var data: Data
    }

    public var assets: [Asset]

    public static func load(from folder: URL) throws -> SiteAssets {
        let fm = FileManager.default
        var assets: [Asset] = []
        let names = (fm.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).sorted()
        for name in names {
            var isDirectory: ObjCBool = false
            let source = folder.appendingPathComponent(name)
            guard fm.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !ContentFiles.isEditorLeftover(source.lastPathComponent)
            else { continue }
            let data = try Data(contentsOf: source)
            assets.append(Asset(name: name, outputPath: "assets/" + fingerprinted(name, data), data: data))
        }
        return SiteAssets(assets: assets)
    }

    /// These assets and one the build made, named as if it were in `Templates/assets/`
    /// (in place of a file there of that name).
    func adding(generated name: String, _ data: Data) -> SiteAssets {
        var assets = self.assets.filter { $0.name != name }
        assets.append(Asset(name: name, outputPath: "assets/" + Self.fingerprinted(name, data), data: data))
        return SiteAssets(assets: assets)
    }

    /// Site path of an asset by its name in `Templates/assets/`, if there is one.
    public func path(of name: String) -> String? {
        assets.first { $0.name == name }?.outputPath
    }

    static let fingerprintedExtensions: Set<String> = ["css", "js"]

    /// `always`: whatever the extension (content images, which no stylesheet names).
    static func fingerprinted(_ name: String, _ data: Data, always: Bool = false) -> String {
        guard let dot = name.lastIndex(of: "."), always || fingerprintedExtensions.contains(String(name[name.index(after: dot)...])) else {
            return name
        }
        return "\(name[..<dot]).\(ContentHash.hex(data))\(name[dot...])"
    }
}

/// A short, stable content hash for file names: FNV-1a over 8-byte words (a byte at a
/// time made hashing the search index a third of a `serve` rebuild), then mixed so every
/// input bit reaches the digits kept. It only needs to change when the content does; it
/// is not a security boundary.
enum ContentHash {
    static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        data.withUnsafeBytes { bytes in
            let words = bytes.count / 8
            for index in 0..<words {
                hash ^= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash &*= prime
            }
            for byte in bytes[(words * 8)...] {
                hash ^= UInt64(byte)
                hash &*= prime
            }
        }
        hash ^= UInt64(data.count)
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        let text = String(hash, radix: 16)
        return String(String(repeating: "0", count: 16 - text.count) + text).prefix(10).description
    }
}
