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
import json
import os
import posixpath
import random
import shutil
import sys
import unicodedata

# ---------------------------------------------------------------------------
# vocabulary

SYLLABLES = [
    "ba", "bel", "dor", "ka", "ki", "la", "len", "lo", "ma", "mar", "na", "nor", "o",
    "ra", "ren", "sa", "sel", "ta", "tor", "va", "vel", "za", "zu", "gou", "mou", "dia",
    "ke", "ri", "si", "an", "el", "is", "ou", "ya", "ham", "bou", "tan", "gal", "kor",
    "lin", "mes", "nai", "pel", "qua", "rho", "sun", "ter", "ul", "vor", "wen", "xi",
]
ACCENTS = {"e": "é", "i": "ï", "o": "ô", "a": "à", "u": "ü"}
FIRST_NAMES = [
    "Amadou", "Aïcha", "Boubacar", "Fatoumata", "Ibrahim", "Mariam", "Oumar", "Salif",
    "Adama", "Kadiatou", "Moussa", "Hawa", "Seydou", "Awa", "Yacouba", "Rokia", "Issa",
    "Djénéba", "Hamidou", "Aminata", "Karim", "Nadia", "Pierre", "Elena", "Jonas", "Lucía",
    "Tomás", "Ingrid", "Viktor", "Zofia", "Omar", "Leïla", "Mehdi", "Sofia", "André", "Hélène",
]
ORG_HEADS = ["Council", "Commission", "Union", "Institute", "Assembly", "Authority", "Agency",
             "League", "Observatory", "Forum", "Secretariat", "Network", "Foundation"]
ORG_ADJ = ["National", "Regional", "Joint", "Permanent", "Independent", "Federal", "Supreme",
           "Economic", "Monetary", "Humanitarian", "Electoral", "Parliamentary"]
TREATY_FORMS = ["Treaty of {p}", "{p} Convention", "{p} Charter", "{p} Protocol", "{p} Accord",
                "Statute of {p}", "{p} Agreement", "Covenant of {p}"]
COURT_FORMS = ["{p} Court of Justice", "High Court of {p}", "{p} Criminal Tribunal",
               "{p} Court of Human Rights", "Constitutional Council of {p}"]
GROUP_FORMS = ["{p} Liberation Front", "Movement for {p}", "{p} Brigade", "{p} Defence Force",
               "Coordination of {p}", "{p} Patriotic Army", "{p} Self-Defence Group"]
COUNTRY_FORMS = ["{p}", "{p}", "{p}", "Republic of {p}", "{p} Islands", "North {p}", "South {p}"]

WORDS = """government ministry announcement withdrawal notification treaty obligation court
judgment ruling statement council delegation transition charter election mandate sanction
ceasefire agreement negotiation summit communiqué deadline depositary ratification accession
signature protocol article clause provision interpretation jurisdiction investigation warrant
prosecutor defence appeal chamber registry secretariat observer mission contingent deployment
security stability region border corridor province capital district population displacement
refugee humanitarian access convoy report assessment source account testimony evidence record
archive database timeline chronology sequence decision process procedure review consultation
partner ally neighbour donor creditor budget revenue mining concession export import tariff
currency reserve bank loan grant programme project pipeline railway port airport network
militia brigade battalion patrol operation offensive incident attack raid ambush casualty
figure estimate total share majority minority coalition opposition party movement leader
spokesman minister president premier ambassador envoy rapporteur expert analyst journalist
outlet newspaper broadcaster agency wire translation version draft text copy original
official unofficial formal informal public private joint separate immediate gradual partial
full final provisional interim permanent temporary earlier later previous subsequent
contested disputed confirmed reported unconfirmed projected notable significant limited broad
narrow clear unclear explicit implicit direct indirect legal political economic military
diplomatic regional international domestic national local federal constitutional""".split()
CONNECTORS = ["and", "but", "while", "although", "because", "after", "before", "since",
              "whereas", "so", "then", "as", "when", "until", "unless", "if"]
