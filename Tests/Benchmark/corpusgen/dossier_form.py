"""The dossier form: OUT/dossier/Content/ with site.yml and one file per page."""

import os

from .vocab import AS_OF, q
from .writer import Writer, write_file, yaml_value


def dossier_front_matter(w, page):
    fm = page.fm
    lines = ["---", f"title: {q(page.title)}"]
    if "summary" in fm:
        lines.append(f"summary: {q(fm['summary'])}")
    if page.section == "briefing":
        lines += [f"date: {q(fm['date'])}"]
        if "updated" in fm:
            lines.append(f"updated: {q(fm['updated'])}")
        lines += [f"order: {fm['order']}", f"tags: {yaml_value(fm['tags'])}", "key_points:"]
        lines += [f"  - {q(w.render(page, kp))}" for kp in fm["key_points"]]
    elif page.section == "entity":
        lines.append(f"kind: {page.kind}")
        if page.aliases:
            lines.append(f"aliases: {yaml_value(page.aliases)}")
        if "withdrawal_rule" in fm:
            lines.append(f"withdrawal_rule: {yaml_value(fm['withdrawal_rule'])}")
        lines.append("facts:")
        for fact in fm["facts"]:
            lines.append(f"  - {{label: {q(fact['label'])}, value: {q(w.render(page, fact['value']))}}}")
        if fm.get("relations"):
            lines.append("relations:")
            for rel in fm["relations"]:
                lines.append(f"  - {yaml_value(rel)}")
    elif page.section == "event":
        lines += [f"date: {q(fm['date'])}", f"status: {fm['status']}", f"kind: {fm['kind']}"]
        if "treaty" in fm:
            lines.append(f"treaty: {q(fm['treaty'])}")
        lines.append("entities:")
        lines += [f"  - {q(e)}" for e in fm["entities"]]
        lines.append("sources:")
        lines += [f"  - {s}" for s in fm["sources"]]
        if "date_note" in fm:
            lines.append(f"date_note: {q(fm['date_note'])}")
    elif page.section == "source":
        for key in ("publisher", "kind", "date", "url", "language", "note"):
            if key in fm:
                lines.append(f"{key}: {q(fm[key])}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write_dossier(corpus, root):
    w = Writer(corpus, "dossier")
    content = os.path.join(root, "Content")
    write_file(os.path.join(content, "site.yml"), "\n".join([
        'title: "Synthetic dossier"',
        f'description: {q("A generated dossier of " + str(corpus.total) + " pages for benchmarking.")}',
        'base_url: "https://example.org/dossier/"',
        "language: en",
        'author: "dossier benchmark"',
        f'as_of: "{AS_OF[0]:04d}-{AS_OF[1]:02d}-{AS_OF[2]:02d}"',
    ]) + "\n")
    total = 0
    for page in [corpus.home] + corpus.briefings + corpus.entities + corpus.events + corpus.sources:
        text = dossier_front_matter(w, page) + w.render(page, page.body)
        total += len(text.encode())
        write_file(os.path.join(content, page.rel_file), text)
    return total
