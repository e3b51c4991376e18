"""A data file's checked result, reused while the file's bytes are the same.

Within a build, several directives and pages read the same file: the result
is kept in memory. Across builds (a rebuild after a page was edited, the
worker processes of ``-j``, sphinx-autobuild's rebuilds) it is kept as a
pickle in the doctree directory, named by the file's path and the digest of
its content, and made by this version of the extension. Only a file whose
bytes changed is parsed and checked again; only then are the YAML parser and
the checks imported.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import partial
from pathlib import Path

from .files import DEFAULT_MAX_BYTES, digest, read_bytes
from .model import LoadResult
from .problems import Problem
from .sharedcache import code_identity, is_private, store_private

_in_memory: dict[tuple[str, str], LoadResult] = {}
#: What can go wrong reading a pickle someone else's build left (or a torn one).
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)


def load_awards(
    path: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    shared_dir: Path | None = None,
    known_digest: str | None = None,
) -> LoadResult:
    """Read and check a data file; never raises for bad input.

    ``cache_dir`` (the doctree directory's ``sphinx_awards``) keeps results
    across processes; without it, results are kept for this process only.
    ``shared_dir`` (``awards_cache``, ``sharedcache.py``) keeps them across
    clean builds too. With ``known_digest`` (the file is as it was when that
    digest was taken: ``datafiles.load``), a stored result is used without
    reading the file.
    """
    if known_digest is not None:
        key = (path, known_digest)
        stored = _stored_path(cache_dir, *key) if cache_dir is not None else None
        known = _in_memory.get(key) or (_read_stored(stored) if stored is not None else None)
        if known is not None:
            _in_memory[key] = known
            return known
    raw = read_bytes(path, max_bytes)
    if isinstance(raw, Problem):
        return LoadResult(None, (raw,))
    key = (path, digest(raw))
    if key in _in_memory:
        return _in_memory[key]
    stored = _stored_path(cache_dir, *key) if cache_dir is not None else None
    shared = _shared_path(shared_dir, *key) if shared_dir is not None else None
    result = _read_stored(stored) if stored is not None else None
    if result is None and shared is not None and is_private(shared, folder=False):
        result = _read_stored(shared)
        if result is not None and stored is not None:
            _store(stored, result)
    if result is None:
        result = read_and_check(path, raw)._replace(digest=key[1])
        for place in (stored, shared):
            if place is not None:
                _store(place, result)
    if len(_in_memory) > 64:
        _in_memory.clear()
    _in_memory[key] = result
    return result


def read_and_check(path: str, raw: bytes) -> LoadResult:
    """A data file's bytes, read and checked. Read first keeping only the lines
    the model keeps (fewer instructions); where that finds anything to report,
    read again with every value's position and checked again, so that each
    message is located exactly as the complete reading locates it."""
    from .model import LOCATED_KEYS  # the parser and the checks, when a file needs them
    from .validation import check_document
    from .yamlparse import parse_bytes

    result = check_document(parse_bytes(path, raw, located=LOCATED_KEYS))
    if not result.problems:
        return result
    return check_document(parse_bytes(path, raw))


def _stored_path(cache_dir: Path, path: str, content_digest: str) -> Path:
    """One file per data file (by its path), named for its content and our version."""
    from ..package import ENV_VERSION, __version__

    of_path = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir / f"{of_path}-{content_digest[:32]}-{__version__}-{ENV_VERSION}.pickle"


def _shared_path(shared_dir: Path, path: str, content_digest: str) -> Path:
    """Named by the data file's path, its content and everything the check depends on."""
    of_path = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    depends = hashlib.sha256(f"{content_digest} {code_identity()}".encode()).hexdigest()[:32]
    return shared_dir / f"{of_path}-{depends}.pickle"


def _read_stored(stored: Path) -> LoadResult | None:
    """The stored result, or None when there is none (or none we can use:
    it is then checked again and stored anew)."""
    try:
        with stored.open("rb") as file:
            result = pickle.load(file)
    except _UNREADABLE:
        return None
    return result if isinstance(result, LoadResult) else None


def _store(stored: Path, result: LoadResult) -> None:
    """Kept for the next build (a read-only or full disk: it checks the file
    again), replacing what this data file's older contents left."""
    prefix = stored.name.split("-", 1)[0]
    write = partial(pickle.dump, result, protocol=pickle.HIGHEST_PROTOCOL)
    store_private(stored, write, older=f"{prefix}-*.pickle")
