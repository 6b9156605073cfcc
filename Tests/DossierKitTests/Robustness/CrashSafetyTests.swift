import Foundation
import Testing

@testable import DossierKit

extension Robustness.HeavyBuilds {
    /// Runs the real `dossier` executable and SIGKILLs it mid-build: the output folder
    /// must always be the old site or the new one, never a mix, and what a killed build
    /// leaves behind must not break the next one.
    @Suite("Crash safety")
    struct CrashSafety {
        static let generatedPages = 600
        static let kills = 8

        /// The old and new versions differ in the site title (so every page changes), one
        /// edited body, and one page that exists only in the new version.
        private func setContent(_ site: TempSite, new: Bool) throws {
            let oldTitle = "title: \"Test dossier\"", newTitle = "title: \"Test dossier, second edition\""
            let siteFile = try site.read("site.yml")
            try site.write(
                "site.yml",
                new
                    ? siteFile.replacingOccurrences(of: oldTitle, with: newTitle)
                    : siteFile.replacingOccurrences(of: newTitle, with: oldTitle))
            try site.write(
                "entities/organizations/org-0.md",
                page(
                    "title: \"Organization 0\"\nkind: organization\nsummary: \"Generated organization 0.\"",
                    new ? "Organization 0 now works with [[Organization 5]]." : "Organization 0 works with [[Organization 1]]."))
            let late = site.content.appendingPathComponent("entities/organizations/late-addition.md")
            if new {
                try site.write(
                    "entities/organizations/late-addition.md",
                    page("title: \"Late addition\"\nkind: organization\nsummary: \"Only in the new site.\"", "Joins [[Organization 1]]."))
            } else if FileManager.default.fileExists(atPath: late.path) {
                try FileManager.default.removeItem(at: late)
            }
        }

        /// The inode of a file or folder, to see a folder replaced.
        static func inode(_ url: URL) -> UInt64? {
            var info = stat()
            guard stat(url.path, &info) == 0 else { return nil }
            return UInt64(info.st_ino)
        }

        /// How many `*/index.html` in `folder` changed at or after `time`. Plain system calls:
        /// this runs every few milliseconds while a build writes.
        static func pagesChanged(in folder: String, since time: Double) -> Int {
            guard let listing = opendir(folder) else { return 0 }
            defer { closedir(listing) }
            var count = 0
            var info = stat()
            while let entry = readdir(listing) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != "..", stat(folder + "/" + name + "/index.html", &info) == 0 else { continue }
                #if canImport(Glibc)
                let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
                #else
                let changed = Double(info.st_ctimespec.tv_sec) + Double(info.st_ctimespec.tv_nsec) / 1e9
                #endif
                if changed >= time { count += 1 }
            }
            return count
        }

        /// `generatedPages` organizations linking to each other, beside the sahel fixture.
        private func generatePages(_ site: TempSite) throws {
            let n = Self.generatedPages
            let folder = site.content.appendingPathComponent("entities/organizations")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for i in 1..<n {
                let text = page(
                    "title: \"Organization \(i)\"\nkind: organization\nsummary: \"Generated organization \(i).\"",
                    "Organization \(i) works with [[Organization \((i * 7 + 1) % n)]] and [[Organization \((i + 1) % n)]].\n\n## Notes\n\nSome text.\n"
                )
                try Data(text.utf8).write(to: folder.appendingPathComponent("org-\(i).md"))
            }
        }

