import Foundation
import Testing

@testable import DossierKit

/// A full build writes over the site kept in staging by the build before: what it does
/// not write must go, what it writes unchanged must stay untouched, and nothing it writes
/// may land outside the staging folder.
@Suite("Recycled staging folder")
struct StagingInventoryTests {
    private let fm = FileManager.default

    /// Publishes `files` as one build into `output`.
    private func publish(_ files: [String: String], into output: OutputFolder) throws {
        try output.prepareStaging()
        for (path, text) in files { try output.write(path, Data(text.utf8)) }
        try output.commit()
    }

    private func texts(_ folder: URL) throws -> [String: String] {
        try snapshot(folder).filter { $0.key != OutputFolder.marker }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func filesOfTheKeptSiteThatABuildDoesNotWriteAreRemoved() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["a/b.html": "one", "c.html": "one", "d/e/f.html": "one"], into: output)
            try publish(["c.html": "two"], into: output)
            // Staging now holds the first site; the third build writes over it, a file
            // growing, one shrinking, one new.
            try publish(["a/b.html": "three", "c.html": "3", "x.html": "three"], into: output)
            #expect(try texts(output.url) == ["a/b.html": "three", "c.html": "3", "x.html": "three"])
            #expect(!fm.fileExists(atPath: output.url.appendingPathComponent("d").path), "folders left empty are removed")
            #expect(try texts(output.staging) == ["c.html": "two", ".gitignore": "*\n"])
        }
    }

    @Test func aFileWrittenWithTheSameBytesIsLeftUntouched() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["same.html": "same", "changed.html": "old"], into: output)
            try publish(["same.html": "same", "changed.html": "old"], into: output)
            let same = output.staging.appendingPathComponent("same.html").path
            let changed = output.staging.appendingPathComponent("changed.html").path
            let before = try fm.attributesOfItem(atPath: same)
            let changedBefore = try fm.attributesOfItem(atPath: changed)
            Thread.sleep(forTimeInterval: 0.02)
            try output.prepareStaging()
            try output.write("same.html", Data("same".utf8))
            try output.write("changed.html", Data("new".utf8))
            let after = try fm.attributesOfItem(atPath: same)
            #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
            #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
            #expect(try fm.attributesOfItem(atPath: changed)[.modificationDate] as? Date != changedBefore[.modificationDate] as? Date)
            try output.commit()
            #expect(try texts(output.url) == ["same.html": "same", "changed.html": "new"])
        }
    }

    @Test func aHardLinkedFileIsReplacedNotWrittenThrough() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["page.html": "first"], into: output)
            try publish(["page.html": "second"], into: output)
            // A backup made with hard links (`cp -al`, `rsync --link-dest`) of the kept site.
            let backup = root.appendingPathComponent("backup.html")
            try fm.linkItem(at: output.staging.appendingPathComponent("page.html"), to: backup)
            try publish(["page.html": "third"], into: output)
            #expect(try String(contentsOf: backup, encoding: .utf8) == "first")
            #expect(try texts(output.url) == ["page.html": "third"])
        }
    }

    @Test func symbolicLinksInTheKeptSiteAreRemovedNotFollowed() throws {
        try withTempFolder { root in
            let outside = root.appendingPathComponent("outside")
            try fm.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: outside.appendingPathComponent("page.html"))
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["index.html": "one"], into: output)
            try publish(["index.html": "two"], into: output)
            try fm.createSymbolicLink(at: output.staging.appendingPathComponent("folder"), withDestinationURL: outside)
            try fm.createSymbolicLink(
                at: output.staging.appendingPathComponent("file.html"), withDestinationURL: outside.appendingPathComponent("page.html"))
            try publish(["folder/page.html": "site", "file.html": "site"], into: output)
            #expect(try String(contentsOf: outside.appendingPathComponent("page.html"), encoding: .utf8) == "mine")
            #expect(try fm.contentsOfDirectory(atPath: outside.path) == ["page.html"])
            #expect(try texts(output.url) == ["folder/page.html": "site", "file.html": "site"])
            let kind = try fm.attributesOfItem(atPath: output.url.appendingPathComponent("folder").path)[.type] as? FileAttributeType
            #expect(kind == .typeDirectory)
        }
    }

    @Test func aFolderAndAFileMayTradePlaces() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["a/index.html": "folder", "b": "file"], into: output)
            try publish(["other.html": "x"], into: output)
            try publish(["a": "file", "b/index.html": "folder"], into: output)
            #expect(try texts(output.url) == ["a": "file", "b/index.html": "folder"])
        }
    }

    @Test func aStagingFolderWithoutTheMarkerIsNotReused() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try fm.createDirectory(at: output.staging.appendingPathComponent("junk"), withIntermediateDirectories: true)
            try Data("not ours".utf8).write(to: output.staging.appendingPathComponent("junk/index.html"))
            try publish(["index.html": "site"], into: output)
            #expect(try texts(output.url) == ["index.html": "site"])
        }
    }

    @Test func aFailedBuildDiscardsStaging() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            try publish(["index.html": "one"], into: output)
            try publish(["index.html": "two"], into: output)
            try output.prepareStaging()
            try output.write("index.html", Data("half".utf8))
            output.discardStaging()
            #expect(!fm.fileExists(atPath: output.staging.path))
            #expect(try texts(output.url) == ["index.html": "two"])
            try publish(["index.html": "three"], into: output)
            #expect(try texts(output.url) == ["index.html": "three"])
        }
    }

    /// Seeded sequences of builds over a few paths that are files in one build and
    /// folders in another, with contents that repeat, grow and shrink, and now and then a
    /// symbolic link, a hard link or junk planted in the kept site: after every swap the
    /// output holds exactly what that build wrote.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomBuildsPublishExactlyWhatTheyWrite(seed: UInt64) throws {
        try withTempFolder { root in
            var random = SplitMix64(seed: seed)
            let output = OutputFolder(root.appendingPathComponent("Public"))
            let outside = root.appendingPathComponent("outside")
            try fm.createDirectory(at: outside, withIntermediateDirectories: true)
            let paths = ["a", "a/index.html", "a/b/index.html", "b", "b/c", "c/index.html", "c/d/e/index.html", "index.html"]
            let texts = ["", "x", "same", "a longer text than the others", "ü"]
            for round in 1...30 {
                // A site: some paths, never one inside another that is a file.
                var site: [String: String] = [:]
                for path in paths.shuffled(using: &random) where Bool.random(using: &random) {
                    let clashes = site.keys.contains { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }
                    if !clashes { site[path] = texts.randomElement(using: &random)! }
                }
                if fm.fileExists(atPath: output.staging.path) {
                    let kept = try fm.subpathsOfDirectory(atPath: output.staging.path).filter { !$0.hasPrefix(".") }
                    switch Int.random(in: 0..<6, using: &random) {
                    case 0:
                        if let spot = kept.randomElement(using: &random) {
                            try? fm.removeItem(at: output.staging.appendingPathComponent(spot))
                            try fm.createSymbolicLink(at: output.staging.appendingPathComponent(spot), withDestinationURL: outside)
                        }
                    case 1:
                        if let spot = kept.randomElement(using: &random),
                            (try? fm.attributesOfItem(atPath: output.staging.appendingPathComponent(spot).path)[.type] as? FileAttributeType)
                                == .typeRegular
                        {
                            try fm.linkItem(
                                at: output.staging.appendingPathComponent(spot), to: outside.appendingPathComponent("link-\(round)"))
                        }
                    case 2:
                        try fm.createDirectory(at: output.staging.appendingPathComponent("junk/deep"), withIntermediateDirectories: true)
                    default: break
                    }
                }
                let linked = try fm.contentsOfDirectory(atPath: outside.path).filter { $0.hasPrefix("link-") }
                let before = try linked.map { try String(contentsOf: outside.appendingPathComponent($0), encoding: .utf8) }
                try publish(site, into: output)
                #expect(try self.texts(output.url) == site, "seed \(seed), round \(round)")
                let subfolders = try fm.subpathsOfDirectory(atPath: output.url.path).filter {
                    (try? fm.attributesOfItem(atPath: output.url.appendingPathComponent($0).path)[.type] as? FileAttributeType)
                        == .typeDirectory
                }
                for folder in subfolders {
                    #expect(
                        site.keys.contains { $0.hasPrefix(folder + "/") },
                        "seed \(seed), round \(round): \(folder)/ holds nothing of this build")
                }
                let after = try linked.map { try String(contentsOf: outside.appendingPathComponent($0), encoding: .utf8) }
                #expect(after == before, "seed \(seed), round \(round): a hard link outside was written through")
                #expect(try fm.contentsOfDirectory(atPath: outside.path).allSatisfy { $0.hasPrefix("link-") })
            }
        }
    }
}
