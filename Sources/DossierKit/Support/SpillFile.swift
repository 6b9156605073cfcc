import Foundation

/// A scratch file for text a build makes early and reads once, late: the HTML of every
/// body rendered while linking (`PreparedMarkdown`), which a full build otherwise holds
/// through the whole render (85 MB of its 205 MB live at 10,000 pages). Written, it sits in
/// the system's file cache, which the system may write out or drop under pressure, rather
/// than in the build's own memory, as `sort` does with what does not fit.
///
/// The file is made in the temporary folder (`TMPDIR`) and removed at once: only this
/// object's descriptor keeps it, so it leaves nothing behind, whatever way the build ends.
final class SpillFile: @unchecked Sendable {
    /// Where a text went: read back with `read`.
    struct Extent: Sendable {
        let offset: Int
        let count: Int
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0

    /// nil when no scratch file can be made there: the caller keeps its text in memory.
    init?(in folder: URL = FileManager.default.temporaryDirectory) {
        var template = Array(folder.appendingPathComponent("dossier-spill-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { path -> Int32 in
            let descriptor = mkstemp(path.baseAddress!)
            if descriptor >= 0 { unlink(path.baseAddress!) }
            return descriptor
        }
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The bytes written so far.
    var storedBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return end
    }

    /// Writes `text` at the end of the file; nil if it could not be written whole (a full
    /// disk), and the caller keeps the text itself.
    func store(_ text: String) -> Extent? {
        var text = text
        guard !text.isEmpty else { return Extent(offset: 0, count: 0) }
        return text.withUTF8 { bytes -> Extent? in
            lock.lock()
            let offset = end
            end += bytes.count
            lock.unlock()
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                written += result
            }
            return Extent(offset: offset, count: bytes.count)
        }
    }

    /// The text stored at `extent`. It was written by this process a moment ago, so
    /// failing to read it back is a fault of the system (an I/O error), not of the input:
    /// the build stops there, before its staging folder replaces the site.
    func read(_ extent: Extent) -> String {
        guard extent.count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: extent.count) { buffer in
            var done = 0
            while done < extent.count {
                let result = pread(descriptor, buffer.baseAddress! + done, extent.count - done, off_t(extent.offset + done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    fatalError("cannot read back the scratch file of rendered Markdown: \(String(cString: strerror(errno)))")
                }
                done += result
            }
            return done
        }
    }
}
