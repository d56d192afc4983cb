"""The entities pane: who and what the article is about, grouped by type, with a card for each.

Moving through the list lights up the highlighted entity's mentions in the reading pane; Enter,
``n`` and ``N`` jump between them. The list is filled from a worker (extraction never runs on the UI
thread); until then it says it is looking.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.article import Article
from reader.extract import ENTITY_TYPES, Entity, Quote
from reader.inert import inert_line
from reader.ui.hanging import HangingText
from reader.ui.widgets.search_bar import SearchBar

GROUP_TITLES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "GROUP": "Groups"}
KIND_NAMES = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "GROUP": "group"}
#: Sentences quoted on an entity's card; the rest are counted.
CARD_SENTENCES = 8
#: Characters of each sentence shown on the card.
CARD_SENTENCE_CHARS = 160


def entity_prompt(entity: Entity) -> Text:
    prompt = Text(no_wrap=True, overflow="ellipsis")
    prompt.append(inert_line(entity.name), style="bold")
    prompt.append(f" ×{len(entity.mentions)}", style="dim")
    if entity.role:
        prompt.append(f" · {inert_line(entity.role)}", style="italic dim")
    return prompt


def entity_card(
    article: Article, entity: Entity, quotes: list[Quote] | None = None, elsewhere: int = 0
) -> Text:
    """Name, type, role and aliases, in how many other articles, what the entity said, then
    the sentences that mention it."""
    card = Text()
    card.append(inert_line(entity.name), style="bold")
    card.append(f"  {KIND_NAMES.get(entity.type, entity.type.lower())}\n", "dim")
    if elsewhere:
        others = "1 other article" if elsewhere == 1 else f"{elsewhere:,} other articles"
        card.append(f"in {others} · o: across the library\n", style="italic")
    if entity.role:
        card.append(f"{inert_line(entity.role)}\n", style="italic")
    if entity.aliases:
        card.append("also: " + inert_line(", ".join(entity.aliases)) + "\n", style="dim")
    card.append(f"{len(entity.mentions)} mention{'s' if len(entity.mentions) != 1 else ''}\n")
    said = [q for q in quotes or [] if entity.name in (q.speaker_entity, q.speaker)]
    if said:
        card.append(f"\nSaid ({len(said)}):\n", style="bold")
        for quote in said[:CARD_SENTENCES]:
            snippet = inert_line(" ".join(quote.text.split()))
            if len(snippet) > CARD_SENTENCE_CHARS:
                snippet = snippet[:CARD_SENTENCE_CHARS].rstrip() + "…"
            card.append(f"“{snippet}”", style="italic")
            # a quote that goes on from one before it has no cue of its own: no empty "()"
            card.append(f" ({inert_line(quote.cue)})" if quote.cue else "", style="dim")
            card.append("\n")
        card.append("\nMentioned in:\n", style="bold")
    seen: list[tuple[int, int]] = []
    for mention in entity.mentions:
        sentence = article.sentence_at(mention.start)
        if sentence is not None and (sentence.start, sentence.end) not in seen:
            seen.append((sentence.start, sentence.end))
    for start, end in seen[:CARD_SENTENCES]:
        snippet = inert_line(article.text[start:end])
        if len(snippet) > CARD_SENTENCE_CHARS:
            snippet = snippet[:CARD_SENTENCE_CHARS].rstrip() + "…"
        card.append("\n• " + snippet + "\n")
    if len(seen) > CARD_SENTENCES:
        card.append(f"\n… and {len(seen) - CARD_SENTENCES} more sentences\n", style="dim")
    return card


class EntitiesPane(Vertical):
    """A filterable list of the article's entities and a card for the highlighted one."""

    BINDINGS = [
        Binding("n", "jump(1)", "Next mention", id="entities.next"),
        Binding("N", "jump(-1)", "Previous mention", id="entities.previous", show=False),
        Binding("slash", "filter", "Filter", id="entities.filter", key_display="/"),
        Binding("o", "across", "Across the library", id="entities.across"),
    ]

    class Across(Message):
        """Show the highlighted entity across the library (its other articles and quotes)."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Highlighted(Message):
        """The reader moved to an entity: light up its mentions."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class Jump(Message):
        """Go to the next (``step`` 1) or previous (-1) mention of the highlighted entity."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def __init__(self, article: Article, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.entities: list[Entity] | None = None
        self.quotes: list[Quote] | None = None
        #: In how many other indexed articles each entity is mentioned, by name.
        self.elsewhere: dict[str, int] = {}
        self.needle = ""

    def compose(self) -> ComposeResult:
        yield SearchBar("Filter entities (Esc clears)", id="entity-filter")
        yield OptionList(
            Option("Finding people, places and organisations…", disabled=True), id="entity-list"
        )
        # The card follows the list; it is read, not visited, so it stays out of the tab order.
        with VerticalScroll(id="entity-card-box", can_focus=False):
            yield Static(id="entity-card")

    def set_entities(self, entities: list[Entity]) -> None:
        """Show the extractor's result (called once, from the screen)."""
        self.entities = entities
        self._fill()

    def set_quotes(self, quotes: list[Quote]) -> None:
        """Quotes arrive after the entities; the card then lists what a person said."""
        self.quotes = quotes
        self._show_card()

    def set_elsewhere(self, counts: dict[str, int]) -> None:
        """From the library index, last: the card then says where else the entity is."""
        self.elsewhere = counts
        self._show_card()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "across":
            entity = self.highlighted
            return entity is not None and entity.name in self.elsewhere
        return True

    def action_across(self) -> None:
        entity = self.highlighted
        if entity is not None:
            self.post_message(self.Across(entity.name))

    def _show_card(self) -> None:
        entity = self.highlighted
        if entity is not None:
            card = entity_card(
                self.article, entity, self.quotes, self.elsewhere.get(entity.name, 0)
            )
            self.query_one("#entity-card", Static).update(HangingText(card))

    @property
    def highlighted(self) -> Entity | None:
        option_list = self.query_one("#entity-list", OptionList)
        if self.entities is None or option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        return self.entities[int(option.id)] if option.id is not None else None

    def _fill(self) -> None:
        option_list = self.query_one("#entity-list", OptionList)
        option_list.clear_options()
        entities = self.entities or []
        if not entities:
            option_list.add_option(Option("No names found in this article", disabled=True))
            return
        options: list[Option] = []
        for kind in ENTITY_TYPES:
            group = [
                (index, entity)
                for index, entity in enumerate(entities)
                if entity.type == kind and self._matches(entity)
            ]
            if group:
                title = Text(f"{GROUP_TITLES[kind]} {len(group)}", style="bold underline")
                options.append(Option(title, disabled=True))
                options.extend(Option(entity_prompt(e), id=str(i)) for i, e in group)
        if not options:
            options.append(Option(Text(f"Nothing matches {self.needle!r}"), disabled=True))
        option_list.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            option_list.highlighted = first

    def _matches(self, entity: Entity) -> bool:
        if not self.needle:
            return True
        names = (entity.name, *entity.aliases, entity.role or "")
        return any(self.needle in name.casefold() for name in names)

    @on(OptionList.OptionHighlighted, "#entity-list")
    def light_up(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entity = self.highlighted
        if entity is None:
            return
        self._show_card()
        self.refresh_bindings()
        # Mentions light up only while the reader is in the list, not when it is filled.
        if self.query_one("#entity-list", OptionList).has_focus:
            self.post_message(self.Highlighted(entity))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        entity = self.highlighted
        if event.widget.id == "entity-list" and entity is not None:
            self.post_message(self.Highlighted(entity))

    @on(OptionList.OptionSelected, "#entity-list")
    def jump_on_enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(1))

    def action_jump(self, step: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Jump(step))

    def on_mount(self) -> None:
        # Hidden until ``/``: out of the tab order, so tab goes straight to the list.
        self.query_one("#entity-filter", SearchBar).display = False

    def action_filter(self) -> None:
        bar = self.query_one("#entity-filter", SearchBar)
        bar.display = True
        bar.focus()

    def focus_list(self) -> None:
        self.query_one("#entity-list", OptionList).focus()

    @on(SearchBar.Cancelled, "#entity-filter")
    def clear_filter(self, event: SearchBar.Cancelled) -> None:
        event.stop()
        bar = self.query_one("#entity-filter", SearchBar)
        bar.value = ""
        bar.display = False
        self.focus_list()

    @on(SearchBar.Changed, "#entity-filter")
    def filter_as_typed(self, event: SearchBar.Changed) -> None:
        event.stop()
        self.needle = event.value.strip().casefold()
        if self.entities is not None:
            self._fill()

    @on(SearchBar.Submitted, "#entity-filter")
    def done_filtering(self, event: SearchBar.Submitted) -> None:
        event.stop()
        bar = self.query_one("#entity-filter", SearchBar)
        bar.display = bool(bar.value)
        self.focus_list()
