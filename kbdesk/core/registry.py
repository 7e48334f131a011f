"""Named plugins: a table in the core, extendable by other packages through entry points.

Importers and exporters each have a :class:`Registry`. Built-in plugins are listed in the
registry as ``name -> "module:attribute"`` and loaded on first use, so the CLI's start stays
fast; a separate package adds its own through the entry-point group (``kbdesk.importers``,
``kbdesk.exporters``), the way MkDocs finds plugins.

Every plugin is checked when it is loaded (``check``: the shape of the kind's protocol). A
plugin that cannot be imported or has the wrong shape is *broken*: asking for it by name
raises :class:`BrokenPlugin` naming it, and listing the plugins (:meth:`Registry.plugins`)
leaves it out, logs it and keeps the reason in :meth:`Registry.broken`. A broken plugin never
stops the app or another plugin.
"""

from __future__ import annotations

import functools
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from kbdesk.core.errors import BrokenPlugin, UnknownPlugin

log = logging.getLogger(__name__)

T = TypeVar("T")


def _load_spec(spec: str) -> object:
    """The object ``"module:attribute"`` names (the attribute may be dotted)."""
    module, _, attr = spec.partition(":")
    obj: object = importlib.import_module(module)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


class Registry(Generic[T]):
    """Plugins of one kind, by name.

    Args:
        group: the entry-point group other packages register in.
        builtin: ``{name: "module:attribute"}`` of the plugins that ship with kbdesk.
        check: turns a loaded object into a plugin of this kind, or raises
            :class:`BrokenPlugin` saying what it lacks (``check(obj, name)``).
    """

    def __init__(self, group: str, builtin: dict[str, str],
                 check: Callable[[object, str], T]) -> None:
        self.group = group
        self._builtin = dict(builtin)
        self._check = check
        self._lock = threading.Lock()
        self._loaders: dict[str, Callable[[], object]] = {}
        self._loaded: dict[str, T] = {}
        self._broken: dict[str, str] = {}
        self._registered: dict[str, T] = {}
        self._scanned = False

    def register(self, name: str, plugin: object) -> None:
        """Register ``plugin`` under ``name`` (replacing one of the same name); it is checked
        now (:class:`BrokenPlugin` if it has the wrong shape)."""
        checked = self._check(plugin, name)
        with self._lock:
            self._registered[name] = checked
            self._loaded[name] = checked
            self._broken.pop(name, None)

    def forget(self, name: str) -> None:
        """Take back a plugin given to :meth:`register` (a built-in or an entry point of that
        name is found again)."""
        with self._lock:
            self._registered.pop(name, None)
            self._loaded.pop(name, None)

    def refresh(self) -> None:
        """Forget what was loaded and read the entry points again (after installing or
        removing a plugin package)."""
        with self._lock:
            self._scanned = False
            self._loaders.clear()
            self._loaded = dict(self._registered)
            self._broken.clear()

    def _scan(self) -> None:
        with self._lock:
            if self._scanned:
                return
            loaders: dict[str, Callable[[], object]] = {
                name: functools.partial(_load_spec, spec) for name, spec in self._builtin.items()}
            try:
                found = list(entry_points(group=self.group))
            except Exception as exc:  # a damaged installed distribution's metadata
                log.warning("the %s entry points cannot be read: %s", self.group, exc)
                found = []
            for ep in found:
                if ep.name in loaders:
                    log.warning("%s plugin %r (%s) ignored: a built-in plugin has that name",
                                self.group, ep.name, ep.value)
                    continue
                loaders[ep.name] = ep.load
            self._loaders = loaders
            self._scanned = True

    def names(self) -> list[str]:
        """Every registered name (broken plugins included), sorted."""
        self._scan()
        return sorted({*self._loaders, *self._loaded})

    def get(self, name: str) -> T:
        """The plugin called ``name``, loaded on first use.

        Raises:
            UnknownPlugin: no plugin has that name.
            BrokenPlugin: the plugin cannot be imported or has the wrong shape.
        """
        self._scan()
        with self._lock:
            if name in self._loaded:
                return self._loaded[name]
            if name in self._broken:
                raise BrokenPlugin(self._broken[name], name)
            loader = self._loaders.get(name)
        if loader is None:
            known = ", ".join(self.names()) or "none"
            raise UnknownPlugin(f"no {self.group} plugin called {name!r} (known: {known})")
        try:
            obj = loader()
            plugin = self._check(obj() if isinstance(obj, type) else obj, name)
        except BrokenPlugin as exc:
            self._mark_broken(name, str(exc))
            raise
        except Exception as exc:  # any failure of a plugin's own code: import, constructor
            message = (f"{self.group} plugin {name!r} cannot be loaded: "
                       f"{type(exc).__name__}: {exc}")
            self._mark_broken(name, message)
            raise BrokenPlugin(message, name) from exc
        with self._lock:
            self._loaded[name] = plugin
        return plugin

    def _mark_broken(self, name: str, message: str) -> None:
        log.warning("%s", message)
        with self._lock:
            self._broken[name] = message

    def plugins(self) -> list[tuple[str, T]]:
        """Every usable plugin by name, sorted; broken ones are left out (see :meth:`broken`)."""
        usable: list[tuple[str, T]] = []
        for name in self.names():
            try:
                usable.append((name, self.get(name)))
            except BrokenPlugin:
                continue
        return usable

    def broken(self) -> dict[str, str]:
        """The plugins found broken so far: name -> what is wrong (load them all first with
        :meth:`plugins`)."""
        with self._lock:
            return dict(self._broken)

    def __iter__(self) -> Iterator[tuple[str, T]]:
        return iter(self.plugins())
