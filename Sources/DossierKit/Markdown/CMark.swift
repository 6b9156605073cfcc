import CCmarkGFM
import Foundation

/// Process-wide cmark-gfm set-up. The extension registry and the inline parser's
/// special-character tables are unguarded globals in cmark-gfm, so registration runs
/// once and `cmark_parser_finish` runs under one lock (rendering needs no lock).
enum CMark {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    /// Raw HTML written by authors is neutralised on the tree before rendering unless the
    /// site opts in; what is left as HTML nodes is ours, so the renderer may pass it.
    static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG

    private static let setUp: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// The extensions, found once; the list is read-only afterwards and shared by renders.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        _ = setUp
        return extensionNames.map { name in
            guard let found = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm lacks the '\(name)' extension; is libcmark-gfm-extensions installed?")
            }
            return found
        }
    }()

    nonisolated(unsafe) static let extensionList: UnsafeMutablePointer<cmark_llist>? = {
        var list: UnsafeMutablePointer<cmark_llist>?
        for item in extensions {
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(item))
        }
        return list
    }()

    /// Each parse adds its extensions' special characters (`~`, and `:` and `w` for
    /// autolinks) to a global table when it reaches its inlines and removes them when it
    /// ends, so one parse could lose them in the middle of another's (github/cmark-gfm#176,
    /// not merged). Emptying the extensions' lists after adding the characters once is no
    /// way out: the emphasis pass finds the strikethrough extension for `~` through that
    /// list, and without it a parse of `~~` never ends (tried: `ParallelRenderTests` hung).
    private static let finishLock = NSLock()

    /// Parses `text` into a tree owned by the caller (a `MarkdownDocument`).
    static func parse(_ text: String) -> OpaquePointer {
        _ = extensionList
        let parser = cmark_parser_new(parseOptions)!
        defer { cmark_parser_free(parser) }
        for item in extensions { cmark_parser_attach_syntax_extension(parser, item) }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        finishLock.lock()
        defer { finishLock.unlock() }
        return cmark_parser_finish(parser)
    }

    static func renderHTML(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, renderOptions, extensionList) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
