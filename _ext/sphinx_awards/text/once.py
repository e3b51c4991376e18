"""Things said once a build: a note that would repeat for every page (a
language without number words, a cache folder refused) is given the first
time only. ``forget`` starts the count again at each build's start
(``builder-inited``), so that a second build in one process (as
sphinx-autobuild runs them) says it again; ``functools.cache`` would not."""

from __future__ import annotations

from collections.abc import Hashable

_said: set[Hashable] = set()


def first_time(key: Hashable) -> bool:
    """True the first time ``key`` is asked about in this build."""
    if key in _said:
        return False
    _said.add(key)
    return True


def forget() -> None:
    """Start a new build: everything may be said again."""
    _said.clear()
