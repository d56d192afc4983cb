"""Every key binding the interface defines, read from the classes' ``BINDINGS``.

The config file remaps bindings by id; this is the list its ids are checked against and that
``reader --print-config`` prints. It imports every module of ``reader.ui``, so the app calls it
only after the first frame, and only when the config file remaps keys.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

from textual.binding import Binding, BindingType

from reader.config import BindingInfo


def ui_classes() -> Iterator[type]:
    """Every class defined in a module of ``reader.ui`` that declares its own ``BINDINGS``."""
    import reader.ui

    for module_info in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                yield cls


def declared_bindings() -> Iterator[tuple[type, BindingType]]:
    """Each class with each binding (a Binding or a tuple) it declares."""
    for cls in ui_classes():
        for binding in vars(cls)["BINDINGS"]:
            yield cls, binding


def binding_infos() -> list[BindingInfo]:
    """Every binding id, once, with its default keys and description, in a stable order."""
    infos: dict[str, BindingInfo] = {}
    for _, binding in declared_bindings():
        if isinstance(binding, Binding) and binding.id and binding.id not in infos:
            infos[binding.id] = BindingInfo(binding.id, binding.key, binding.description)
    return sorted(infos.values(), key=lambda info: info.id)
