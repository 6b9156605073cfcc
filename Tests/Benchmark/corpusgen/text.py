"""Markdown body generation: links, phrases, sentences, paragraphs, tables, bodies."""

import unicodedata

from .vocab import CONNECTORS, FUNCTION_WORDS, HEADINGS, LABELS, MONTHS, WORDS


class Text:
    """The text half of Corpus (model.py), which inherits it: uses its rng, pages and
    random_date."""

    # -- text ----------------------------------------------------------------

    def link_target(self, page):
        rng = self.rng
        for _ in range(10):
            if rng.random() < 0.2:
                target = rng.choice(self.hubs)
            else:
                target = rng.choice(self.linkable)
            if target is not page:
                return target
        return self.entities[0] if page is not self.entities[0] else self.entities[1]

    def link(self, page, in_table=False):
        """A wiki link piece: ('link', target, label, anchor, via). In a table a label's
        pipe would split the cell, so table links have none."""
        rng = self.rng
        target = self.link_target(page)
        roll = rng.random()
        label = anchor = None
        via = target.title
        if roll < 0.12 and not in_table:
            label = rng.choice(LABELS)
        elif roll < 0.20 and target.aliases:
            via = rng.choice(target.aliases)
        elif roll < 0.24:
            # another spelling of the same name: the slug, lower case, or without diacritics
            via = rng.choice([target.slug, target.title.lower(),
                              "".join(c for c in unicodedata.normalize("NFKD", target.title) if not unicodedata.combining(c))])
        elif roll < 0.27 and target.section in ("entity", "briefing"):
            anchor = "Background"
        elif roll < 0.30:
            return ("mdlink", target, rng.choice(LABELS))
        return ("link", target, label, anchor, via)

    def phrase(self, page, lo, hi, links=True, plain=False):
        rng = self.rng
        out = []
        for i in range(rng.randint(lo, hi)):
            r = rng.random()
            if plain and r < 0.11:
                out.append(rng.choice(WORDS))
            elif links and page is not None and r < 0.03:
                out.append(self.link(page))
            elif r < 0.06:
                out.append(f"**{rng.choice(WORDS)} {rng.choice(WORDS)}**")
            elif r < 0.09:
                out.append(f"*{rng.choice(WORDS)}*")
            elif r < 0.10:
                out.append(f"~~{rng.choice(WORDS)}~~")
            elif r < 0.11:
                out.append(f"`{rng.choice(WORDS)}-{rng.randint(1, 999)}`")
            elif r < 0.30:
                out.append(rng.choice(FUNCTION_WORDS))
            elif r < 0.33:
                out.append(rng.choice(CONNECTORS))
            else:
                out.append(rng.choice(WORDS))
            out.append(" ")
        return out[:-1]

    def sentence(self, page=None, links=True, cites=True, plain=False):
        """A sentence as pieces; with neither links nor citations, a string (plain: no
        Markdown at all, for summaries and notes)."""
        rng = self.rng
        pieces = self.phrase(page if links else None, 8, 22, links=links, plain=plain)
        r = 1.0 if plain else rng.random()
        if r < 0.03:
            pieces += [" (see https://www.example.org/archive/", str(rng.randint(1000, 9999)), ")"]
        elif r < 0.04:
            pieces += [" <https://data.example.net/records/", str(rng.randint(1, 99999)), ">"]
        elif r < 0.05:
            pieces += [" (mirror at www.example.com/", rng.choice(WORDS), ")"]
        elif r < 0.08:
            pieces += [" (", f"{rng.choice(MONTHS)} {rng.randint(1995, 2026)}", ")"]
        first = pieces[0]
        if isinstance(first, str) and first[:1].isalpha():
            pieces[0] = first[0].upper() + first[1:]
        pieces.append(".")
        if cites and page is not None and page.cites and rng.random() < 0.45:
            ids = rng.sample(page.cites, min(len(page.cites), rng.choice([1, 1, 1, 2, 3])))
            pieces[-1:] = [" ", ("cite", ids), "."]
        if not links and not cites:
            return "".join(p for p in pieces if isinstance(p, str))
        return pieces

    def paragraph(self, page, state):
        rng = self.rng
        out = []
        for i in range(rng.randint(2, 5)):
            if i:
                out.append(" ")
            out += self.sentence(page)
            if rng.random() < 0.04:
                state["footnotes"] += 1
                out.append(f"[^{state['footnotes']}]")
        return out + ["\n\n"]

    def table(self, page):
        rng = self.rng
        cols = rng.randint(3, 5)
        head = ["Party", "Date", "Status", "Note", "Source"][:cols]
        lines = ["| " + " | ".join(head) + " |\n", "|" + "|".join(["---"] * cols) + "|\n"]
        out = list(lines)
        for _ in range(rng.randint(4, 10)):
            date, _ = self.random_date()
            cells = [[self.link(page, in_table=True)], [date.lstrip("~")], [rng.choice(["confirmed", "reported", "~~pending~~ lapsed", "*disputed*"])],
                     self.phrase(page, 3, 8), [("cite", [rng.choice(page.cites)])] if page.cites else ["n/a"]][:cols]
            row = ["| "]
            for j, cell in enumerate(cells):
                if j:
                    row.append(" | ")
                row += cell
            row.append(" |\n")
            out += row
        return out + ["\n"]

    def body(self, page, target):
        """The body of a page as pieces, about `target` bytes of Markdown."""
        rng = self.rng
        target = int(target * rng.uniform(0.7, 1.3))
        state = {"footnotes": 0}
        out = []
        size = 0
        headings = ["Background"] + rng.sample(HEADINGS[1:], len(HEADINGS) - 1)
        h = 0
        table_done = False
        while size < target:
            if h < len(headings):
                out.append(f"## {headings[h]}\n\n")
                h += 1
            for _ in range(rng.randint(1, 3)):
                block = []
                r = rng.random()
                if r < 0.10 and page.cites and not table_done:
                    block = self.table(page)
                    table_done = rng.random() < 0.5
                elif r < 0.20:
                    for _ in range(rng.randint(3, 6)):
                        block += ["- "] + self.sentence(page) + ["\n"]
                    block.append("\n")
                elif r < 0.24:
                    for _ in range(rng.randint(2, 4)):
                        block += [rng.choice(["- [ ] ", "- [x] "])] + self.sentence(page, cites=False) + ["\n"]
                    block.append("\n")
                elif r < 0.28:
                    block = ["> "] + self.sentence(page, links=False) + [" ", f"« {rng.choice(WORDS)} {rng.choice(WORDS)} »", "\n\n"]
                elif r < 0.31:
                    block = [f"### {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}\n\n"]
                elif r < 0.33:
                    block = ["1. "] + self.sentence(page) + ["\n2. "] + self.sentence(page) + ["\n\n"]
                else:
                    block = self.paragraph(page, state)
                out += block
                size += sum(len(p) if isinstance(p, str) else 40 for p in block)
        for n in range(1, state["footnotes"] + 1):
            out += [f"[^{n}]: "] + self.sentence(page, cites=False) + ["\n"]
        return out

    def source_body(self, source):
        rng = self.rng
        out = []
        for _ in range(rng.randint(1, 3)):
            out.append(" ".join(self.sentence(links=False, cites=False) for _ in range(rng.randint(2, 4))) + "\n\n")
        return out
