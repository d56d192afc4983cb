"""The extraction pipeline: candidates -> typed mentions -> clusters -> entities."""

from __future__ import annotations

from .candidates import Lines, segments
from .classify import Raw, classify
from .coref import Cluster, cluster
from .lexicon import fold, lexicon
from .model import Entity, Mention
from .roles import context_role, title_role


def extract_entities(text: str) -> list[Entity]:
    """People, organisations, places and groups in ``text``, most mentioned first.

    Offsets are ``str`` indices into ``text``. Never raises for any ``str``; anything else
    gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon()
    raws: list[Raw] = []
    for seg in segments(text, lex, Lines(text)):
        raws.extend(r for r in classify(seg, text, lex) if r.end > r.start)
    raws.sort(key=lambda r: r.start)
    entities = [_entity(c, text) for c in cluster(raws, text, lex)]
    entities = [e for e in entities if e is not None]
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
    return entities


def _entity(c: Cluster, text: str) -> Entity | None:
    raws = sorted(c.raws, key=lambda r: r.start)
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for r in raws:
        if (r.start, r.end) not in seen and text[r.start : r.end] == r.text:
            seen.add((r.start, r.end))
            mentions.append(Mention(r.start, r.end, r.text))
    if not mentions:
        return None
    name = _name(c, raws)
    aliases: list[str] = []
    keys = {fold(name)}
    for m in mentions:
        k = fold(m.text)
        if k not in keys or (m.text.isupper() and not name.isupper() and m.text not in aliases):
            keys.add(k)
            if m.text != name:
                aliases.append(m.text)
    role = _role(raws, text) if c.type == "PERSON" else None
    place = c.canon if c.type == "GROUP" and c.canon not in ("", "-") else None
    return Entity(name, c.type, tuple(mentions), tuple(aliases), role, place)


def _name(c: Cluster, raws: list[Raw]) -> str:
    if c.type == "PLACE" and c.canon:
        return c.canon
    texts = [r.text for r in raws]
    mixed = [t for t in texts if not t.isupper()]
    if not mixed:
        mixed = [t.title() for t in texts] if c.type == "PERSON" else texts
    if c.type == "PERSON":
        return max(mixed, key=lambda t: (len(t.split()), -texts.index(t) if t in texts else 0))
    if c.type == "GROUP":
        return min(mixed, key=len)
    return max(mixed, key=len)


def _role(raws: list[Raw], text: str) -> str | None:
    for r in raws:
        if r.title:
            role = title_role(r.title)
            if role:
                return role
    for r in raws:
        role = context_role(text, r.start, r.end)
        if role:
            return role
    return None
