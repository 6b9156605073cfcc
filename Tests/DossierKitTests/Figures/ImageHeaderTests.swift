import Foundation
import Testing

@testable import DossierKit

/// Width and height from the first bytes of each format, checked against files that
/// ImageMagick wrote (`identify` gives the sizes below), every truncation of them, and
/// bytes of another format.
@Suite("Image headers")
struct ImageHeaderTests {
    static let files: [(name: String, format: ImageFormat, width: Int, height: Int)] = [
        ("map.png", .png, 30, 20), ("photo.jpg", .jpeg, 31, 21), ("anim.gif", .gif, 32, 22),
        ("lossy.webp", .webp, 33, 23), ("lossless.webp", .webp, 34, 24), ("alpha.webp", .webp, 35, 25),
        ("chart.svg", .svg, 120, 80),
    ]

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("images").appendingPathComponent(name))
    }

    @Test(arguments: files.map(\.name))
    func readsTheSizeOfARealFile(_ name: String) throws {
        let file = try #require(Self.files.first { $0.name == name })
        #expect(ImageFormat(fileName: name) == file.format)
        let size = try ImageHeader.size(of: try Self.data(name), format: file.format)
        #expect(size == ImageSize(width: file.width, height: file.height))
    }

    /// Bytes a header needs: PNG's IHDR, GIF's screen descriptor, WebP's first chunk.
    static let headerLength: [ImageFormat: Int] = [.png: 24, .gif: 10, .webp: 30]

    /// Every prefix of a file is either an error or the file's true size, and once a
    /// prefix holds the header every longer one does: a cut file never gets a wrong size.
    @Test(arguments: files.map(\.name))
    func truncatedFilesAreErrorsNeverWrongSizes(_ name: String) throws {
        let file = try #require(Self.files.first { $0.name == name })
        let data = try Self.data(name)
        var firstWhole: Int?
        for length in 0...data.count {
            do {
                let size = try ImageHeader.size(of: data.prefix(length), format: file.format)
                #expect(size == ImageSize(width: file.width, height: file.height), "\(name) cut at \(length)")
                if firstWhole == nil { firstWhole = length }
            } catch {
                #expect(firstWhole == nil, "\(name) cut at \(length) failed after \(firstWhole ?? 0) bytes were enough")
            }
        }
        let needed = try #require(firstWhole)
        if let expected = Self.headerLength[file.format] { #expect(needed == expected) }
        #expect(needed > 1)
        // Cut inside the header, the error says so rather than calling it another format.
        #expect(throws: ImageHeaderError.truncated(file.format)) {
            _ = try ImageHeader.size(of: data.prefix(needed - 1), format: file.format)
        }
    }

    @Test func aFileOfAnotherFormatIsNotAnImageOfThisOne() throws {
        let png = try Self.data("map.png")
        for format in [ImageFormat.jpeg, .gif, .webp, .svg] {
            #expect(throws: ImageHeaderError.notThisFormat(format)) { _ = try ImageHeader.size(of: png, format: format) }
        }
        let text = Data("Just some text, saved as map.png by mistake.\n".utf8)
        #expect(throws: ImageHeaderError.notThisFormat(.png)) { _ = try ImageHeader.size(of: text, format: .png) }
        #expect(throws: ImageHeaderError.self) { _ = try ImageHeader.size(of: Data(), format: .png) }
    }

    @Test func svgSizeComesFromWidthAndHeightOrTheViewBox() throws {
        func size(_ tag: String) throws -> ImageSize {
            try ImageHeader.size(of: Data("<?xml version=\"1.0\"?>\n\(tag)<rect/></svg>".utf8), format: .svg)
        }
        #expect(try size("<svg width=\"640\" height=\"360\">") == ImageSize(width: 640, height: 360))
        #expect(try size("<svg xmlns=\"http://www.w3.org/2000/svg\" width='50.4px' height='20px'>") == ImageSize(width: 50, height: 20))
        #expect(try size("<svg viewBox=\"0 0 800 450\" width=\"100%\">") == ImageSize(width: 800, height: 450))
        #expect(try size("<svg\nviewBox=\"0,0,12,8\">") == ImageSize(width: 12, height: 8))
        #expect(throws: ImageHeaderError.noSize(.svg)) { _ = try size("<svg width=\"100%\">") }
        #expect(throws: ImageHeaderError.truncated(.svg)) { _ = try ImageHeader.size(of: Data("<svg width=\"4".utf8), format: .svg) }
    }

    @Test func aJPEGWithoutAFrameBeforeItsScanHasNoSize() {
        // SOI, then start of scan at once.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0x00]
        #expect(throws: ImageHeaderError.noSize(.jpeg)) { _ = try ImageHeader.size(of: Data(bytes), format: .jpeg) }
    }

    @Test func zeroSizedImagesHaveNoSize() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array("IHDR".utf8) + [0, 0, 0, 0, 0, 0, 0, 5]
        #expect(throws: ImageHeaderError.noSize(.png)) { _ = try ImageHeader.size(of: Data(png), format: .png) }
    }

    /// Random bytes after each signature, and random bytes alone: a size in range or an
    /// error, never a crash (JPEG's segment walk and WebP's chunk reads index into them).
    @Test func randomBytesNeverCrashTheReaders() {
        var generator = SplitMix64(seed: 25)
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8], Array("GIF89a".utf8), Array("RIFF\0\0\0\0WEBP".utf8),
            Array("<svg ".utf8), [],
        ]
        for _ in 0..<300 {
            for signature in signatures {
                let noise = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                for format in ImageFormat.allCases {
                    if let size = try? ImageHeader.size(of: Data(signature + noise), format: format) {
                        #expect((1...1_000_000).contains(size.width) && (1...1_000_000).contains(size.height))
                    }
                }
            }
        }
    }

    @Test func extensionsNameTheFormat() {
        #expect(ImageFormat(fileName: "A.JPEG") == .jpeg)
        #expect(ImageFormat(fileName: "x.jpg") == .jpeg)
        #expect(ImageFormat(fileName: "notes.txt") == nil)
        #expect(ImageFormat(fileName: "png") == nil)
    }
}
