import Foundation

/// How many of the pages planned so far are rendered, for a build's progress line: each
/// render adds its pages to the plan before rendering them (the site's, then each other
/// language's), and each page counts when it is written. Pages render in parallel, so
/// the count is kept under a lock and reported from whichever thread finished a page.
public final class RenderProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var planned = 0
    private var rendered = 0
    private let report: @Sendable (_ rendered: Int, _ planned: Int) -> Void

    public init(report: @escaping @Sendable (_ rendered: Int, _ planned: Int) -> Void) {
        self.report = report
    }

    func plan(_ pages: Int) {
        lock.lock()
        planned += pages
        let counts = (rendered, planned)
        lock.unlock()
        report(counts.0, counts.1)
    }

    func pageRendered() {
        lock.lock()
        rendered += 1
        let counts = (rendered, planned)
        lock.unlock()
        report(counts.0, counts.1)
    }
}
