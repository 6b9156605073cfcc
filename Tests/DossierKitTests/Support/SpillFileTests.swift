import Foundation
import Testing

@testable import DossierKit

@Suite("Scratch file for rendered Markdown")
struct SpillFileTests {
    @Test func textsComeBackAsStoredFromParallelWriters() async throws {
        let spill = try #require(SpillFile())
        let texts = (0..<400).map { index in
            index % 7 == 0 ? "" : String(repeating: "Côte d’Ivoire \u{2} <p>\(index)</p>\n", count: index % 13 + 1)
        }
        let extents = await withTaskGroup(of: (Int, SpillFile.Extent?).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, spill.store(text)) } }
            var extents = [SpillFile.Extent?](repeating: nil, count: texts.count)
            for await (index, extent) in group { extents[index] = extent }
            return extents
        }
        for (text, extent) in zip(texts, extents) {
            let extent = try #require(extent)
            #expect(extent.count == text.utf8.count)
            #expect(spill.read(extent) == text)
        }
    }

    @Test func leavesNothingInItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try #require(SpillFile(in: folder))
        let extent = try #require(spill.store("<p>kept in the file</p>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(spill.read(extent) == "<p>kept in the file</p>")
    }

    @Test func noFileWhereNoneCanBeMade() {
        #expect(SpillFile(in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")) == nil)
    }
}
