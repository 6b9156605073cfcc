"""Runs the checks: serves the builds, then each check on the builds it applies to."""

from __future__ import annotations

from pathlib import Path

from .a11y import check_static_a11y, check_structure, find_briefing
from .browser import BROWSER_PAGES, run_browser
from .builds import Server, Site, free_port
from .figures import check_figures
from .focus_contrast import css_has_dark
from .graph_pages import check_graph_pages
from .languages import check_languages, check_languages_browser
from .links import LinkChecker
from .page_sizes import check_page_sizes
from .print_updates import check_new_since, check_print_pdf, check_updates
from .publish import check_publish
from .results import Report
from .timeline import check_timeline
from .sources import check_anchor_forwarding, check_source_anchors
from .validate import check_validator


# --------------------------------------------------------------------------- main

def run_checks(args, sites: dict[str, Site], report: Report) -> None:
    only = set(args.only.split(",")) if args.only else None
    want = lambda name: only is None or name in only  # noqa: E731
    servers = []
    try:
        for site in sites.values():
            if site.name == "portable":
                continue
            port = site.port or free_port()
            servers.append(Server(site.serve_root, port))
            site.origin = f"http://127.0.0.1:{port}"
        if want("validate"):
            with report.check("validate") as c:
                check_validator(list(sites.values()), c)
        if want("links"):
            for site in sites.values():
                with report.check(f"links/{site.name}") as c:
                    LinkChecker(site, c).run()
        if want("publish"):
            for site in sites.values():
                with report.check(f"publish/{site.name}") as c:
                    check_publish(site, c)
        if want("sources"):
            with report.check("sources") as c:
                for site in sites.values():
                    check_source_anchors(site, c)
                if want("browser"):
                    check_anchor_forwarding(list(sites.values()), c)
        if want("sizes"):  # issue #24: no page over a megabyte
            with report.check("sizes") as c:
                check_page_sizes(next(iter(sites.values())), c)
        first = next(iter(sites.values()))
        briefing = find_briefing(first)
        if want("structure"):
            with report.check("structure") as c:
                check_structure(first, c, briefing)
        if want("a11y"):
            with report.check("a11y") as c:
                check_static_a11y(first, c)
        if want("languages"):  # issue #23: every language's pages, hreflang, switcher, French search
            with report.check("languages") as c:
                check_languages(first, c)
            if want("browser"):
                for site in [s for s in sites.values() if s is first or s.portable]:
                    with report.check(f"languages-browser/{site.name}") as c:
                        check_languages_browser(site, c)
        if want("timeline"):
            with report.check("timeline") as c:
                check_timeline(first, c)
        if want("graph"):
            with report.check("graph-pages") as c:
                pages = set(args.browser_pages.split(",")) if args.browser_pages else None
                check_graph_pages(first, c, Path(args.results), pages)
            if "portable" in sites:  # the script from file://, as an offline copy runs it
                with report.check("graph-pages/portable") as c:
                    check_graph_pages(sites["portable"], c, Path(args.results), {"graph"})
        if want("figures"):
            for site in sites.values():
                with report.check(f"figures/{site.name}") as c:
                    check_figures(site, c, Path(args.results))
        if want("print"):  # issue #26: the PDF of the print edition, updates/, "new since"
            with report.check("print-pdf") as c:
                check_print_pdf(first, c, Path(args.results))
            with report.check("updates") as c:
                check_updates(first, c)
            for site in [s for s in sites.values() if s is first or s.portable]:
                with report.check(f"new-since/{site.name}") as c:
                    check_new_since(site, c)
        if want("browser"):
            pages = dict(BROWSER_PAGES, briefing=briefing or "briefings/")
            if args.browser_pages:
                pages = {k: v for k, v in pages.items() if k in args.browser_pages.split(",")}
            results = Path(args.results)
            for site in sites.values():  # the portable build from file://, the others over http
                full = site is first
                run_browser(site, pages, report, results, full=full, dark=full and css_has_dark(site))
    finally:
        for server in servers:
            server.stop()
