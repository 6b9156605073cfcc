import Foundation
import Testing

@testable import DossierKit

@Suite("Progress line on a terminal")
struct ProgressLineTests {
    /// A clock the test moves, and what the line wrote.
    final class Terminal: @unchecked Sendable {
        private let lock = NSLock()
        private var instant = ContinuousClock.now
        private var written: [String] = []
        func advance(_ duration: Duration) { lock.withLock { instant = instant.advanced(by: duration) } }
        var now: ContinuousClock.Instant { lock.withLock { instant } }
        func write(_ text: String) { lock.withLock { written.append(text) } }
        func take() -> [String] {
            lock.withLock {
                defer { written = [] }
                return written
            }
        }
    }

    func line(_ terminal: Terminal) -> ProgressLine {
        ProgressLine(interval: .milliseconds(100), now: { terminal.now }, write: { terminal.write($0) })
    }

    @Test func eachStageRewritesTheLineAtOnce() {
        let terminal = Terminal()
        let line = line(terminal)
        line.stage("Loading content")
        line.stage("Linking 8501 pages")
        #expect(terminal.take() == ["\r\u{1B}[KLoading content…", "\r\u{1B}[KLinking 8501 pages…"])
    }

    @Test func pagesAreShownAtMostEveryIntervalAndTheLastAlways() {
        let terminal = Terminal()
        let line = line(terminal)
        line.pages(1, of: 10_162)
        line.pages(2, of: 10_162)
        terminal.advance(.milliseconds(99))
        line.pages(3, of: 10_162)
        terminal.advance(.milliseconds(1))
        line.pages(4_210, of: 10_162)
        line.pages(10_162, of: 10_162)
        #expect(
            terminal.take() == [
                "\r\u{1B}[KRendering 1 of 10,162 pages…", "\r\u{1B}[KRendering 4,210 of 10,162 pages…",
                "\r\u{1B}[KRendering 10,162 of 10,162 pages…",
            ])
    }

    @Test func otherWorkIsCountedInItsOwnWords() {
        let terminal = Terminal()
        let line = line(terminal)
        line.count(1, of: 1, doing: "Checking", one: "source address", many: "source addresses")
        terminal.advance(.milliseconds(100))
        line.count(3, of: 120, doing: "Checking", one: "source address", many: "source addresses")
        #expect(terminal.take() == ["\r\u{1B}[KChecking 1 of 1 source address…", "\r\u{1B}[KChecking 3 of 120 source addresses…"])
    }

    @Test func aLineWiderThanTheTerminalIsCutSoItDoesNotWrap() {
        let terminal = Terminal()
        let line = ProgressLine(now: { terminal.now }, columns: 20, write: { terminal.write($0) })
        line.stage("Reading what changed between editions")
        line.stage("Loading content")
        #expect(terminal.take() == ["\r\u{1B}[KReading what chang…", "\r\u{1B}[KLoading content…"])
    }

    @Test func clearingErasesTheLineOnceAndOnlyIfShown() {
        let terminal = Terminal()
        let line = line(terminal)
        line.clear()
        #expect(terminal.take().isEmpty)
        line.stage("Rendering")
        line.clear()
        line.clear()
        #expect(terminal.take() == ["\r\u{1B}[KRendering…", "\r\u{1B}[K"])
        // The next count after an erase shows at once, though within the interval.
        line.pages(1, of: 2)
        #expect(terminal.take() == ["\r\u{1B}[KRendering 1 of 2 pages…"])
    }
}