        @Test("SIGKILL at random moments: the output is the old site or the new one, never a mix")
        func killedBuildsLeaveOldOrNewSite() async throws {
            let executable = try #require(
                DossierExecutable.url, "no dossier executable beside the test products; build the package (swift build --build-tests)")
            try await withTempSite { site in
                let clock = ContinuousClock()
                let started = clock.now
                try generatePages(site)
                let run = try DossierRun(executable, site)
                let generated = clock.now - started

                // The old site in Public/, the new one beside it for reference.
                try setContent(site, new: false)
                #expect(try await run.build(log: "old").ending == .exited(0), "\(run.stderr("old"))")
                let oldSite = try snapshot(site.output)
                try setContent(site, new: true)
                let reference = site.root.appendingPathComponent("Public-new")
                let full = try await run.build(output: reference, log: "new")
                #expect(full.ending == .exited(0), "\(run.stderr("new"))")
                let newSite = try snapshot(reference)
                try FileManager.default.removeItem(at: reference)
                #expect(oldSite.count > Self.generatedPages)
                #expect(newSite.count == oldSite.count + 1)
                // Pages, not assets: scripts and the stylesheet are the same in both sites.
                let samePages = oldSite.keys.filter { $0.hasSuffix(".html") && oldSite[$0] == newSite[$0] }
                #expect(samePages.count < 10, "old and new sites must differ almost everywhere: \(samePages.prefix(12))")

                // Kill builds in three phases, chosen by what the build has done rather than by
                // the clock (the machine may be busy): while starting, while writing pages into
                // staging, and just after the swap. Each round goes from the site on disk to the other.
                var generator = SplitMix64(seed: 20_251_129)
                var outcomes: [String] = []
                var isNew = false
                var stagingLeft = 0
                let staging = OutputFolder(site.output).staging
                let organizations = staging.appendingPathComponent("entities/organizations")
                for round in 1...Self.kills {
                    let roundStarted = clock.now
                    let target = isNew ? "old" : "new"
                    try setContent(site, new: !isNew)
                    let phase = ["starting", "writing", "swapped"][(round - 1) % 3]
                    // A page written after this moment belongs to this round's staging, not a stale one
                    // (file times are coarse, so allow a little slack; a stale page is much older).
                    let roundStart = Date().timeIntervalSince1970 - 0.02
                    let outputBefore = Self.inode(site.output)
                    let pagesWritten = Int.random(in: 1...(Self.generatedPages * 9 / 10), using: &generator)
                    let extra = Duration.milliseconds(Int.random(in: 0...(phase == "starting" ? 400 : 30), using: &generator))
                    let child = try run.start(log: "round-\(round)")
                    var finished = try child.poll()
                    var reached = phase == "starting"
                    while finished == nil && !reached {
                        try await Task.sleep(for: .milliseconds(2))
                        switch phase {
                        case "writing":
                            // Staging may hold the site before the last one, written over page by page
                            // (and its marker, the same bytes, is left as it was).
                            reached = Self.pagesChanged(in: organizations.path, since: roundStart) >= pagesWritten
                        default:
                            reached = Self.inode(site.output) != outputBefore
                        }
                        finished = try child.poll()
                    }
                    if finished == nil {
                        try await Task.sleep(for: extra)
                        child.kill()
                        finished = try await child.wait()
                    }
                    let ending = finished!.ending
                    // Every file, byte for byte, against both sites.
                    let files = try snapshot(site.output)
                    let state: String
                    if files == oldSite {
                        state = "old"; isNew = false
                    } else if files == newSite {
                        state = "new"; isNew = true
                    } else {
                        state = "MIXED"
                        // Which files differ, so a failure says what kind of mix it was.
                        func differences(from site: [String: Data]) -> String {
                            let paths = Set(files.keys).union(site.keys).filter { files[$0] != site[$0] }.sorted()
                            return
                                "\(paths.count) files (\(paths.prefix(3).map { "\($0)\(files[$0] == nil ? " missing" : site[$0] == nil ? " extra" : "")" }.joined(separator: ", ")))"
                        }
                        Issue.record(
                            "round \(round) (\(phase)): after SIGKILL the output is neither the old nor the new site: \(files.count) files; differs from the old site in \(differences(from: oldSite)), from the new in \(differences(from: newSite))"
                        )
                    }
                    if ending == .exited(0) { #expect(state == target, "round \(round): a build that finished must have published") }
                    let left = FileManager.default.fileExists(atPath: staging.path)
                    if left { stagingLeft += 1 }
                    let when = phase == "writing" ? "after \(pagesWritten) pages + \(milliseconds(extra)) ms" : "+\(milliseconds(extra)) ms"
                    outcomes.append(
                        "\(round) \(phase) (\(when)) → \(ending), \(state) site (wanted \(target))\(left ? ", staging left" : ""); round took \(milliseconds(clock.now - roundStarted)) ms"
                    )
                }

                // Whatever the last kill left, plus a stale staging folder with junk, the next build works.
                try FileManager.default.createDirectory(at: staging.appendingPathComponent("junk"), withIntermediateDirectories: true)
                try Data("half-written".utf8).write(to: staging.appendingPathComponent("junk/index.html"))
                try setContent(site, new: true)
                #expect(try await run.build(log: "final").ending == .exited(0), "\(run.stderr("final"))")
                #expect(try snapshot(site.output) == newSite)
                // Beside it, only the site before, kept for the next build: no junk, no `.old`.
                #expect(try site.leftovers().allSatisfy { $0 == staging.lastPathComponent })
                #expect(!FileManager.default.fileExists(atPath: staging.appendingPathComponent("junk").path))

                print(
                    "SIGKILL test: \(oldSite.count) files per site (generated in \(milliseconds(generated)) ms), full build \(milliseconds(full.time)) ms; "
                        + "\(stagingLeft) of \(Self.kills) kills left a staging folder; total \(milliseconds(clock.now - started)) ms\n  "
                        + outcomes.joined(separator: "\n  "))
            }
        }
    }
}
