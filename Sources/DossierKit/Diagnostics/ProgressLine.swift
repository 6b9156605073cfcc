import Foundation

/// The one line `build`, `check` and `serve` show on a terminal while they work: the
/// stage ("Linking 8501 pages…"), then the pages rendered ("Rendering 4,210 of 10,162
/// pages…") or the addresses checked, rewritten in place at most every `interval`, and
/// erased before the command's own output (diagnostics, "Built …"): a build of 10,000
/// pages takes seconds, and said nothing until it ended. The caller shows it on a
/// terminal only; in a log or a pipe, `-v` prints each stage on a line of its own.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let write: @Sendable (String) -> Void
    private let columns: Int?
    private var lastDrawn: ContinuousClock.Instant?
    private var visible = false

    /// `write` gets what goes to the terminal, escape sequences included. `columns`, the
    /// terminal's width if known: a longer line would wrap, and erasing would leave its
    /// first part behind, so it is cut.
    public init(
        interval: Duration = .milliseconds(100), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        columns: Int? = nil, write: @escaping @Sendable (String) -> Void
    ) {
        self.interval = interval
        self.now = now
        self.columns = columns
        self.write = write
    }

    /// A stage starts: shown at once.
    public func stage(_ name: String) {
        lock.withLock { draw("\(name)…") }
    }

    /// Pages rendered of those planned so far ("Rendering 4,210 of 10,162 pages…").
    public func pages(_ rendered: Int, of planned: Int) {
        count(rendered, of: planned, doing: "Rendering", one: "page", many: "pages")
    }

    /// `done` of `total` things done: shown if the line was not redrawn within `interval`,
    /// and when the last is done.
    public func count(_ done: Int, of total: Int, doing verb: String, one: String, many: String) {
        lock.withLock {
            if done < total, let lastDrawn, lastDrawn.duration(to: now()) < interval { return }
            draw("\(verb) \(grouped(done)) of \(grouped(total)) \(total == 1 ? one : many)…")
        }
    }

    /// Erases the line, so that what the command prints next starts on a clean line.
    public func clear() {
        lock.withLock {
            guard visible else { return }
            write("\r\u{1B}[K")
            visible = false
            lastDrawn = nil  // what comes next shows at once
        }
    }

    /// The line's new text over the old: back to its start, the old text erased.
    private func draw(_ text: String) {
        var text = text
        if let columns, columns > 1, text.count >= columns { text = String(text.prefix(columns - 2)) + "…" }
        write("\r\u{1B}[K" + text)
        visible = true
        lastDrawn = now()
    }
}
