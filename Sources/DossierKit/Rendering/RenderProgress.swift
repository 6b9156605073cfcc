import Foundation

/// How many of the pages planned so far are rendered, for a build's progress line: each
/// render adds its pages to the plan before rendering them (the site's, then each other
/// language's), and each page counts when it is written. Pages render in parallel: the
/// count is reported under the lock that keeps it, so reports come in order and the last
/// one is the last page (`report` must be quick, and must not call back).
public final class RenderProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var planned = 0
    private var rendered = 0
    private let report: @Sendable (_ rendered: Int, _ planned: Int) -> Void

    public init(report: @escaping @Sendable (_ rendered: Int, _ planned: Int) -> Void) {
        self.report = report
    }

    /// Counts shown on `line` ("Rendering 4,210 of 10,162 pages…").
    public convenience init(showingOn line: ProgressLine) {
        self.init { rendered, planned in line.pages(rendered, of: planned) }
    }

    func plan(_ pages: Int) {
        lock.withLock {
            planned += pages
            report(rendered, planned)
        }
    }

    func pageRendered() {
        lock.withLock {
            rendered += 1
            report(rendered, planned)
        }
    }
}
