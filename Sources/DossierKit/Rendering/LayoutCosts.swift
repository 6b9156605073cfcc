import Dispatch
import Foundation

/// What rendering each layout cost a build: its pages, the time spent making their
/// values (`PageViews`), rendering the template and writing the file, summed over the
/// threads that rendered them, and the names the template looked up. `dossier build -v`
/// prints it: a template author sees what a layout costs, and where a page's time goes,
/// without a profiler (whose view of the templates' share was off by half, since
/// cmark-gfm and the Swift runtime lose their callers in its samples).
public struct LayoutCost: Sendable, Equatable {
    public var layout: String
    public var pages = 0
    public var values: Duration = .zero
    public var template: Duration = .zero
    public var writing: Duration = .zero
    /// Each context searched counts, found or not: a cost that does not drift with the
    /// machine's load as times do.
    public var lookups = 0

    public var total: Duration { values + template + writing }

    /// The costs as `dossier build -v` prints them: a line per layout, seconds to the
    /// hundredth, and a line of totals.
    public static func table(_ costs: [LayoutCost]) -> String {
        func seconds(_ duration: Duration) -> String {
            let (whole, attoseconds) = duration.components
            let hundredths = (Int(whole) * 100) + Int((Double(attoseconds) / 1e16).rounded())
            return "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2, with: "0")) s"
        }
        let rows = costs.map { [$0.layout, grouped($0.pages), seconds($0.values), seconds($0.template), seconds($0.writing)] }
        let sum = costs.reduce(LayoutCost(layout: "all")) { total, cost in
            var total = total
            total.pages += cost.pages
            total.values += cost.values
            total.template += cost.template
            total.writing += cost.writing
            total.lookups += cost.lookups
            return total
        }
        let header = ["layout", "pages", "values", "template", "writing"]
        let all = [header] + rows + [[sum.layout, grouped(sum.pages), seconds(sum.values), seconds(sum.template), seconds(sum.writing)]]
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == 0 ? row[column].rightPadded(to: widths[column]) : row[column].leftPadded(to: widths[column], with: " ")
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int, with pad: Character) -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}

/// Costs that pages rendered in parallel add to, one lock per page.
final class LayoutCostTally: @unchecked Sendable {
    private let lock = NSLock()
    private var costs: [String: LayoutCost] = [:]

    func add(_ layout: String, values: Duration, template: Duration, writing: Duration, lookups: Int) {
        lock.lock()
        defer { lock.unlock() }
        var cost = costs[layout] ?? LayoutCost(layout: layout)
        cost.pages += 1
        cost.values += values
        cost.template += template
        cost.writing += writing
        cost.lookups += lookups
        costs[layout] = cost
    }

    /// The costliest layout first.
    var summary: [LayoutCost] {
        lock.lock()
        defer { lock.unlock() }
        return costs.values.sorted { ($0.total, $1.layout) > ($1.total, $0.layout) }
    }
}

/// A stopwatch on the monotonic clock, read in laps.
struct Laps {
    private var last = DispatchTime.now().uptimeNanoseconds

    /// The time since the previous lap (or the start).
    mutating func lap() -> Duration {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return .nanoseconds(Int64(now - last))
    }
}
