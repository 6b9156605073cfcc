import Foundation
import Testing

@testable import DossierKit

/// `OutputFolder.checkSafe` on its own, for the places no test should try to build into.
@Suite("OutputFolder safety checks")
struct OutputFolderTests {
    private func refuses(_ output: URL, root: URL, protected: [URL] = []) -> Diagnostic? {
        #expect(throws: Diagnostic.self) { try OutputFolder(output).checkSafe(projectRoot: root, protected: protected) }
    }

    @Test func refusesTheFileSystemRoot() throws {
        try withTempFolder { root in
            let error = refuses(URL(fileURLWithPath: "/"), root: root)
            #expect(error?.message.contains("file system root") == true)
        }
    }

    @Test func refusesTheHomeFolder() throws {
        try withTempFolder { root in
            #expect(refuses(FileManager.default.homeDirectoryForCurrentUser, root: root) != nil)
        }
    }

    @Test func refusesAFolderHoldingTheProject() throws {
        try withTempFolder { root in
            let project = root.appendingPathComponent("project")
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            let error = refuses(root, root: project)
            #expect(error?.message.contains("contains the project folder") == true)
        }
    }

    @Test func refusesFoldersOverlappingProtectedOnes() throws {
        try withTempFolder { root in
            let content = root.appendingPathComponent("Content")
            let templates = root.appendingPathComponent("Templates")
            for url in [content, templates] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
            for output in [content, templates, content.appendingPathComponent("Public"), templates.appendingPathComponent("assets")] {
                let error = refuses(output, root: root, protected: [content, templates])
                #expect(error?.message.contains("overlaps") == true, "\(output.path)")
            }
        }
    }

    @Test func refusesASymlinkToTheContentFolder() throws {
        try withTempFolder { root in
            let content = root.appendingPathComponent("Content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            let link = root.appendingPathComponent("Public")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
            #expect(refuses(link, root: root, protected: [content]) != nil)
        }
    }

    @Test func acceptsNewEmptyAndMarkedFolders() throws {
        try withTempFolder { root in
            let fresh = root.appendingPathComponent("Public")
            try OutputFolder(fresh).checkSafe(projectRoot: root, protected: [])
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
            try OutputFolder(fresh).checkSafe(projectRoot: root, protected: [])
            try Data("x".utf8).write(to: fresh.appendingPathComponent("index.html"))
            #expect(refuses(fresh, root: root)?.message.contains("did not write") == true)
            try Data().write(to: fresh.appendingPathComponent(OutputFolder.marker))
            try OutputFolder(fresh).checkSafe(projectRoot: root, protected: [])
        }
    }

    @Test func stagingIsASiblingAndCommitSwapsIt() throws {
        try withTempFolder { root in
            let output = OutputFolder(root.appendingPathComponent("Public"))
            #expect(output.staging.deletingLastPathComponent().standardizedFileURL.path == root.standardizedFileURL.path)
            try output.prepareStaging()
            try output.write("a/b.html", Data("first".utf8))
            try output.commit()
            #expect(
                try snapshot(output.url) == [
                    "a/b.html": Data("first".utf8),
                    OutputFolder.marker: try Data(contentsOf: output.url.appendingPathComponent(OutputFolder.marker)),
                ])
            try output.prepareStaging()
            try output.write("c.html", Data("second".utf8))
            try output.commit()
            #expect(Set(try snapshot(output.url).keys) == ["c.html", OutputFolder.marker])
            // The first site stays in staging, for the next build to write over, ignored by git.
            #expect(Set(try snapshot(output.staging).keys) == ["a/b.html", OutputFolder.marker, ".gitignore"])
            #expect(try String(contentsOf: output.staging.appendingPathComponent(".gitignore"), encoding: .utf8) == "*\n")
        }
    }
}
