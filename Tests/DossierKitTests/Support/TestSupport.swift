import Foundation
import Testing

@testable import DossierKit

/// Where the package and its real templates are, found from this file's path.
enum TestPaths {
    static func packageRoot(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(file)")
    }

    static var templates: URL { packageRoot().appendingPathComponent("Templates") }

    /// The copied `Fixtures` resource folder; the source tree's copy if the bundle lacks it.
    static var fixtures: URL {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
        return packageRoot().appendingPathComponent("Tests/DossierKitTests/Fixtures")
    }
}

/// A throwaway project folder in the system's temporary folder: `Content/` (from a
/// fixture, or empty), and `Public/` as the default output.
struct TempSite: Sendable {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var output: URL { root.appendingPathComponent("Public") }

    init(fixture: String? = "sahel") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let fixture {
            let source = TestPaths.fixtures.appendingPathComponent(fixture).appendingPathComponent("Content")
            try FileManager.default.copyItem(at: source, to: content)
        } else {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        }
    }

    /// Writes a content file (path relative to `Content/`), creating folders.
    func write(_ relativePath: String, _ text: String) throws {
        try writeData(relativePath, Data(text.utf8))
    }

    func writeData(_ relativePath: String, _ data: Data) throws {
        let url = content.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Replaces the first occurrence of `old` in a content file.
    func edit(_ relativePath: String, replacing old: String, with new: String) throws {
        let text = try read(relativePath)
        #expect(text.contains(old), "fixture \(relativePath) lacks \(old)")
        guard let range = text.range(of: old) else { return }
        try write(relativePath, text.replacingCharacters(in: range, with: new))
    }

    func options(output: URL? = nil, templates: URL = TestPaths.templates) -> SiteBuilder.Options {
        SiteBuilder.Options(
            projectRoot: root, contentFolder: content, templatesFolder: templates,
            outputFolder: output ?? self.output)
    }

    @discardableResult
    func build(output: URL? = nil, templates: URL = TestPaths.templates) async throws -> SiteBuilder.Report {
        try await SiteBuilder(options: options(output: output, templates: templates)).build()
    }

    /// A page of the last build, e.g. `entities/countries/mali/index.html`.
    func html(_ outputPath: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? output).appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// A copy of the real templates inside this project, to be edited by a test.
    func copyTemplates() throws -> URL {
        let url = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: url)
        return url
    }

    /// Loads and links `Content/` without templates or output.
    func link() async throws -> (LinkedSite, [Diagnostic]) {
        let (catalog, loadDiagnostics) = try await ContentLoader.load(from: content, displayRoot: "Content")
        let (site, linkDiagnostics) = await Linker.link(catalog, contentPrefix: "Content/")
        return (site, loadDiagnostics + linkDiagnostics)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Runs `body` with a fresh temporary site and deletes it afterwards, whatever happens.
func withTempSite<T>(_ fixture: String? = "sahel", _ body: (TempSite) async throws -> T) async throws -> T {
    let site = try TempSite(fixture: fixture)
    defer { site.remove() }
    return try await body(site)
}

/// Runs `body` with a new empty folder and deletes it afterwards, whatever happens.
func withTempFolder(_ body: (URL) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try body(root)
}

/// Every regular file under `folder`, by relative path, with its bytes.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = folder.resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
        return result
    }
    for case let url as URL in enumerator {
        guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
        let path = url.resolvingSymlinksInPath().path
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        result[relative] = try Data(contentsOf: url)
    }
    return result
}

/// All HTML files of an output folder, by relative path.
func htmlFiles(_ folder: URL) throws -> [String: String] {
    try snapshot(folder).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
}

/// Front matter plus body, for content files written by tests.
func page(_ frontMatter: String, _ body: String = "") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
}

/// Renders Markdown the way pages do (headings get ids, raw HTML handled), links kept.
func renderMarkdown(_ text: String, allowRawHTML: Bool = false, file: String = "test.md", firstLine: Int = 1) -> String {
    let document = MarkdownDocument(MarkdownText(text: text, firstLine: firstLine, file: file))
    document.rewrite(allowRawHTML: allowRawHTML) { _ in .keep }
    return document.renderHTML()
}

/// A deterministic random number generator, so shuffles are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
    var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    func first(containing text: String) -> Diagnostic? {
        first { $0.message.contains(text) }
    }
}

/// 1-based line and column (in characters) of the first occurrence of `needle`.
func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
    guard let range = text.range(of: needle) else { return nil }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let column = before.count - (before.lastIndex(of: "\n").map { before[...$0].count } ?? 0) + 1
    return (line, column)
}

/// Each case's value, or nil for the other cases: `try #require(document?.briefing)` fails
/// the test when the parser returns another kind of page, where `guard case … else
/// { return }` passed it.
extension ParsedDocument {
    var home: PageHeader? { if case .home(let value) = self { value } else { nil } }
    var briefing: Briefing? { if case .briefing(let value) = self { value } else { nil } }
    var entity: Entity? { if case .entity(let value) = self { value } else { nil } }
    var event: Event? { if case .event(let value) = self { value } else { nil } }
    var source: Source? { if case .source(let value) = self { value } else { nil } }
}
