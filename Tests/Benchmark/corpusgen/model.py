"""The corpus model: Page, and Corpus, which names and builds the pages (its text
methods are in text.py)."""

import random

from .text import Text
from .vocab import (ACCENTS, AS_OF, BODY_TARGET, COUNTRY_FORMS, COURT_FORMS, EVENT_KINDS, FIRST_NAMES,
                    GROUP_FORMS, KIND_FOLDERS, KIND_SHARE, ORG_ADJ, ORG_HEADS, PUBLISHERS, RELATION_RULES,
                    SECTION_SHARE, SOURCE_KINDS, STATUSES, SYLLABLES, TAGS, TREATY_FORMS, WORDS, days_in,
                    fold, slugify)

# ---------------------------------------------------------------------------
# model


class Page:
    def __init__(self, section, title, slug, folder):
        self.section = section      # briefing | entity | event | source | home
        self.title = title
        self.slug = slug
        self.folder = folder        # path of the file's folder under Content/, e.g. "entities/people"
        self.aliases = []
        self.body = []              # pieces, see Writer
        self.fm = {}                # section specific front matter values
        self.cites = []             # source ids this page may cite
        self.kind = None

    @property
    def rel_file(self):           # path under Content/
        if self.section == "home":
            return "index.md"
        return f"{self.folder}/{self.slug}.md"

    @property
    def url_dir(self):            # Hugo URL path of the page, without slashes at the ends
        if self.section == "home":
            return ""
        return f"{self.folder}/{self.slug}"


