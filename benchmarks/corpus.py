"""Synthetic news-wire articles for benchmarks: deterministic, standard library only.

Every article has the news-wire form of the real feed: a leading space, ``date YYYY-MM-DD``, a
dateline such as ``LISBON, Portugal (Reuters) —`` with the first paragraph on the same line,
paragraphs separated by one blank line, curly quotes and apostrophes, no title, no final newline.
The people, organisations and events are invented from the word lists below (real countries and
cities only). Text is built from templates so it exercises what the reader extracts: named people
with titles and surname-only later mentions, organisations with ``of`` and acronyms, nationality
adjectives, quotes attributed before and after, partial quotes, quotes running across two
paragraphs, pronoun attributions, and abbreviations such as U.S., Dr., Gen., a.m. and 3.5 percent.

Usage::

    python benchmarks/corpus.py OUT_DIR --count 1000        # 1000 files in OUT_DIR/000/, 001/, ...
    python benchmarks/corpus.py --one-mb big.txt            # one article of about 1,000,000 chars

or ``sys.path.insert(0, benchmarks_dir); import corpus`` and call :func:`make_article`,
:func:`make_text` or :func:`write_corpus`.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

LQ, RQ, AP = "\u201c", "\u201d", "\u2019"  # “ ” ’
DASH = "\u2014"  # —


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- word lists (all people and organisations invented) -------------------------------------------

FIRST_F = _words(
    "Ilse Tamsin Graciela Paulina Luciana Lydia Patricia Abigail Denise Yvette Celeste Amra Helena "
    "Solveig Kari Rosa Adriana Marisol Ingrid Noor Leilani Beatriz Oksana Priya Mirela Fiona Hanne "
    "Agnieszka Saoirse Thandiwe Renata Yuki Delphine Zainab Margit Elodie Farah Lucía Petra Ama"
)
FIRST_M = _words(
    "Henrik Jonas Tomás Ramiro Antoine Marcus Reuben Caio Joaquim Callum Nuno Ferdinand Mateo "
    "Kenneth Esteban Gordon Franklin Rafael Dmitri Kwame Anders Luca Tariq Emeka Hiroshi Pavel "
    "Oskar Matthias Sergio Ibrahim Declan Viktor Julien Arjun Bongani Teodor Malik Niels Andrés"
)
SURNAMES = _words(
    "Brandvold Aasland Marthinsen Nygaard Eide Ferrándiz Saavedra Ruiz-Vallejo Echeverri Lefebvre "
    "Brito Haverstock Fairweather Loomis Castellanos Trent Menezes Serrão Brodie Barreira Faria "
    "Oyelaran Villalobos Ashgrove Chacón Arias Marchetti Pryor Lindqvist Whitford Doss Hadžić "
    "Okonkwo-Hale Varga Sandoval Kettering Abernathy Moreau-Lind Tanaka-Reyes Ostrowski Delacroix "
    "Mbeki-Sarr Halloran Quintero Vasquez-Oduya Strand Pellegrini Rautio Achterberg Kovalenko "
    "Dunmore Iversen Carvalho Nakashima Obuya Ferreira-Holt Lindgren Baptiste Kaczmarek Alvear "
    "Ranganathan Ekwueme Sørby Valtonen Caballero Whitcombe Dragomir Okafor-Reid Marlowe Zeller"
)

# (DATELINE CITY, country or None for a U.S. city, nationality adjective)
PLACES = (
    ("BERGEN", "Norway", "Norwegian"),
    ("MENDOZA", "Argentina", "Argentine"),
    ("LISBON", "Portugal", "Portuguese"),
    ("SAN JOSÉ", "Costa Rica", "Costa Rican"),
    ("NAIROBI", "Kenya", "Kenyan"),
    ("GDANSK", "Poland", "Polish"),
    ("LYON", "France", "French"),
    ("OSAKA", "Japan", "Japanese"),
    ("PORTO ALEGRE", "Brazil", "Brazilian"),
    ("CAPE TOWN", "South Africa", "South African"),
    ("TAMPERE", "Finland", "Finnish"),
    ("VALPARAÍSO", "Chile", "Chilean"),
    ("KRAKOW", "Poland", "Polish"),
    ("ACCRA", "Ghana", "Ghanaian"),
    ("HAMBURG", "Germany", "German"),
    ("GALWAY", "Ireland", "Irish"),
    ("PUNE", "India", "Indian"),
    ("MONTERREY", "Mexico", "Mexican"),
    ("ST. LOUIS", None, "American"),
    ("WASHINGTON", None, "American"),
    ("NEW ORLEANS", None, "American"),
    ("SALT LAKE CITY", None, "American"),
    ("ST. PAUL, Minn.", None, "American"),
    ("FORT WORTH, Texas", None, "American"),
)
NATIONALITIES = tuple(sorted({p[2] for p in PLACES} | {"Danish", "Dutch", "Italian", "Swiss"}))
AGENCIES = ("AP", "AP", "AP", "Reuters", "Reuters", "AFP")
DISTRICTS = (
    "the old harbor district",
    "the northern suburbs",
    "the riverside quarter",
    "the industrial estate on the city’s edge",
    "the hill villages",
    "the eastern neighborhoods",
)
FIELDS = (
    "Marine Research",
    "Urban Mobility",
    "Public Health",
    "Water Management",
    "Applied Ecology",
    "Digital Affairs",
    "Transport",
    "Agriculture",
    "Energy Policy",
    "Labor Studies",
)
GROUPS = ("Wine Producers", "Transport Workers", "Small Businesses", "Nurses", "Fishermen",
          "Coffee Growers", "Taxi Drivers", "Software Engineers")  # fmt: skip
INDUSTRY = ("Systems", "Analytics", "Logistics", "Holdings", "Energy", "Foods", "Capital", "Rail")

# topic: (project nouns, verbs of the deciding body, issue phrases)
TOPICS = (
    (
        ("tram extension", "bus corridor", "harbor bridge", "cycle network"),
        "city council",
        ("construction noise", "the cost overruns", "the closure of local shops", "the route"),
    ),
    (
        ("irrigation plan", "water rationing scheme", "drought relief fund", "reservoir project"),
        "regional water board",
        ("falling river levels", "the lost harvest", "the price of water", "the dry winter"),
    ),
    (
        ("data-protection bill", "security overhaul", "compensation fund", "breach inquiry"),
        "Senate subcommittee",
        ("the stolen records", "the delayed warning", "the outdated servers", "the fines"),
    ),
    (
        ("stadium sale", "transfer deal", "youth academy", "new training ground"),
        "club’s board",
        ("the record fee", "the sell-on clause", "the supporters’ protest", "the club’s debts"),
    ),
    (
        ("vaccine trial", "field study", "research program", "new laboratory"),
        "university senate",
        ("the early results", "the funding gap", "the patent dispute", "the sample size"),
    ),
    (
        ("budget", "recount", "ballot measure", "school bond"),
        "election board",
        ("turnout", "the mail-in ballots", "the narrow margin", "the campaign spending"),
    ),
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Quote sentences: {thing} project, {issue}, {place} city, {n} a number.
QUOTES = (
    "This is the most important decision we have made in a generation.",
    "We are not against the {thing}. We are against this {thing}, at this price.",
    "Nobody here has seen anything like {issue} before.",
    "People in {place} deserve a straight answer, and so far they have not had one.",
    "I am not here to make excuses.",
    "We studied {n} alternatives, and every one of them was slower or more expensive.",
    "Ask me again in a year, and judge us on the numbers.",
    "That is not a plan. That is a hope with a budget attached.",
    "The money is there. What has been missing is the will to spend it properly.",
    "Families are already paying for {issue}, whether anyone admits it or not.",
    "We learned a great deal from our neighbors, and most of it was what not to do.",
    "If the {thing} works, everyone will say it was obvious. If it fails, it will be my fault.",
    "Nobody sells something like this because they want to.",
    "A greenhouse is a polite place. The real world is not polite at all.",
    "We will make sure every vote is counted, and counted properly.",
    "I have lived here for {n} years, and I have never been this worried.",
    "The {thing} is late, it is over budget, and it is still the right thing to do.",
    "You do not close a whole neighborhood. You build in short sections.",
    "Is that really the best this country can do?",
    "We asked for a meeting in March. We are still waiting.",
    "Nothing about {issue} was inevitable.",
    "My customers talk about it more than anything, more than taxes, more than crime.",
)
PARTIALS = (
    "a number drawn on a napkin",
    "the missing piece",
    "genuinely promising",
    "an open door with a welcome mat",
    "a fair bargain for the people who will actually do the work",
    "convenient",
    "a tax on every kitchen sink in the city",
    "like a shop window",
    "the best news we have heard in a long time",
)
ACTIONS = (
    "would set up a compensation fund for those affected",
    "would publish the full cost estimates by the end of the month",
    "had asked the national government for emergency funding",
    "would appeal the decision",
    "had no plans to change course",
    "would hold public meetings in {district} before the final vote",
    "had already hired outside auditors to review the figures",
)
VERBS_SAID = ("said", "said", "said", "told reporters", "said on Tuesday")


# --- people and organisations ------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    pronoun: str  # "he" / "she"
    prefix: str  # "Mayor", "Dr.", "" ...
    role: str  # appositive, e.g. "the agency’s spokeswoman"
    introduced: bool = False

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def mention(self, rng: random.Random) -> str:
        """First mention with title/role; afterwards the surname (sometimes Mr./Ms./Dr.)."""
        if not self.introduced:
            self.introduced = True
            if self.prefix and rng.random() < 0.6:
                return f"{self.prefix} {self.full}"
            if rng.random() < 0.5:
                return f"{self.role}, {self.full},"
            return f"{self.full}, {self.role},"
        if self.prefix == "Dr." and rng.random() < 0.15:
            return f"Dr. {self.last}"
        if rng.random() < 0.07:
            return f"{'Mr.' if self.pronoun == 'he' else 'Ms.'} {self.last}"
        return self.last


def _acronym(name: str) -> str:
    words = name.removeprefix("the ").replace("-", " ")
    return "".join(w[0] for w in words if w[0].isupper() and w not in {"The"})


def _make_orgs(rng: random.Random, city: str, nationality: str) -> list[str]:
    city_name = city.split(",")[0].title()
    pool = [
        f"the {city_name} Institute of {rng.choice(FIELDS)}",
        f"the Ministry of {rng.choice(FIELDS)}",
        f"the {nationality} Federation of {rng.choice(GROUPS)}",
        f"{rng.choice(SURNAMES)} {rng.choice(INDUSTRY)}",
        f"the Association of {city_name} {rng.choice(GROUPS)}",
        f"the Office of {rng.choice(FIELDS)}",
        f"the University of {rng.choice(('the Southern Cordillera', 'the Andean Foothills'))}",
        f"the Center for {rng.choice(FIELDS)}",
    ]
    rng.shuffle(pool)
    return pool[:3]


ROLE_PREFIXES = (
    ("Mayor", "the city’s mayor"),
    ("Dr.", "a researcher at {org}"),
    ("Gen.", "a retired army general who advises {org}"),
    ("Sen.", "the chair of the subcommittee"),
    ("Prof.", "a professor at {org}"),
    ("Councilwoman", "a member of the city council"),
    ("Minister", "the minister responsible for {field}"),
    ("", "the spokesperson for {org}"),
    ("", "the director of {org}"),
    ("", "the owner of a small business in {district}"),
    ("", "the chief executive of {org}"),
    ("", "a lawyer representing residents"),
)


def _make_people(rng: random.Random, orgs: list[str], k: int) -> list[Person]:
    people: list[Person] = []
    surnames = rng.sample(SURNAMES, k)
    for last in surnames:
        she = rng.random() < 0.5
        first = rng.choice(FIRST_F if she else FIRST_M)
        prefix, role = rng.choice(ROLE_PREFIXES)
        if prefix == "Councilwoman" and not she:
            prefix = "Councilman"
        role = role.format(org=rng.choice(orgs), field=rng.choice(FIELDS).lower(),
                           district=rng.choice(DISTRICTS))  # fmt: skip
        if role.startswith("the spokesperson"):
            role = role.replace("spokesperson", "spokeswoman" if she else "spokesman")
        people.append(Person(first, last, "she" if she else "he", prefix, role))
    return people


# --- paragraphs ----------------------------------------------------------------------------------


class _Writer:
    """Holds one article's cast and produces paragraphs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.city = self.place[0]
        self.city_name = self.city.split(",")[0].title()
        self.topic = rng.choice(TOPICS)
        self.orgs = _make_orgs(rng, self.city, self.place[2])
        self.orgs_seen: set[str] = set()
        self.new_cast()
        self.last_speaker: Person | None = None

    def org(self) -> str:
        """An organisation: first mention sometimes with its acronym, later sometimes by it."""
        name = self.rng.choice(self.orgs)
        acronym = _acronym(name)
        if len(acronym) < 3 or not name.startswith("the "):
            return name
        if name not in self.orgs_seen:
            self.orgs_seen.add(name)
            return f"{name} ({acronym})" if self.rng.random() < 0.4 else name
        return f"the {acronym}" if self.rng.random() < 0.3 else name

    def new_cast(self) -> None:
        self.people = _make_people(self.rng, self.orgs, self.rng.randint(4, 7))

    # small helpers
    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            thing=r.choice(self.topic[0]),
            issue=r.choice(self.topic[2]),
            place=self.city_name,
            n=r.randint(3, 40),
            district=r.choice(DISTRICTS),
        )

    def quote(self, k: int = 1) -> str:
        return " ".join(self.fill(q) for q in self.rng.sample(QUOTES, k))

    def speaker(self) -> Person:
        p = self.rng.choice(self.people)
        self.last_speaker = p
        return p

    @staticmethod
    def comma_quote(q: str) -> str:
        """“Sentence.” → “Sentence,” (question marks stay)."""
        return q[:-1] + "," if q.endswith(".") else q

    def money(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"${r.randint(1, 9)}.{r.randint(1, 9)} billion"
        return f"${r.randint(12, 950)} million"

    # paragraph kinds
    def lead(self) -> str:
        r = self.rng
        thing = r.choice(self.topic[0])
        body = self.topic[1]
        day = r.choice(WEEKDAYS)
        b = r.randint(9, 30)
        a = b + r.randint(1, 12)
        return (
            f"The {body} in {self.city_name} voted {a}-{b} on {day} to approve a {self.money()} "
            f"{thing}, ending months of argument over {r.choice(self.topic[2])} that divided "
            f"{r.choice(DISTRICTS)} and drew complaints from {self.org()}."
        )

    def narrative(self) -> str:
        r = self.rng
        thing, issue = r.choice(self.topic[0]), r.choice(self.topic[2])

        def pct() -> str:
            return f"{r.randint(1, 60)}.{r.randint(1, 9)} percent"

        sentences = (
            lambda: (
                f"The {thing} is expected to cost {self.money()}, about {pct()} more than "
                f"first planned."
            ),
            lambda: (
                f"A meeting on {issue} began at {r.randint(7, 11)}:"
                f"{r.choice(('00', '15', '30'))} a.m. and ran past {r.randint(6, 11)} p.m."
            ),
            lambda: (
                f"Officials in {r.choice(DISTRICTS)} said {issue} had cut local income by {pct()}."
            ),
            lambda: (
                f"{r.choice(NATIONALITIES)} and {r.choice(NATIONALITIES)} companies have "
                f"bid for the work on the {thing}."
            ),
            lambda: f"U.S. investors hold a stake of {pct()} in {self.org()}.",
            lambda: (
                f"Hundreds of residents gathered outside the building, some holding banners "
                f"about {issue}."
            ),
            lambda: f"The figures were published by {self.org()} late on {r.choice(WEEKDAYS)}.",
            lambda: (
                f"Similar projects in {r.choice(PLACES)[0].title()} took {r.randint(2, 9)} "
                f"years longer than promised."
            ),
            lambda: (
                f"Turnout at the public hearings was {pct()}, the highest since "
                f"{r.randint(1990, 2014)}."
            ),
            lambda: (
                f"The vote is expected on {r.choice(WEEKDAYS)}, though critics want it delayed "
                f"until {issue} has been studied."
            ),
        )
        return " ".join(f() for f in r.sample(sentences, r.randint(2, 3)))

    def quote_after(self) -> str:
        p = self.speaker()
        quotes = [self.fill(q) for q in self.rng.sample(QUOTES, self.rng.randint(1, 2))]
        first = self.comma_quote(quotes[0])
        who = p.mention(self.rng)
        verb = self.rng.choice(VERBS_SAID)
        if len(quotes) == 1:
            return f"{LQ}{first}{RQ} {who} {verb}."
        return f"{LQ}{first}{RQ} {who} {verb}. {LQ}{quotes[1]}{RQ}"

    def said_name(self) -> str:
        p = self.speaker()
        who = p.mention(self.rng).rstrip(",")
        return f"{LQ}{self.comma_quote(self.quote())}{RQ} said {who}."

    def quote_before(self) -> str:
        p = self.speaker()
        who = p.mention(self.rng)
        lead = self.rng.choice(("", f"Asked about {self.rng.choice(self.topic[2])}, "))
        return f"{lead}{who} said: {LQ}{self.quote(self.rng.randint(1, 2))}{RQ}"

    def partial(self) -> str:
        p = self.speaker()
        who = p.mention(self.rng)
        thing = self.rng.choice(self.topic[0])
        action = self.fill(self.rng.choice(ACTIONS))
        return (
            f"{who} called the {thing} {LQ}{self.rng.choice(PARTIALS)}{RQ} and said "
            f"{self.org()} {action}."
        )

    def reported(self) -> str:
        p = self.speaker()
        who = p.mention(self.rng)
        action = self.fill(self.rng.choice(ACTIONS))
        return f"{who} said {self.org()} {action}."

    def pronoun(self) -> str:
        p = self.last_speaker
        if p is None or not p.introduced:
            return self.said_name()
        verb = self.rng.choice(("added", "said"))
        return f"{LQ}{self.comma_quote(self.quote())}{RQ} {p.pronoun} {verb}."

    def across(self) -> str:
        """A quote over two paragraphs: no closing mark at the end of the first."""
        p = self.speaker()
        who = p.mention(self.rng)
        first = self.comma_quote(self.quote())
        return f"{LQ}{first}{RQ} {who} said. {LQ}{self.quote()}\n\n{LQ}{self.quote(2)}{RQ}"

    def paragraph(self) -> str:
        kinds = (
            (self.narrative, 4),
            (self.quote_after, 3),
            (self.said_name, 1),
            (self.quote_before, 2),
            (self.partial, 1),
            (self.reported, 2),
            (self.pronoun, 1),
            (self.across, 1),
        )
        fn = self.rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        return fn()

    def header(self) -> str:
        r = self.rng
        date = _dt.date(2015, 1, 1) + _dt.timedelta(days=r.randrange(3650))
        city, country, _ = self.place
        where = f"{city}, {country}" if country else city
        return f" date {date.isoformat()} {where} ({r.choice(AGENCIES)}) {DASH} "


def make_article(rng: random.Random, *, paragraphs: int = 12, truncated: bool = False) -> str:
    """One news-wire article of about ``paragraphs`` paragraphs (a two-paragraph quote counts 2).

    ``truncated`` cuts the last paragraph mid-word, like a wire feed that stopped short.
    """
    w = _Writer(rng)
    parts = [w.header() + w.lead()]
    count = 1
    while count < paragraphs:
        para = w.paragraph()
        parts.append(para)
        count += para.count("\n\n") + 1
    text = "\n\n".join(parts)
    if truncated:
        last = text.rfind("\n\n") + 2
        cut = rng.randrange(last + (len(text) - last) // 3, len(text) - 2)
        while cut < len(text) - 1 and not (text[cut - 1].isalpha() and text[cut].isalpha()):
            cut += 1
        text = text[:cut]
    return text


def make_text(n_chars: int, seed: int = 0) -> str:
    """One long article of about ``n_chars`` characters (never less), with many paragraphs."""
    rng = random.Random(seed)
    w = _Writer(rng)
    parts = [w.header() + w.lead()]
    total = len(parts[0])
    n = 0
    while total < n_chars:
        n += 1
        if n % 40 == 0:  # new people now and then, so names keep being introduced
            w.new_cast()
        para = w.paragraph()
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)


def write_corpus(
    folder: Path,
    count: int,
    seed: int = 0,
    nested: bool = True,
    per_folder: int = 100,
) -> list[Path]:
    """Write ``count`` articles under ``folder`` (in subfolders of ``per_folder`` if ``nested``).

    File names look like the real feed's: ``0042_3f9c0a1b2c3d4e5f.txt``. About 2 % of the articles
    are truncated mid-word. Deterministic for a given ``seed``.
    """
    folder = Path(folder)
    rng = random.Random(seed)
    paths: list[Path] = []
    made: set[Path] = set()
    for i in range(count):
        sub = folder / f"{i // per_folder:03d}" if nested else folder
        if sub not in made:
            sub.mkdir(parents=True, exist_ok=True)
            made.add(sub)
        text = make_article(rng, paragraphs=rng.randint(6, 18), truncated=rng.random() < 0.02)
        path = sub / f"{i:04d}_{rng.getrandbits(64):016x}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic news-wire articles.")
    parser.add_argument("out_dir", nargs="?", type=Path, help="folder for --count articles")
    parser.add_argument("--count", type=int, default=1000, help="number of articles (1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--flat", action="store_true", help="no subfolders")
    parser.add_argument("--one-mb", type=Path, metavar="FILE", help="write one ~1 MB article")
    args = parser.parse_args(argv)
    if args.out_dir is None and args.one_mb is None:
        parser.error("give OUT_DIR, --one-mb FILE, or both")
    if args.out_dir is not None:
        t0 = time.perf_counter()
        paths = write_corpus(args.out_dir, args.count, args.seed, nested=not args.flat)
        print(f"wrote {len(paths)} articles to {args.out_dir} in {time.perf_counter() - t0:.2f}s")
    if args.one_mb is not None:
        t0 = time.perf_counter()
        text = make_text(1_000_000, args.seed)
        args.one_mb.parent.mkdir(parents=True, exist_ok=True)
        args.one_mb.write_bytes(text.encode("utf-8"))
        print(f"wrote {len(text):,} chars to {args.one_mb} in {time.perf_counter() - t0:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
