/// The script the preview adds to every page: it listens for build events, reloads
/// after a good rebuild, and shows a failed build's diagnostics over the last good page.
enum LiveReloadScript {
    static let source = #"""
        (function () {
          "use strict";
          var overlay = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(errors) {
            hide();
            if (!errors || errors.length === 0) return;
            overlay = document.createElement("div");
            overlay.id = "dossier-error-overlay";
            overlay.setAttribute("role", "alertdialog");
            overlay.setAttribute("aria-label", "The last rebuild failed");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(16,16,16,.97);" +
              "color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;padding:2rem;";
            var title = document.createElement("h2");
            title.textContent = "The rebuild failed: " + errors.length + (errors.length === 1 ? " error" : " errors");
            title.style.cssText = "font:600 1.2rem system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem;";
            overlay.appendChild(title);
            errors.forEach(function (error) {
              var item = document.createElement("pre");
              item.className = "dossier-diagnostic";
              // Its own colours: the page's stylesheet styles <pre> for light backgrounds.
              item.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:.75rem 1rem;border-radius:4px;" +
                "background:#2b2b2b;color:#f5f5f5;border-left:4px solid #ff8a80;font:14px/1.5 ui-monospace,Menlo,monospace;";
              item.textContent = error.text;
              overlay.appendChild(item);
            });
            var note = document.createElement("p");
            note.textContent = "Showing the last good build underneath. Fix the file and save: this page reloads by itself.";
            note.style.cssText = "font:14px system-ui,sans-serif;color:#bbb;";
            overlay.appendChild(note);
            document.body.appendChild(overlay);
          }
          fetch("/_dossier/status", { cache: "no-store" })
            .then(function (response) { return response.json(); })
            .then(function (status) { show(status.errors); })
            .catch(function () {});
          var events = new EventSource("/_dossier/events");
          // A reload that names its pages (an edit of bodies) reloads only those: the
          // others are as they were, and are only cleared of a fixed build's errors. One
          // that names pages `except` (reloaded earlier, as soon as they were written)
          // reloads all the others.
          events.addEventListener("reload", function (event) {
            var pages = null, except = [];
            try {
              var data = JSON.parse(event.data);
              pages = data.pages || null;
              except = data.except || [];
            } catch (e) {}
            var here = location.pathname.replace(/index\.html$/, "");
            try { here = decodeURI(here); } catch (e) {}
            if (except.indexOf(here) < 0 && (!pages || pages.indexOf(here) >= 0)) { location.reload(); } else { hide(); }
          });
          events.addEventListener("failed", function (event) { show(JSON.parse(event.data)); });
          window.addEventListener("pagehide", function () { events.close(); });
        })();
        """#
}
