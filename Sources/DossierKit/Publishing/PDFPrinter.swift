import Foundation

/// Prints the print edition to a PDF with headless Chromium, when it is installed.
public struct PDFPrinter: Sendable {
    public enum Paper: String, Sendable, CaseIterable {
        case a4, letter

        /// The CSS `@page` size.
        var css: String { self == .a4 ? "A4" : "letter" }
        public var title: String { self == .a4 ? "A4" : "US Letter" }
    }

    /// The Chromium (or Chrome) executable.
    public var chromium: String
    public var paper: Paper
    /// Longer than a print of this dossier takes on a busy machine (about 3 s).
    public var timeout: TimeInterval = 120

    public init(chromium: String, paper: Paper) {
        self.chromium = chromium
        self.paper = paper
    }

    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"]

    /// `DOSSIER_CHROMIUM` if set, else the first of the usual names on `PATH`.
    public static func findChromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["DOSSIER_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    /// The edition's HTML with the paper size set (the stylesheet leaves it to the printer,
    /// so a reader printing from a browser gets the paper in the printer) and the title the
    /// PDF takes as its document title.
    static func withPaper(_ html: String, _ paper: Paper, title: String) -> String {
        var text = html
        if let start = text.range(of: "<title>"), let end = text.range(of: "</title>", range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: HTML.escape(title))
        }
        guard let head = text.range(of: "</head>") else { return text }
        return text.replacingCharacters(in: head, with: "<style>@page { size: \(paper.css); }</style>\n</head>")
    }

    /// Prints `print/index.html` of a written site (the staging folder, before the swap)
    /// and returns the PDF. The page is printed from a copy beside it, so its stylesheet
    /// and images load as they do for the page; the copy is removed.
    func print(siteFolder: URL, title: String, page file: String = "index.html") throws -> Data {
        let fm = FileManager.default
        let page = siteFolder.appendingPathComponent(PrintEdition.path + file)
        let html = try String(contentsOf: page, encoding: .utf8)
        let copy = siteFolder.appendingPathComponent(PrintEdition.path + ".dossier-pdf-\(paper.rawValue).html")
        let scratch = fm.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer {
            try? fm.removeItem(at: copy)
            try? fm.removeItem(at: scratch)
        }
        try Data(Self.withPaper(html, paper, title: title).utf8).write(to: copy)
        let pdf = scratch.appendingPathComponent("edition.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            // A profile of its own: a running browser's would be locked.
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--print-to-pdf=\(pdf.path)", copy.absoluteURL.absoluteString,
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let finished = DispatchSemaphore(value: 0)
        let errorText = LockedData()
        Thread.detachNewThread {
            errorText.set(errors.fileHandleForReading.readDataToEndOfFile())
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            throw PDFError("Chromium did not finish printing within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = fm.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else {
            let lastLines = String(decoding: errorText.get(), as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            throw PDFError(
                "Chromium exited with status \(process.terminationStatus) and no PDF" + (lastLines.isEmpty ? "" : ": \(lastLines)"))
        }
        return data
    }
}

extension PDFPrinter {
    /// Sets the dates Chromium stamps (`/CreationDate`, `/ModDate`: the clock) to the day
    /// the dossier is current to, in place and at the same length, so the file's offsets
    /// stay right and two prints of one dossier by one Chromium are the same bytes.
    static func stampDates(_ pdf: Data, day: DossierDate) -> Data {
        let (y, m, d) = CivilCalendar.components(ofOrdinal: day.firstDay)
        let stamp = Array("\(pad4(y))\(pad2(m))\(pad2(d))000000+00'00'".utf8)
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: bytes, from: index) {
                let start = found + pattern.count
                let end = start + stamp.count
                // Only the full form Chromium writes: 14 digits and a zone such as +00'00'.
                if end < bytes.count, bytes[start..<(start + 14)].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[end] == UInt8(ascii: ")") {
                    bytes.replaceSubrange(start..<end, with: stamp)
                }
                index = start
            }
        }
        return Data(bytes)
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

struct PDFError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Bytes handed from a reading thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
