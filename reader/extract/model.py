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
            # Mention.to_dict written out: an entity's mentions are the most of the output
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
        }


QUOTE_KINDS = ("direct", "partial", "continuation", "reported")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation or piece of reported speech: ``text == article_text[start:end]``.

    ``speaker`` is the speaker's canonical entity name, or a plain description ("police") when
    the text names no entity, or None when the text does not say who spoke (unattributed).
    ``speaker_entity`` is the linked entity's name (None for descriptions and unattributed
    quotes). ``cue`` is the verb of saying ("said", "according to") at ``cue_start:cue_end``.
    ``kind`` is one of ``QUOTE_KINDS``.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_entity: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "cue": self.cue,
            "kind": self.kind,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
        }
