"""Every binding of the interface has an id, so that config.toml can remap it."""

from __future__ import annotations

from textual.binding import Binding

from reader.ui.bindings import binding_infos, declared_bindings, ui_classes


def test_every_binding_has_an_id() -> None:
    declared = list(declared_bindings())
    assert len(declared) > 50
    missing = [
        f"{cls.__module__}.{cls.__name__}: {binding!r}"
        for cls, binding in declared
        if not isinstance(binding, Binding) or not binding.id
    ]
    assert missing == []


def test_the_screens_and_widgets_are_all_looked_at() -> None:
    names = {cls.__name__ for cls in ui_classes()}
    assert {"ReaderApp", "ArticleView", "ReadingScreen", "LibraryScreen", "HelpScreen"} <= names


def test_each_id_once_with_keys_and_description() -> None:
    infos = binding_infos()
    ids = [info.id for info in infos]
    assert len(ids) == len(set(ids))
    by_id = {info.id: info for info in infos}
    assert by_id["sentence.next"].keys == "j,down"
    assert by_id["sentence.next"].description == "Next sentence"
    assert all(info.keys for info in infos)
