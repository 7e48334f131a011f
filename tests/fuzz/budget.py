"""The memory and time budget every fuzz case is held to."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Spent:
    """What one case cost: CPU seconds of this process and the peak of traced memory."""

    seconds: float = 0.0
    peak_bytes: int = 0


@contextmanager
def measured() -> Iterator[Spent]:
    """Measure the CPU time and the traced memory peak of the block (CPU time, not wall time,
    so a loaded machine does not make a case fail)."""
    spent = Spent()
    tracemalloc.start()
    started = time.process_time()
    try:
        yield spent
    finally:
        spent.seconds = time.process_time() - started
        spent.peak_bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def within(call: Callable[[], T], *, seconds: float, megabytes: int) -> T:
    """``call()``, asserting it stayed within ``seconds`` of CPU and ``megabytes`` of memory."""
    with measured() as spent:
        result = call()
    assert spent.seconds < seconds, f"took {spent.seconds:.2f} s of CPU (budget {seconds} s)"
    assert spent.peak_bytes < megabytes << 20, (
        f"peaked at {spent.peak_bytes >> 20} MB (budget {megabytes} MB)")
    return result