FUNCTION_WORDS = ["the", "a", "its", "their", "this", "that", "of", "in", "on", "for", "with",
                  "to", "by", "from", "at", "under", "over", "about", "against", "between"]
LABELS = ["the government", "its parliament", "the accord", "the tribunal", "the ministry",
          "the alliance", "the regional body", "the transitional authorities", "the junta",
          "the delegation", "the signatories", "the prosecutor", "the leadership", "the movement",
          "the court", "the commission", "the treaty", "the statement", "the authorities"]
HEADINGS = ["Background", "What was announced", "Legal position", "Recent developments",
            "Positions of the parties", "Assessment", "Open questions", "Chronology", "Figures",
            "Reactions", "What to watch", "Sources and gaps", "Regional context", "Outlook"]
TAGS = ["withdrawal", "treaty-law", "sahel", "coups", "sanctions", "elections", "mining",
        "security", "humanitarian", "justice", "icc", "ecowas", "au", "un", "russia", "france",
        "china", "turkey", "migration", "borders", "media", "human-rights", "economy", "energy",
        "debt", "aid", "military", "diplomacy", "courts", "parliaments", "charters", "armed-groups",
        "mediation", "precedents", "reactions", "timeline", "overview", "analysis", "legal",
        "regional", "alliances", "transitions", "constitutions", "referendums", "protests",
        "detentions", "press-freedom", "refugees", "food-security", "climate", "gold", "uranium",
        "oil", "ports", "railways", "currency", "banking", "trade", "customs", "visas"]
PUBLISHERS = ["Agence Sahel Presse", "The Daily Ledger", "Wire Service International",
              "Regional Monitor", "Le Courrier du Fleuve", "Radio Horizon", "Policy Review Quarterly",
              "Institute for Treaty Studies", "Official Gazette", "Ministry of Foreign Affairs",
              "United Nations Treaty Collection", "Court Registry", "Human Rights Observer",
              "Crisis Analysis Group", "Abamako Online", "Niamey Express", "Ouaga Hebdo",
              "Continental Review", "Legal Notes Blog", "Archive Mirror"]
SOURCE_KINDS = ["primary-text", "official-statement", "news-report", "news-report", "news-report",
                "analysis", "analysis", "aggregator-copy", "reference"]
EVENT_KINDS = ["statement", "summit", "coup", "signature", "ratification", "ruling", "warrant",
               "verdict", "appointment", "deployment", "ministerial-meeting", "charter", "reaction",
               "election", "sanction", "agreement", "referendum", "arrest", "appeal", "investigation"]
STATUSES = [("confirmed", 60), ("reported", 20), ("disputed", 8), ("unconfirmed", 7), ("projected", 5)]
RELATION_RULES = [  # (subject kind, type, object kind)
    ("person", "leads", "country"), ("person", "leads", "organization"),
    ("person", "leads", "armed-group"), ("person", "member-of", "organization"),
    ("country", "member-of", "organization"), ("country", "party-to", "treaty"),
    ("country", "signatory-of", "treaty"), ("country", "withdrew-from", "organization"),
    ("country", "announced-withdrawal-from", "treaty"), ("country", "allied-with", "country"),
    ("country", "partner-of", "country"), ("organization", "created", "treaty"),
    ("treaty", "created", "court"), ("armed-group", "allied-with", "armed-group"),
    ("armed-group", "part-of", "armed-group"), ("organization", "successor-of", "organization"),
    ("person", "subject-of", "court"), ("organization", "part-of", "organization"),
]
KIND_FOLDERS = {"country": "countries", "person": "people", "organization": "organizations",
                "treaty": "treaties", "court": "courts", "armed-group": "armed-groups"}
KIND_TITLES = {"country": "Countries", "person": "People", "organization": "Organizations",
               "treaty": "Treaties", "court": "Courts", "armed-group": "Armed groups"}
