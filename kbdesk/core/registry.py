"""Named plugins: a table in the core, extendable by other packages through entry points.

Importers and exporters each have a :class:`Registry`. Built-in plugins are listed in the
registry as ``name -> "module:attribute"`` and loaded on first use, so the CLI's start stays
fast; a separate package adds its own through the entry-point group (``kbdesk.importers``,
``kbdesk.exporters``), the way MkDocs finds plugins.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from kbdesk.core.errors import UnknownPlugin

log = logging.getLogger(__name__)

T = TypeVar("T")


class Registry(Generic[T]):
    """Plugins of one kind, by name.

    Args:
        group: the entry-point group other packages register in.
        builtin: ``{name: "module:attribute"}`` of the plugins that ship with kbdesk.
    """

    def __init__(self, group: str, builtin: dict[str, str]) -> None:
        self.group = group
        self._specs = dict(builtin)
        self._loaded: dict[str, T] = {}
        self._scanned = False

    def register(self, name: str, plugin: T) -> None:
        """Register ``plugin`` under ``name`` (replacing one of the same name)."""
        self._loaded[name] = plugin
        self._specs.pop(name, None)

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        for ep in entry_points(group=self.group):
            self._specs.setdefault(ep.name, ep.value)

    def names(self) -> list[str]:
        """Every registered name, sorted."""
        self._scan()
        return sorted({*self._specs, *self._loaded})

    def get(self, name: str) -> T:
        """The plugin called ``name``, loaded on first use."""
        self._scan()
        if name in self._loaded:
            return self._loaded[name]
        spec = self._specs.get(name)
        if spec is None:
            known = ", ".join(self.names()) or "none"
            raise UnknownPlugin(f"no {self.group} plugin called {name!r} (known: {known})")
        module, _, attr = spec.partition(":")
        obj = importlib.import_module(module)
        for part in attr.split(".") if attr else ():
            obj = getattr(obj, part)
        plugin: T = obj() if isinstance(obj, type) else obj  # type: ignore[assignment]
        self._loaded[name] = plugin
        return plugin

    def __iter__(self) -> Iterator[tuple[str, T]]:
        for name in self.names():
            yield name, self.get(name)
