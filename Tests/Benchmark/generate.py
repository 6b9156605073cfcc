#!/usr/bin/env python3
"""Generate a deterministic synthetic briefing dossier for benchmarking.

One corpus, three forms:

  OUT/dossier/Content/   a dossier content folder (site.yml, briefings/, entities/<kind>/,
                         events/, sources/) that `dossier build` accepts without errors
  OUT/hugo/              the same pages as a Hugo site (config.yaml, content/, layouts/,
                         static/): wiki links become relative Markdown links, citations become
                         links to source pages, tags are a taxonomy; no related pages
  OUT/plain/             the page bodies alone, as Hugo renders them, one flat folder, for
                         the cmark-gfm floor program (floor.c)

`--pages N` counts content files (briefings + entities + events + sources). Bodies are
shaped like the real dossier: headings, paragraphs dense with wiki links (some through
aliases, some with labels, some to headings), citations, tables, footnotes, lists, task
lists, block quotes, emphasis, strikethrough, inline code and autolinks; events carry
dates of every precision; entities carry facts and a few relations; treaties carry
withdrawal rules that drive the timeline's derived dates.

Standard library only. Same --seed and --pages, same bytes.
"""

import argparse
import os
import shutil
import sys

from corpusgen.dossier_form import write_dossier
from corpusgen.hugo_form import write_hugo
from corpusgen.model import Corpus
from corpusgen.plain_form import write_plain


DEFAULT_CSS = "body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000, help="content files to generate (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output folder; replaced if it exists")
    ap.add_argument("--css", help="stylesheet for the Hugo site (default: a one-line stub)")
    ap.add_argument("--forms", default="dossier,hugo,plain", help="comma-separated subset of dossier,hugo,plain")
    args = ap.parse_args()
    forms = set(args.forms.split(","))
    if args.pages < 40:
        ap.error("--pages must be at least 40")

    corpus = Corpus(args.pages, args.seed)
    corpus.build()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    css = open(args.css, encoding="utf-8").read() if args.css else DEFAULT_CSS
    report = []
    if "dossier" in forms:
        report.append(f"dossier {write_dossier(corpus, os.path.join(args.out, 'dossier')) / 1e6:.1f} MB")
    if "hugo" in forms or "plain" in forms:
        size, bodies = write_hugo(corpus, os.path.join(args.out, "hugo"), css)
        if "hugo" in forms:
            report.append(f"hugo {size / 1e6:.1f} MB")
        if "plain" in forms:
            report.append(f"plain {write_plain(corpus, os.path.join(args.out, 'plain'), bodies) / 1e6:.1f} MB")
        if "hugo" not in forms:
            shutil.rmtree(os.path.join(args.out, "hugo"))
    n = len(corpus.briefings) + len(corpus.entities) + len(corpus.events) + len(corpus.sources)
    print(f"generated {n} pages ({len(corpus.briefings)} briefings, {len(corpus.entities)} entities, "
          f"{len(corpus.events)} events, {len(corpus.sources)} sources) + home: " + ", ".join(report),
          file=sys.stderr)


if __name__ == "__main__":
    main()
