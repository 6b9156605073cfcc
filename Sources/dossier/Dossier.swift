import ArgumentParser
import DossierKit
import Foundation

#if canImport(CJemalloc)
// Links jemalloc, which replaces glibc's malloc for the whole process (see Package.swift).
import CJemalloc
#endif

/// A build frees most of what one stage made (the Markdown trees, the link stage's
/// scans) while the next allocates its own: jemalloc keeps freed pages for ten seconds by
/// default. A 10,000-page build peaked at 430-446 MB with that, 414-421 MB with one
/// second and 402-403 MB with a quarter, no slower; with none it took 0.3-0.6 s longer,
/// in twice the system time. `serve`, which keeps its caches, is left as it is.
func returnFreedMemorySooner() {
    #if canImport(CJemalloc)
    var milliseconds = 250
    // The default for arenas made from now on, then each arena made so far (jemalloc
    // makes them as threads first allocate; setting one not made yet fails, harmlessly).
    _ = mallctl("arenas.dirty_decay_ms", nil, nil, &milliseconds, MemoryLayout<Int>.size)
    var arenas: UInt32 = 0
    var size = MemoryLayout<UInt32>.size
    guard mallctl("arenas.narenas", &arenas, &size, nil, 0) == 0 else { return }
    for arena in 0..<arenas {
        _ = mallctl("arena.\(arena).dirty_decay_ms", nil, nil, &milliseconds, MemoryLayout<Int>.size)
    }
    #endif
}

/// Keeps a build's report, which holds the whole site, alive until the process ends.
/// Freeing it object by object took ~170 ms at 10,000 pages, on one core, after the site
/// was written and its time printed; the process ending frees it all at once.
func keepUntilExit(_ value: any Sendable) {
    _ = Unmanaged.passRetained(KeptUntilExit(value: value))
}

private final class KeptUntilExit: Sendable {
    let value: any Sendable
    init(value: any Sendable) { self.value = value }
}

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build cross-linked briefing dossiers from Markdown.",
        subcommands: [Build.self, Serve.self, Check.self, New.self],
        defaultSubcommand: Build.self)
}

/// Options shared by the commands that run the pipeline.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The dossier's content folder (with site.yml).")
    var source: String = "Content"

    @Option(name: .long, help: "The templates folder.")
    var templates: String = "Templates"

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Option(name: .long, help: "Base URL for absolute links (canonical URLs, timeline.json, events.ics); overrides site.yml.")
    var baseURL: String?

    @Option(name: .long, help: "The date the dossier is current to (YYYY-MM-DD); overrides site.yml's as_of.")
    var asOf: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage as it runs.")
    var verbose = false

    /// Flags are checked here, before any work, so the pipeline takes only valid values.
    func validate() throws {
        if let baseURL, !SiteBuilder.isWebURL(baseURL) {
            throw ValidationError("--base-url must start with https:// or http://, not '\(baseURL)'")
        }
        if let asOf {
            do { _ = try DossierDate.singleDay(asOf) } catch { throw ValidationError("--as-of: \(error.message)") }
        }
    }

    func builderOptions(output: URL?) -> SiteBuilder.Options {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let content = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL
        // The project is the folder holding Content/, so paths print as Content/...
        let root = content.deletingLastPathComponent()
        var options = SiteBuilder.Options(
            projectRoot: root, contentFolder: content,
            templatesFolder: URL(fileURLWithPath: templates, relativeTo: cwd).standardizedFileURL, outputFolder: output)
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.asOf = asOf.flatMap { try? DossierDate.singleDay($0) }  // checked by validate()
        return options
    }
}

/// Prints diagnostics the way compilers do, so editors can jump to them.
enum Terminal {
    static func printDiagnostics(_ diagnostics: [Diagnostic], quiet: Bool) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func progress(verbose: Bool, line: ProgressLine?) -> @Sendable (String) -> Void {
        let start = Date()
        return { stage in
            line?.stage(stage)
            guard verbose else { return }
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            FileHandle.standardError.write(Data("[\(ms) ms] \(stage)…\n".utf8))
        }
    }

