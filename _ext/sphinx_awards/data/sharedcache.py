"""A checked-result cache that survives clean builds (``awards_cache``).

The doctree directory's cache (``checked.py``) goes with ``make clean`` and
with every CI or Read the Docs build, which then read and check each data
file again. With ``awards_cache = True`` (a folder of the user's cache,
``$XDG_CACHE_HOME/sphinx-awards`` or ``~/.cache/sphinx-awards``) or a path,
the checked result is also kept there, named by everything it depends on:
the file's content, the extension's version and own code (a hash of its
sources, so an editable install never reuses a result an older checker made),
its schema and language tables, the installed PyYAML (with libyaml or not),
ftfy and Babel, and Python's version.

The results are pickles, and a pickle can run code when it is loaded: they
are read only from a folder that is the user's own and private (created with
mode 0700, owned by the user who builds, writable by no one else; POSIX
only), and only files in it that are the user's and private too. A folder
that is not is not used, with a warning saying how to fix it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sphinx.util import logging

from ..package import PACKAGE_DIR
from ..text import once

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.config import Config

logger = logging.getLogger(__name__)


def _user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sphinx-awards"


def is_private(path: Path, *, folder: bool) -> bool:
    """Ours alone: not a link, owned by this user, no access for others."""
    try:
        status = path.lstat()
    except OSError:
        return False
    kind = stat.S_ISDIR if folder else stat.S_ISREG
    return kind(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o077


def store_private(target: Path, write: Callable[[IO[bytes]], object], *, older: str) -> None:
    """Make ``target`` by ``write``, atomically (a parallel build's workers
    may write the same file) and private (0600, as the shared cache needs),
    then remove the files of ``older`` (a glob beside it) that it replaces.
    A read-only or full disk keeps nothing and says nothing: the next build
    makes it again."""
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            write(file)
        temporary.replace(target)
        temporary = None
        for replaced in target.parent.glob(older):
            if replaced != target:
                replaced.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def shared_cache_dir(config: Config, srcdir: str | Path) -> Path | None:
    """The private folder ``awards_cache`` names, made if needed; None when
    it is off or cannot be made private (said once, with the fix)."""
    setting = config.awards_cache
    if not setting or os.name != "posix":
        return None
    folder = _user_cache() if setting is True else Path(srcdir, str(setting))
    path, refusal = _checked_folder(str(folder))
    if refusal and once.first_time(("cache folder", str(folder))):
        logger.warning(
            f"awards_cache: the folder {folder} is not used, so data files are checked again: {refusal}",
            type="awards",
            subtype="cache",
        )
    return path


@cache
def _checked_folder(folder: str) -> tuple[Path | None, str]:
    """The folder made if needed, or None and why it is not used."""
    path = Path(folder)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        return None, f"it cannot be made ({error.strerror or error})"
    if not is_private(path, folder=True):
        return None, f"it is not a folder that only you can use; run: chmod 700 {folder} (and own it)"
    return path, ""


@cache
def code_identity(*, by_content: bool = True) -> str:
    """What a kept result depends on besides the data file: our version and
    our sources, schema and tables; PyYAML's, ftfy's and Babel's installed
    files (by name, size and modification time, the last two found without
    importing them); Python's version.

    Our own files are read and hashed ``by_content``: a result in
    ``awards_cache`` must survive a fresh checkout, which gives every file of
    a site's ``_ext`` a new time. What the doctree folder keeps goes with
    the checkout, so there our files are told apart as Python's bytecode
    cache tells an edited source, by size and time: reading them costs a
    small build 28 M instructions (cachegrind), 1% of it; their sizes and
    times 9 M."""
    from ..package import __version__

    identity = hashlib.sha256(f"{sys.version} {__version__}".encode())
    _add_files(identity, PACKAGE_DIR, recursive=True, by_content=by_content)
    for name in ("yaml", "ftfy", "babel"):
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            identity.update(f"{name}: none".encode())
            continue
        _add_files(identity, Path(spec.origin).parent, recursive=False, by_content=False)
    return identity.hexdigest()


def _add_files(identity: hashlib._Hash, folder: Path, *, recursive: bool, by_content: bool) -> None:
    """Each file's path under ``folder`` with its bytes (``by_content``) or
    its size and modification time, in name order; with ``recursive``, the
    sources and tables (``.py``, ``.json``) of its folders too."""
    prefix = len(str(folder)) + 1
    folders: list[str | Path] = [folder]
    while folders:
        current = folders.pop()
        with os.scandir(current) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    if recursive and entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.is_file() and (not recursive or entry.name.endswith((".py", ".json"))):
                    identity.update(f"{entry.path[prefix:]}\n".encode())
                    if by_content:
                        identity.update(Path(entry.path).read_bytes())
                    else:
                        found = entry.stat()
                        identity.update(f"{found.st_size} {found.st_mtime_ns}\n".encode())
