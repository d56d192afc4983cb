"""Result types of entity extraction: plain frozen dataclasses, JSON-ready through ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "GROUP")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent with all its mentions, in text order.

    ``aliases`` are the other surface forms the text uses for it (surname alone, all-caps
    dateline, a second spelling). ``place`` is set on a GROUP formed from a nationality
    adjective and names the country it belongs to ("Norwegian" -> "Norway"); it is extra
    information and not part of the ``reader extract`` contract, so ``to_dict`` leaves it out.
    """

    name: str
    type: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    role: str | None = None
    place: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }
