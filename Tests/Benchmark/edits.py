"""The kinds of edit `bench.py` makes to a briefing while `dossier serve` runs.

Each kind is a pure function from a briefing's text (and the corpus's source ids) to the
edited text, so the serve measurement can time each kind of edit an analyst makes: they
reach different parts of the incremental build (a body patch, a relink of one page's
links, a new table-of-contents entry, a new citation that reaches a source's page, a
front-matter change that other pages show).
"""

import os
import re

WIKI_LINK = re.compile(r"\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]")
CITATION = re.compile(r"@([a-z0-9][a-z0-9-]*)")
TITLE = re.compile(r'^title: "?(.*?)"?$', re.M)


def body_end(text):
    """Index just past the front matter's closing line."""
    end = text.index("\n---\n", 4) + len("\n---\n")
    return end


def sentence_added(text, n, _sources):
    return text + f"\nEdited by the benchmark, edit {n}.\n"


def link_changed(text, n, _sources):
    """The first wiki link in the body points at the second distinct target instead."""
    body = body_end(text)
    targets = []
    for m in WIKI_LINK.finditer(text, body):
        if m.group(1) not in targets:
            targets.append(m.group(1))
        if len(targets) == 2:
            break
    first = WIKI_LINK.search(text, body)
    if len(targets) < 2:
        raise ValueError("briefing has fewer than two wiki link targets")
    return text[:first.start()] + f"[[{targets[1]}]]" + text[first.end():]


def heading_added(text, n, _sources):
    return text + f"\n## Benchmark heading {n}\n\nA paragraph under it.\n"


def citation_added(text, n, sources):
    """Cites a source the briefing does not cite yet, so that source's page changes too."""
    cited = set(CITATION.findall(text))
    fresh = next((s for s in sources if s not in cited), None)
    if fresh is None:
        raise ValueError("briefing already cites every source")
    return text + f"\nA new claim, edit {n} [@{fresh}].\n"


def unlinked(content, briefings):
    """The briefings no wiki link of the corpus names by title or file name: retitling
    one of them is a front matter edit the build accepts. Retitling a briefing others
    link to breaks those links, and the rebuild stops at the errors."""
    targets = set()
    for folder, _, names in os.walk(content):
        for name in names:
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    targets.update(t.strip().lower() for t in WIKI_LINK.findall(f.read()))
    result = []
    for name in briefings:
        with open(os.path.join(content, "briefings", name), encoding="utf-8") as f:
            title = TITLE.search(f.read()).group(1).lower()
        if title not in targets and name[:-3] not in targets:
            result.append(name)
    return result


def title_changed(text, n, _sources):
    m = TITLE.search(text)
    return text[:m.start()] + f'title: "{m.group(1)} (edit {n})"' + text[m.end():]


KINDS = [
    ("sentence added", sentence_added),
    ("link changed", link_changed),
    ("heading added", heading_added),
    ("new citation", citation_added),
    ("front matter title changed", title_changed),
]