KIND_SHARE = [("country", 15), ("person", 35), ("organization", 22), ("treaty", 8),
              ("court", 5), ("armed-group", 15)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

SECTION_SHARE = {"briefing": 0.08, "entity": 0.32, "event": 0.45, "source": 0.15}
BODY_TARGET = {"briefing": 7500, "entity": 4800, "event": 5000, "source": 900, "home": 3000}
AS_OF = (2026, 11, 29)


def fold(text):
    """Lowercase, no diacritics, letters and digits only: the uniqueness key of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum() and not unicodedata.combining(c))


def slugify(text):
    decomposed = unicodedata.normalize("NFKD", text)
    out, dash = [], False
    for c in decomposed.lower():
        if unicodedata.combining(c):
            continue
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def q(value):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def days_in(year, month):
    if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return 29
    return DAYS_IN[month - 1]


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


class Corpus:
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
            want = {"briefing": 12, "entity": 8, "event": 3}[page.section]
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


def hugo_front_matter(w, page, numbers):
    fm = page.fm
    lines = ["---", f"title: {q(page.title)}"]
    if "summary" in fm:
        lines.append(f"summary: {q(fm['summary'])}")
    if page.section == "briefing":
        lines += [f"date: {fm['date']}", f"weight: {fm['order']}", f"tags: {yaml_value(fm['tags'])}", "key_points:"]
        lines += [f"  - {q(w.render(page, kp, numbers))}" for kp in fm["key_points"]]
    elif page.section == "entity":
        lines.append(f"entity_kind: {page.kind}")
        if page.aliases:
            lines.append(f"also: {yaml_value(page.aliases)}")
        lines.append("facts:")
        for fact in fm["facts"]:
            lines.append(f"  - {{label: {q(fact['label'])}, value: {q(w.render(page, fact['value'], numbers))}}}")
        if fm.get("relations"):
            by_title = {e.title: e for e in w.corpus.entities}
            lines.append("relations:")
            for rel in fm["relations"]:
                target = by_title[rel["target"]]
                link = f"[{target.title}]({w.rel_url(page, target)})"
                lines.append(f"  - {{type: {rel['type']}, target: {q(link)}" + (f", from: {q(rel['from'])}" if "from" in rel else "") + "}")
    elif page.section == "event":
        first = fm["date"].lstrip("~").split("/")[0]
        first = first + "-01" * (3 - len(first.split("-")))
        lines += [f"date: {first}", f"when: {q(fm['date'])}", f"status: {fm['status']}", f"event_kind: {fm['kind']}"]
        lines.append(f"entities: {yaml_value(fm['entities'])}")
    elif page.section == "source":
        lines += [f"publisher: {q(fm['publisher'])}", f"source_kind: {fm['kind']}", f"external_url: {q(fm['url'])}"]
        if "date" in fm:
            lines.append(f"when: {q(fm['date'])}")
    if page.cites:
        lines.append(f"cites: {yaml_value(page.cites)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


HUGO_CONFIG = """baseURL: "https://example.org/dossier/"
title: "Synthetic dossier"
languageCode: en
disableKinds: [RSS, sitemap, robotsTXT]
taxonomies:
  tag: tags
timeout: "600s"
params:
  description: "A generated dossier for benchmarking."
  as_of: "2026-11-29"
menu:
  main:
    - {name: Briefings, url: /briefings/, weight: 1}
    - {name: Entities, url: /entities/, weight: 2}
    - {name: Events, url: /events/, weight: 3}
    - {name: Sources, url: /sources/, weight: 4}
    - {name: Tags, url: /tags/, weight: 5}
markup:
  goldmark:
    renderer:
      unsafe: false
    extensions:
      typographer: true
      footnote: true
      table: true
      strikethrough: true
      linkify: true
      taskList: true
  tableOfContents:
    startLevel: 2
    endLevel: 3
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
  <nav aria-label="Main">
    <ul>{{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>{{ end }}</ul>
  </nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <p>{{ site.Title }} · current to {{ site.Params.as_of }} · <a href="{{ "sources/" | relURL }}">Sources</a></p>
</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article class="{{ .Section }}">
  <header class="page-header">
    <p class="eyebrow"><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
    <h1>{{ .Title }}</h1>
    {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
    <p class="meta">{{ with .Params.when }}<time>{{ . }}</time>{{ else }}{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}{{ end }}{{ with .Params.status }} · {{ . }}{{ end }}{{ with .Params.publisher }} · {{ . }}{{ end }}</p>
    {{ with .Params.also }}<p class="aliases">Also: {{ range . }}<span>{{ . }}</span> {{ end }}</p>{{ end }}
  </header>
  {{ with .Params.key_points }}
  <aside class="key-points" aria-labelledby="key-points-heading">
    <h2 id="key-points-heading">Key points</h2>
    <ul>{{ range . }}<li>{{ . | markdownify }}</li>{{ end }}</ul>
  </aside>
  {{ end }}
  {{ with .Params.facts }}
  <table class="facts">
    <caption>Facts</caption>
    <tbody>{{ range . }}<tr><th scope="row">{{ .label }}</th><td>{{ .value | markdownify }}</td></tr>{{ end }}</tbody>
  </table>
  {{ end }}
  {{ if eq .Section "briefings" }}<nav class="toc" aria-label="Contents"><h2>Contents</h2>{{ .TableOfContents }}</nav>{{ end }}
  <div class="prose">
  {{ .Content }}
  </div>
  {{ with .Params.relations }}
  <section class="relations"><h2>Relations</h2>
    <ul>{{ range . }}<li><strong>{{ $.Title }}</strong> — {{ .type }} — {{ .target | markdownify }}{{ with .from }} <span class="dates">(from {{ . }})</span>{{ end }}</li>{{ end }}</ul>
  </section>
  {{ end }}
  {{ with .Params.tags }}<p class="tags">{{ range . }}<a href="{{ printf "tags/%s/" (. | urlize) | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
  {{ with .Params.cites }}
  <section class="references" aria-labelledby="references-heading">
    <h2 id="references-heading">Sources cited</h2>
    <ol>{{ range . }}{{ with site.GetPage (printf "/sources/%s" .) }}
      <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Params.publisher }}{{ with .Params.when }}, {{ . }}{{ end }} <span class="source-kind">({{ .Params.source_kind }})</span>{{ with .Params.external_url }} · <a class="external" href="{{ . }}" rel="noopener">original</a>{{ end }}</li>{{ end }}{{ end }}
    </ol>
  </section>
  {{ end }}
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<article class="list-page">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
  {{ with .Content }}<div class="prose">{{ . }}</div>{{ end }}
  <ul class="cards-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
</article>
{{ end }}
"""


def write_hugo(corpus, root, css):
    w = Writer(corpus, "hugo")
    write_file(os.path.join(root, "config.yaml"), HUGO_CONFIG)
    write_file(os.path.join(root, "layouts/_default/baseof.html"), HUGO_BASEOF)
    write_file(os.path.join(root, "layouts/_default/single.html"), HUGO_SINGLE)
    write_file(os.path.join(root, "layouts/_default/list.html"), HUGO_LIST)
    write_file(os.path.join(root, "static/assets/style.css"), css)
    content = os.path.join(root, "content")
    sections = {"briefings": "Briefings", "entities": "Entities", "events": "Events", "sources": "Sources"}
    sections.update({f"entities/{folder}": KIND_TITLES[k] for k, folder in KIND_FOLDERS.items()})
    for folder, title in sections.items():
        write_file(os.path.join(content, folder, "_index.md"), f"---\ntitle: {q(title)}\n---\n")
    bodies = {}
    total = 0
    for page in [corpus.home] + corpus.briefings + corpus.entities + corpus.events + corpus.sources:
        numbers = {}
        fm = hugo_front_matter(w, page, numbers)
        body = w.render(page, page.body, numbers)
        bodies[page] = body
        path = "_index.md" if page.section == "home" else page.rel_file
        text = fm + body
        total += len(text.encode())
        write_file(os.path.join(content, path), text)
    return total, bodies


def write_plain(corpus, root, bodies):
    os.makedirs(root, exist_ok=True)
    total = 0
    for page, body in bodies.items():
        name = "index" if page.section == "home" else page.rel_file[:-3].replace("/", "--")
        write_file(os.path.join(root, name + ".md"), body)
        total += len(body.encode())
    return total


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