    /// The line showing what a build is doing, rewritten in place: on a terminal only,
    /// and neither with `--verbose`, whose stage lines it would break, nor `--quiet`.
    static func progressLine(_ site: SiteOptions) -> ProgressLine? {
        guard !site.verbose, !site.quiet, isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else {
            return nil
        }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return ProgressLine(columns: columns) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A builder whose stages and pages show on `line`, and, with `--verbose`, each stage
    /// on a line of its own.
    static func builder(_ options: SiteBuilder.Options, _ site: SiteOptions, line: ProgressLine?) -> SiteBuilder {
        SiteBuilder(
            options: options, progress: progress(verbose: site.verbose, line: line),
            pageProgress: line.map(RenderProgress.init(showingOn:)))
    }

    static func fail(_ failure: BuildFailure, quiet: Bool) -> ExitCode {
        printDiagnostics(failure.diagnostics, quiet: quiet)
        let errors = failure.diagnostics.filter { $0.severity == .error }.count
        FileHandle.standardError.write(
            Data("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); nothing was written\n".utf8))
        return ExitCode.failure
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the dossier into a static site.",
        discussion: """
            Reads Content/ and Templates/, and writes the site into the output folder only when \
            every page built: a failed build leaves the previous site exactly as it was.

            The site it replaces is kept beside it (.Public.staging for Public), for the next \
            build to write over rather than make every file anew; delete it to free the space.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .shortAndLong, help: "The output folder; replaced as a whole on success.")
    var output: String = "Public"

    @Flag(name: .long, help: "Write links that also work when the site is opened from disk (file://).")
    var portable = false

    @Flag(name: .long, help: "Also print the print edition to print/dossier.pdf with headless Chromium, when it is installed.")
    var pdf = false

    @Option(name: .long, help: "Paper of the PDF: a4 or letter.")
    var paper: PDFPrinter.Paper = .a4

    func run() async throws {
        returnFreedMemorySooner()
        let started = Date()
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        var options = site.builderOptions(output: outputURL)
        options.portable = portable
        var pdfNote: String?
        if pdf {
            if let chromium = PDFPrinter.findChromium() {
                options.pdf = PDFPrinter(chromium: chromium, paper: paper)
            } else {
                pdfNote =
                    "note: no PDF made: Chromium was not found (install chromium, or set DOSSIER_CHROMIUM to its path); the rest of the site was built"
            }
        }
        let line = Terminal.progressLine(site)
        let builder = Terminal.builder(options, site, line: line)
        do {
            let report = try await builder.build()
            line?.clear()
            keepUntilExit(report)
            Terminal.printDiagnostics(report.diagnostics, quiet: site.quiet)
            if !site.quiet {
                for note in report.notes + [pdfNote].compactMap({ $0 }) { FileHandle.standardError.write(Data((note + "\n").utf8)) }
                if let bytes = report.pdfBytes {
                    print("Printed \(output)/print/dossier.pdf (\(paper.title), \(bytes / 1024) KB) with \(options.pdf!.chromium)")
                }
                let ms = Int(Date().timeIntervalSince(started) * 1000)
                let warnings = report.warnings.count
                if site.verbose {
                    FileHandle.standardError.write(Data("The templates looked up \(report.templateLookups) names\n".utf8))
                    if !report.layoutCosts.isEmpty {
                        let table = LayoutCost.table(report.layoutCosts)
                        FileHandle.standardError.write(Data("Rendering by layout, summed over the threads:\n\(table)\n".utf8))
                    }
                }
                print(
                    "Built \(report.pageCount) pages in \(ms) ms -> \(output)/"
                        + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
            }
        } catch {
            line?.clear()
            throw Terminal.fail(error, quiet: site.quiet)
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole pipeline without writing anything and report every problem.")

    @OptionGroup var site: SiteOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Also ask the network whether each source's URL and archived copy still answer (one request per host per second).")
    var external = false

    @Option(help: "With --external: seconds to wait for each answer.")
    var timeout: Double = 10

    func validate() throws {
        guard timeout > 0 && timeout.isFinite else {
            throw ValidationError("--timeout must be a number of seconds above 0, not \(timeout)")
        }
    }

    func run() async throws {
        // Not under --format json, whose output a program reads.
        let line = format == .text ? Terminal.progressLine(site) : nil
        let builder = Terminal.builder(site.builderOptions(output: nil), site, line: line)
        var diagnostics: [Diagnostic] = []
        var summary: [String: Int] = [:]
        var externalSummary: String?
        var notes: [String] = []
        var coverage: [LanguageCoverage] = []
        do {
            let report = try await builder.build()
            line?.clear()
            coverage = report.coverage
            keepUntilExit(report)
            diagnostics = report.diagnostics
            notes = report.notes
            if let catalog = report.catalog, let linked = report.site, let timeline = report.timeline {
                summary = CheckSummary.figures(catalog, linked, timeline)
                if external {
                    let links = ExternalLink.of(catalog.sources)
                    // At one request per host per second, many sources take minutes.
                    var progress: (@Sendable (Int, Int) -> Void)?
                    if let line {
                        progress = { done, total in
                            line.count(done, of: total, doing: "Checking", one: "source address", many: "source addresses")
                        }
                    }
                    let report = await ExternalLinkChecker(timeout: timeout).check(links, progress: progress)
                    line?.clear()
                    diagnostics += report.diagnostics
                    externalSummary = report.summary
                }
            }
        } catch {
            line?.clear()
            diagnostics = error.diagnostics
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .json:
            print(CheckSummary.json(diagnostics: diagnostics, figures: summary))
        case .text:
            Terminal.printDiagnostics(diagnostics, quiet: site.quiet)
            // After the diagnostics, as `build` prints them, so the two commands say the same.
            for note in notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            if let externalSummary { print(externalSummary) }
            if !site.quiet, !coverage.isEmpty { print("Translations: " + coverage.map(\.line).joined(separator: "; ")) }
            if !site.quiet {
                let figures = summary.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print(errors == 0 ? "No errors. \(figures)" : "\(errors) error\(errors == 1 ? "" : "s").")
            }
        }
        if errors > 0 { throw ExitCode.failure }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a content file with the right front matter in the right folder, or a page's translation.",
        usage: """
            dossier new <type> <title> [--kind <kind>] [--source <source>]
            dossier new --translation <language> <original> [--source <source>]
            """,
        discussion: """
            Refuses to overwrite an existing file. Dates are the dossier's as_of (site.yml), \
            not the clock's; an event's file name starts with its date. Fields to fill in are \
            left empty, and the build warns about them until they are. \
            Example: dossier new entity "Assimi Goïta" --kind person

            With --translation, writes the page's translation beside it (mali.md -> mali.fr.md): \
            a copy of the original's text (title, summary, aliases, key points, date note, note, \
            body) to translate in place, and translation_of, the hash of the original as it is \
            now. It builds as it is; the build warns while the summary or body is still the \
            original's, and, once the original changes, that the translation is stale. \
            Example: dossier new --translation fr Content/entities/countries/mali.md
            """)

    @Argument(
        help: ArgumentHelp("What to create: briefing, entity, event or source; with --translation, the original's file.", valueName: "type")
    )
    var what: String

    @Argument(help: "The title; the file name is made from it (not with --translation).")
    var title: String?

    @Option(
        name: [.customLong("kind"), .customLong("entity-kind")],
        help: "For entities (required; asked for at a terminal): country, person, organization, treaty, court or armed-group.")
    var entityKind: EntityKind?

    @Option(name: .long, help: ArgumentHelp("Translate the page <type> names into this language of site.yml (fr).", valueName: "language"))
    var translation: String?

    @Option(name: .long, help: "The dossier's content folder.")
    var source: String = "Content"

    var kind: NewDocument.Kind? { NewDocument.Kind(rawValue: what) }

    func validate() throws {
        if let translation {
            if let title {
                throw ValidationError("--translation \(translation) takes the original's file and nothing else, not also '\(title)'")
            }
            if entityKind != nil { throw ValidationError("--kind is for new entities; a translation takes its kind from the original") }
            return
        }
        guard let kind else {
            throw ValidationError(
                "'\(what)' is not a type of page: give one of \(NewDocument.Kind.allCases.map(\.rawValue).joined(separator: ", ")), or --translation <language> <file>"
            )
        }
        guard title != nil else { throw ValidationError("a new \(kind.rawValue) needs its title: dossier new \(kind.rawValue) \"Title\"") }
        if kind != .entity, let entityKind {
            throw ValidationError("--kind \(entityKind.rawValue) is for entities; a \(kind.rawValue) has no kind to choose")
        }
        if kind == .entity && entityKind == nil && isatty(STDIN_FILENO) == 0 {
            throw ValidationError(
                "an entity needs its kind: add --kind with one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let content = URL(fileURLWithPath: source)
        if let translation { return try writeTranslation(language: translation, content: content) }
        guard let kind, let title else { throw ExitCode.failure }  // validate() said why
        let date = NewDocument.date(contentFolder: content) ?? Self.clockDate()
        var entityKind = self.entityKind
        if kind == .entity && entityKind == nil { entityKind = try Self.askForEntityKind() }
        let (path, text) = NewDocument.make(kind, title: title, entityKind: entityKind ?? .country, date: date)
        let url = content.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("error: \(source)/\(path) already exists; not overwriting it\n".utf8))
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print("Created \(source)/\(path)")
    }

    private func writeTranslation(language: String, content: URL) throws {
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do throws(Diagnostic) {
            let (path, text) = try NewTranslation.make(
                original: what, language: language, contentFolder: content, displayRoot: source, workingFolder: working)
            do { try Data(text.utf8).write(to: content.appendingPathComponent(path), options: .withoutOverwriting) } catch {
                throw .error("cannot write \(source)/\(path): \(error.localizedDescription)", at: SourceLocation(file: "\(source)/\(path)"))
            }
            print("Created \(source)/\(path): translate its text in place")
        } catch {
            Terminal.printDiagnostics([error], quiet: false)
            throw ExitCode.failure
        }
    }

    /// Only when site.yml has no `as_of`.
    private static func clockDate() -> DossierDate {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return DossierDate(start: CalendarPoint(year: parts.year!, month: parts.month!, day: parts.day!))
    }

    private static func askForEntityKind() throws -> EntityKind {
        let kinds = EntityKind.allCases.map(\.rawValue)
        while true {
            print("Kind of entity (\(kinds.joined(separator: ", "))): ", terminator: "")
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { throw ExitCode.failure }
            if let kind = EntityKind(rawValue: answer.lowercased()) { return kind }
            print("'\(answer)' is not a kind of entity.")
        }
    }
}

extension NewDocument.Kind: ExpressibleByArgument {}
extension EntityKind: ExpressibleByArgument {}
extension PDFPrinter.Paper: ExpressibleByArgument {}
