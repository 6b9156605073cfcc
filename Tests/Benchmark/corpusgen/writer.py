"""Pieces to Markdown for one form, YAML values, and writing files."""

import os
import posixpath

from .vocab import q

# ---------------------------------------------------------------------------
# writers


class Writer:
    """Turns pieces into Markdown for one form: 'dossier' (wiki links, citations) or
    'hugo' (relative links, citations as links to source pages)."""

    def __init__(self, corpus, form):
        self.corpus = corpus
        self.form = form
        self.source_by_id = {s.slug: s for s in corpus.sources}

    def rel_url(self, page, target, anchor=None):
        rel = posixpath.relpath("/" + target.url_dir, "/" + page.url_dir) if page.url_dir else target.url_dir
        return rel + "/" + (f"#{anchor.lower()}" if anchor else "")

    def render(self, page, pieces, numbers=None):
        numbers = {} if numbers is None else numbers
        out = []
        for p in pieces:
            if isinstance(p, str):
                out.append(p)
            elif p[0] == "link":
                _, target, label, anchor, via = p
                if self.form == "dossier":
                    inner = via + (f"#{anchor}" if anchor else "") + (f"|{label}" if label else "")
                    out.append(f"[[{inner}]]")
                else:
                    out.append(f"[{label or target.title}]({self.rel_url(page, target, anchor)})")
            elif p[0] == "mdlink":
                _, target, label = p
                if self.form == "dossier":
                    rel = posixpath.relpath(target.rel_file, page.folder or ".")
                    out.append(f"[{label}]({rel})")
                else:
                    out.append(f"[{label}]({self.rel_url(page, target)})")
            elif p[0] == "cite":
                ids = p[1]
                if self.form == "dossier":
                    out.append("[" + "; ".join("@" + i for i in ids) + "]")
                else:
                    links = []
                    for i in ids:
                        n = numbers.setdefault(i, len(numbers) + 1)
                        links.append(f"[[{n}]]({self.rel_url(page, self.source_by_id[i])})")
                    out.append("".join(links))
        return "".join(out)


def yaml_value(v):
    if isinstance(v, list):
        return "[" + ", ".join(yaml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, int):
        return str(v)
    return q(v)


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
