import Foundation
import Hummingbird
import Logging
import NIOCore

/// The served folder as Hummingbird's `FileMiddleware` sees it. HTML pages get the
/// live-reload script added as they are served, so the files on disk stay exactly what
/// `build` writes. Nothing outside the folder is reachable: `FileMiddleware` refuses
/// `..` after decoding, and this refuses hidden files and any path that resolves
/// (through a symbolic link) outside the folder.
struct PreviewFiles: FileProvider {
    struct Attributes: FileMiddlewareFileAttributes, Sendable {
        var isFolder: Bool
        var size: Int
        var modificationDate: Date
    }

    typealias FileIdentifier = String

    static let liveReloadTag = "<script src=\"/_dossier/live.js\"></script>\n"

    let root: String
    let local: LocalFileSystem

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().path
        var logger = Logger(label: "dossier.files")
        logger.logLevel = .warning
        local = LocalFileSystem(rootFolder: self.root, threadPool: .singleton, logger: logger)
    }

    func getFileIdentifier(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        let full = parts.isEmpty ? root : root + "/" + parts.joined(separator: "/")
        let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else { return nil }
        return full
    }

    func getAttributes(id path: String) async throws -> Attributes? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let isFolder = (attributes[.type] as? FileAttributeType) == .typeDirectory
        var size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if !isFolder && Self.isPage(path) { size += Self.liveReloadTag.utf8.count }
        return Attributes(isFolder: isFolder, size: size, modificationDate: attributes[.modificationDate] as? Date ?? Date())
    }

    func loadFile(id path: String, context: some RequestContext) async throws -> ResponseBody {
        guard Self.isPage(path) else { return try await local.loadFile(id: path, context: context) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: try Self.page(at: path)))
    }

    func loadFile(id path: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard Self.isPage(path) else { return try await local.loadFile(id: path, range: range, context: context) }
        let data = try Self.page(at: path)
        let clamped = range.clamped(to: 0...max(0, data.count - 1))
        return ResponseBody(byteBuffer: ByteBuffer(bytes: data[clamped]))
    }

    static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    /// The page with the live-reload script before `</body>`.
    static func page(at path: String) throws -> Data {
        injectingLiveReload(into: try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func injectingLiveReload(into page: Data) -> Data {
        let tag = Data(liveReloadTag.utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var result = page
        result.insert(contentsOf: tag, at: end.lowerBound)
        return result
    }
}