class Corpus(Text):
    def __init__(self, pages, seed):
        self.rng = random.Random(seed)
        self.total = pages
        self.keys = set()
        self.briefings, self.entities, self.events, self.sources = [], [], [], []
        self.by_kind = {k: [] for k in KIND_FOLDERS}

    # -- names ---------------------------------------------------------------

    def claim(self, *names):
        keys = list(dict.fromkeys(fold(n) for n in names))   # a slug folds like its title
        if any(not k or k in self.keys for k in keys):
            return False
        self.keys.update(keys)
        return True

    def word(self, lo=2, hi=3, accent=0.0):
        w = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(lo, hi)))
        if self.rng.random() < accent:
            vowels = [i for i, c in enumerate(w) if c in ACCENTS]
            if vowels:
                i = self.rng.choice(vowels)
                w = w[:i] + ACCENTS[w[i]] + w[i + 1:]
        return w.capitalize()

    def unique(self, make, slug_prefix=""):
        for attempt in range(200):
            title = make()
            if attempt > 50:
                title = f"{title} {attempt}"
            slug = slug_prefix + slugify(title)
            if self.claim(title, slug):
                return title, slug
        raise RuntimeError("could not find a unique name")

    # -- building ------------------------------------------------------------

    def build(self):
        rng = self.rng
        n = self.total
        counts = {s: max(1, round(n * f)) for s, f in SECTION_SHARE.items()}
        counts["entity"] = max(counts["entity"], len(KIND_FOLDERS) * 2)
        counts["event"] = n - counts["briefing"] - counts["entity"] - counts["source"]
        if counts["event"] < 4:
            raise SystemExit("--pages is too small; use at least 40")

        self.make_sources(counts["source"])
        self.make_entities(counts["entity"])
        self.make_briefings(counts["briefing"])
        self.make_events(counts["event"])
        self.home = Page("home", "Synthetic dossier", "index", "")

        self.linkable = self.entities * 10 + self.briefings + self.events  # entity-heavy weights
        hub_count = max(5, len(self.entities) // 200)
        self.hubs = [e for e in self.entities if e.kind in ("country", "organization", "treaty")][:hub_count]

        # Every source is cited by at least one page: deal them out first, then add more.
        citing = self.briefings + self.entities + self.events
        order = list(range(len(citing)))
        rng.shuffle(order)
        for i, source in enumerate(self.sources):
            citing[order[i % len(order)]].cites.append(source.slug)
        for page in citing:
            # A small corpus may have fewer sources than a page wants to cite.
            want = min({"briefing": 12, "entity": 8, "event": 3}[page.section], len(self.sources))
            while len(page.cites) < want:
                sid = rng.choice(self.sources).slug
                if sid not in page.cites:
                    page.cites.append(sid)
            if page.section == "event":
                page.fm["sources"] = list(page.cites)

        self.make_relations()
        for page in citing:
            self.fill_front_matter(page)
            page.body = self.body(page, BODY_TARGET[page.section])
        for source in self.sources:
            source.body = self.source_body(source)
        self.home.fm["summary"] = "A synthetic dossier generated for benchmarking dossier against Hugo and a cmark-gfm floor."
        self.home.body = self.body(self.home, BODY_TARGET["home"])

    def make_sources(self, count):
        rng = self.rng
        for i in range(count):
            publisher = rng.choice(PUBLISHERS)
            topic = self.word(2, 3)
            y, m, d = rng.randint(1995, 2026), rng.randint(1, 12), None
            d = rng.randint(1, days_in(y, m))
            sid = f"{slugify(publisher)}-{slugify(topic)}-{y:04d}-{m:02d}-{d:02d}"
            title = f"{rng.choice(['Report on', 'Statement on', 'Analysis of', 'Note on', 'Text of', 'Interview about'])} {topic} {rng.choice(WORDS)} ({publisher}, {y}-{m:02d}-{d:02d})"
            if not self.claim(title, sid):
                sid, title = f"{sid}-{i}", f"{title} #{i}"
                self.claim(title, sid)
            page = Page("source", title, sid, "sources")
            page.fm = {
                "publisher": publisher,
                "kind": rng.choice(SOURCE_KINDS),
                "url": f"https://www.example.org/{slugify(publisher)}/{y}/{m:02d}/{slugify(topic)}-{i}.html",
                "language": rng.choice(["en", "en", "en", "fr", "fr", "ar", "pt"]),
            }
            if rng.random() < 0.8:
                page.fm["date"] = f"{y:04d}-{m:02d}-{d:02d}" if rng.random() < 0.8 else f"{y:04d}-{m:02d}"
            if rng.random() < 0.5:
                page.fm["note"] = self.sentence(links=False, cites=False, plain=True)
            self.sources.append(page)

    def make_entities(self, count):
        rng = self.rng
        total_share = sum(s for _, s in KIND_SHARE)
        kinds = []
        for kind, share in KIND_SHARE:
            kinds += [kind] * max(2, round(count * share / total_share))
        kinds = kinds[:count]
        while len(kinds) < count:
            kinds.append("person")
        makers = {
            "country": lambda: rng.choice(COUNTRY_FORMS).format(p=self.word(2, 3)),
            "person": lambda: f"{rng.choice(FIRST_NAMES)} {self.word(2, 3, accent=0.25)}",
            "organization": lambda: f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_HEADS)} of {self.word(2, 3)}",
            "treaty": lambda: rng.choice(TREATY_FORMS).format(p=self.word(2, 3)),
            "court": lambda: rng.choice(COURT_FORMS).format(p=self.word(2, 3)),
            "armed-group": lambda: rng.choice(GROUP_FORMS).format(p=self.word(2, 3)),
        }
        for kind in kinds:
            title, slug = self.unique(makers[kind])
            page = Page("entity", title, slug, f"entities/{KIND_FOLDERS[kind]}")
            page.kind = kind
            # aliases: an acronym, a surname, an unaccented spelling
            if kind in ("organization", "armed-group", "court") and rng.random() < 0.6:
                acronym = "".join(w[0] for w in title.replace("-", " ").split() if w[0].isupper())
                if len(acronym) >= 3 and self.claim(acronym):
                    page.aliases.append(acronym)
            if kind == "person":
                surname = title.split()[-1]
                if rng.random() < 0.5 and self.claim(surname):
                    page.aliases.append(surname)
            if kind == "country" and rng.random() < 0.3:
                alt = f"State of {title}"
                if self.claim(alt):
                    page.aliases.append(alt)
            self.entities.append(page)
            self.by_kind[kind].append(page)
        # half of the treaties have a withdrawal rule
        for i, treaty in enumerate(self.by_kind["treaty"]):
            if i % 2 == 0:
                treaty.fm["withdrawal_rule"] = {
                    "article": f"Article {rng.randint(20, 140)}({rng.randint(1, 3)})",
                    "period": rng.choice(["1 year", "1 year", "6 months", "12 months", "1 year 6 months", "90 days"]),
                }

    def make_briefings(self, count):
        rng = self.rng
        forms = ["The {a} question", "{e} and the {a} crisis", "Why {e} matters", "The road to {w}",
                 "{e}: a {a} assessment", "After the {w}", "The {a} {w} of {e}", "What {e} wants"]
        for i in range(count):
            title, slug = self.unique(lambda: rng.choice(forms).format(
                a=rng.choice(WORDS), w=rng.choice(WORDS), e=rng.choice(self.entities).title))
            page = Page("briefing", title, slug, "briefings")
            page.fm["order"] = i + 1
            self.briefings.append(page)

    def make_events(self, count):
        rng = self.rng
        countries = self.by_kind["country"]
        ruled = [t for t in self.by_kind["treaty"] if "withdrawal_rule" in t.fm]
        for i in range(count):
            roll = rng.random()
            treaty = None
            if ruled and roll < 0.05:
                # treaty law: announcement, notification, sometimes a rescission or a recorded effect
                treaty = rng.choice(ruled)
                country = rng.choice(countries)
                y, m, d = rng.randint(2000, 2026), rng.randint(1, 12), None
                d = rng.randint(1, days_in(y, m))
                kind = rng.choice(["withdrawal-announcement", "withdrawal-notification",
                                   "withdrawal-notification", "withdrawal-rescission"])
                date = f"{y:04d}-{m:02d}-{d:02d}"
                verb = {"withdrawal-announcement": "announces its withdrawal from",
                        "withdrawal-notification": "notifies its withdrawal from",
                        "withdrawal-rescission": "rescinds its withdrawal from"}[kind]
                make = lambda: f"{country.title} {verb} the {treaty.title}" + (f" ({rng.choice(WORDS)} {rng.randint(2, 99)})" if rng.random() < 0.5 else "")
                entities = [country]
            else:
                kind = rng.choice(EVENT_KINDS)
                date, (y, m, d) = self.random_date()
                actor = rng.choice(self.entities)
                entities = [actor] + [rng.choice(self.entities) for _ in range(rng.randint(0, 3))]
                entities = list(dict.fromkeys(entities))
                make = lambda: f"{actor.title} {rng.choice(['holds', 'issues', 'announces', 'rejects', 'signs', 'suspends', 'opens', 'reports'])} {rng.choice(WORDS)} {rng.choice(WORDS)}" + (f" in {self.word(2, 2)}" if rng.random() < 0.7 else "")
            title, slug = self.unique(make, slug_prefix=f"{y:04d}-{m:02d}-" if m else f"{y:04d}-")
            page = Page("event", title, slug, "events")
            page.fm.update({
                "date": date,
                "status": rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0],
                "kind": kind,
                "entities": [e.title for e in entities],
            })
            if treaty:
                page.fm["treaty"] = treaty.title
                page.fm["status"] = "confirmed"
            if rng.random() < 0.05:
                page.fm["date_note"] = self.sentence(links=False, cites=False, plain=True)
            self.events.append(page)

    def random_date(self):
        """A date in one of the precisions dossier accepts, and its first day."""
        rng = self.rng
        y, m = rng.randint(1990, 2026), rng.randint(1, 12)
        d = rng.randint(1, days_in(y, m))
        roll = rng.random()
        if roll < 0.60:
            return f"{y:04d}-{m:02d}-{d:02d}", (y, m, d)
        if roll < 0.75:
            return f"{y:04d}-{m:02d}", (y, m, None)
        if roll < 0.80:
            return f"{y:04d}", (y, None, None)
        if roll < 0.88:
            d = min(d, days_in(y, m) - 3)
            end = d + rng.randint(1, 3)
            return f"{y:04d}-{m:02d}-{d:02d}/{y:04d}-{m:02d}-{end:02d}", (y, m, d)
        if roll < 0.92:
            m2 = min(12, m + rng.randint(1, 2))
            if m2 == m:
                return f"{y:04d}-{m:02d}", (y, m, None)
            return f"{y:04d}-{m:02d}/{y:04d}-{m2:02d}", (y, m, None)
        if roll < 0.97:
            return f"~{y:04d}-{m:02d}-{d:02d}", (y, m, d)
        return f"~{y:04d}-{m:02d}", (y, m, None)

    def make_relations(self):
        rng = self.rng
        seen = set()
        for subject in self.entities:
            if rng.random() > 0.35:
                continue
            for _ in range(rng.randint(1, 3)):
                rules = [r for r in RELATION_RULES if r[0] == subject.kind and self.by_kind[r[2]]]
                if not rules:
                    break
                _, rtype, okind = rng.choice(rules)
                # relations concentrate on hubs, as in a real dossier
                pool = self.by_kind[okind]
                obj = pool[rng.randrange(min(len(pool), 8))] if rng.random() < 0.5 else rng.choice(pool)
                if obj is subject:
                    continue
                key = (subject.slug, rtype, obj.slug)
                mirrored = (obj.slug, rtype, subject.slug)
                if key in seen or (rtype in ("allied-with", "partner-of") and mirrored in seen):
                    continue
                seen.add(key)
                rel = {"type": rtype, "target": obj.title,
                       "sources": [rng.choice(subject.cites or [self.sources[0].slug])]}
                if rng.random() < 0.6:
                    y = rng.randint(1990, 2020)
                    rel["from"] = f"{y:04d}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else f"{y:04d}"
                    if rng.random() < 0.3:
                        rel["to"] = f"{rng.randint(y + 1, 2026):04d}"
                subject.fm.setdefault("relations", []).append(rel)

    def fill_front_matter(self, page):
        rng = self.rng
        page.fm["summary"] = " ".join(self.sentence(links=False, cites=False, plain=True) for _ in range(2))
        if page.section == "briefing":
            y, m = rng.randint(2020, 2026), rng.randint(1, 12)
            page.fm["date"] = f"{y:04d}-{m:02d}-{rng.randint(1, days_in(y, m)):02d}"
            if rng.random() < 0.4:
                page.fm["updated"] = f"{AS_OF[0]:04d}-{AS_OF[1]:02d}-{AS_OF[2]:02d}"
            page.fm["tags"] = rng.sample(TAGS, rng.randint(2, 5))
            page.fm["key_points"] = [self.sentence(page, cites=True, links=True) for _ in range(rng.randint(3, 5))]
        elif page.section == "entity":
            facts = []
            for _ in range(rng.randint(3, 8)):
                label = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}"
                date, _ = self.random_date()
                value = [date.lstrip("~").split("/")[0], ": "] + self.phrase(page, 4, 10) + [" ", ("cite", [rng.choice(page.cites)])]
                facts.append({"label": label, "value": value})
            page.fm["facts"] = facts
            if "withdrawal_rule" in page.fm:
                page.fm["withdrawal_rule"]["sources"] = page.cites[:2]
