"""Reading and writing the panel for a page of the panel window: on the window's database
worker (gui/panel_worker.py) when the page has one, on the page's own Store when it stands
alone (a page opened by itself, as the tests do).

The worker's `call` keeps the window drawing while the work runs on its thread; the page gets
the answer back as if it had read it itself, so a page's `refresh()` stays a plain call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from judgepanel.core.store import Store
from judgepanel.gui.panel_worker import PanelWorker

T = TypeVar("T")


class HasPanel(Protocol):
    """A page (or the window): its Store, and the window's worker once it is given one."""

    @property
    def store(self) -> Store: ...

    @property
    def worker(self) -> PanelWorker | None: ...


def on_worker(holder: HasPanel, work: Callable[[Store], T]) -> T:
    """`work(store)` on the worker's thread and connection, or here without a worker (or
    once the window has stopped it, as it closes)."""
    worker = holder.worker
    if worker is None or not worker.running:
        return work(holder.store)
    return cast(T, worker.call(work))


def window_worker(parent: Any) -> PanelWorker | None:
    """The worker of the window a page is made in (None for a page standing alone), so the
    page's first reading goes through it too."""
    worker = getattr(parent, "worker", None)
    return worker if isinstance(worker, PanelWorker) else None
