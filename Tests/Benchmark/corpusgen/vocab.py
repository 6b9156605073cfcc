"""Vocabulary, shares and sizes, and the small name, YAML and date helpers."""

import json
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
               "election", "sanctions", "agreement", "referendum", "arrest", "appeal", "investigation"]
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
