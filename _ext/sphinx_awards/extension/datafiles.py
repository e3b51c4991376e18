"""The data files each page reads: exact rebuilds by content, and their problems
reported once per build.

Sphinx decides what to read again by modification times, which a restored
or copied file (``mv``, ``cp -p``, rsync, tar, git checkout of an old commit)
can put in the past; so each page records the digest of every data file it
read, and a page is read again whenever a digest differs.

A data file's problems are found while pages are read, possibly in several
worker processes (``-j``), each of which would print them. Instead they are
recorded with the page and printed by the main process when the reading is
done: each problem once per build, however many pages or processes read the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from sphinx.util import logging

from ..data.files import digest, read_bytes
from ..text.quoting import shown

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from ..data.model import AwardsData, LoadResult

logger = logging.getLogger(__name__)


class Report(NamedTuple):
    """A warning to print: where, what, and its subtype (``awards.<subtype>``)."""

    location: str
    message: str
    subtype: str


class FileRead(NamedTuple):
    """What a page read of one data file: its content's digest (None when it
    could not be read) and the problems found in it."""

    digest: str | None
    reports: tuple[Report, ...]
    #: False when the file could not be read or parsed: it shows no card.
    usable: bool = True


# The records live in the awards domain's data, which Sphinx pickles with the
# environment; the domain purges a page's records and merges those of
# parallel readers (``domain.AwardsDomain``). Keys:
#: docname → {data file's path: what the page read}.
FILES_READ = "files_read"
#: path → (size, mtime in ns, digest) when a page last read the file: a no-op
#: build trusts the digest while size and time match, without reading the file.
FILE_STATS = "file_stats"
#: The pages read in this build (set by the main process before reading;
#: emptied once their problems are reported).
_READ_NOW = "read_now"
#: The same, kept for the whole build (exports and labels are remade only then).
_READ_IN_BUILD = "read_in_build"


def _records(env: BuildEnvironment) -> dict[str, Any]:
    records: dict[str, Any] = env.domaindata["awards"]
    return records


def _file_stats(env: BuildEnvironment) -> dict[str, tuple[int, int, str]]:
    stats: dict[str, tuple[int, int, str]] = _records(env).setdefault(FILE_STATS, {})
    return stats


def _files_read(env: BuildEnvironment) -> dict[str, dict[str, FileRead]]:
    files: dict[str, dict[str, FileRead]] = _records(env).setdefault(FILES_READ, {})
    return files


def note_file_read(env: BuildEnvironment, path: str, read: FileRead) -> None:
    """Record, for the page being read, a data file and its problems (the first
    directive that reads it is where a file that cannot be read is reported)."""
    _files_read(env).setdefault(env.docname, {}).setdefault(path, read)


def note_pages_to_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _records(env)[_READ_NOW] = set(docnames)
    _records(env)[_READ_IN_BUILD] = set(docnames)
    if app.parallel > 1 and len(docnames) > 1:
        _load_before_workers(env, docnames)


def _load_before_workers(env: BuildEnvironment, docnames: list[str]) -> None:
    """Under ``-j``, check the data files the pages will read here, once, before
    Sphinx forks its readers: each worker finds them checked in memory, where
    it would otherwise parse and check every file again. The files are those
    the pages read last time, and the site's ``awards_data`` file."""
    paths = {path for docname in docnames for path in _files_read(env).get(docname, {})}
    _, default = env.relfn2path("/" + env.config.awards_data)  # as the directive names it
    if Path(default).is_file() and is_allowed(default, env.srcdir, env.config.awards_data_dirs):
        paths.add(default)
    for path in sorted(paths):
        load(env, path)


def pages_read_now(env: BuildEnvironment) -> set[str]:
    """The pages this build read (none in a no-op build)."""
    pages: set[str] = _records(env).get(_READ_IN_BUILD, set())
    return pages


def pages_with_changed_data(env: BuildEnvironment, already: Set[str], max_bytes: int) -> set[str]:
    """The pages (not already outdated) whose data files' content changed since they were read."""
    current: dict[str, str | None] = {}

    def now(path: str) -> str | None:
        if path not in current:
            _, unchanged = _unchanged_digest(env, path)
            if unchanged is None:
                content = read_bytes(path, max_bytes)
                unchanged = digest(content) if isinstance(content, bytes) else None
            current[path] = unchanged
        return current[path]

    return {
        docname
        for docname, files in _files_read(env).items()
        if docname not in already and any(now(path) != read.digest for path, read in files.items())
    }


def _unchanged_digest(env: BuildEnvironment, path: str) -> tuple[os.stat_result | None, str | None]:
    """The file's status now, and the digest stored when a page read it if its
    size and modification time are still those (an edit that keeps the size
    within the file system's time resolution is missed: ``-E`` reads all)."""
    try:
        status = Path(path).stat()
    except OSError:
        return None, None
    known = _file_stats(env).get(path)
    if known is not None and known[:2] == (status.st_size, status.st_mtime_ns):
        return status, known[2]
    return status, None


def cache_dir(env: BuildEnvironment) -> Path:
    """Where checked results are kept across builds (``checked.py``)."""
    return Path(env.doctreedir) / "sphinx_awards"


def load(env: BuildEnvironment, path: str) -> LoadResult:
    """The checked data file, through both caches (``checked.py``)."""
    from ..data.checked import load_awards
    from ..data.sharedcache import shared_cache_dir

    shared = shared_cache_dir(env.config, env.srcdir) if env.config.awards_cache else None
    status, known_digest = _unchanged_digest(env, path)  # stat before reading: a later edit never matches
    result = load_awards(path, env.config.awards_max_bytes, cache_dir(env), shared, known_digest)
    if status is not None and result.digest is not None:
        _file_stats(env)[path] = (status.st_size, status.st_mtime_ns, result.digest)
    return result


def files_shown(app: Sphinx) -> list[AwardsData]:
    """Every usable data file a page of the site reads, in the order of the
    pages, from the results the pages' reading checked (no file parsed again).
    Kept on the builder for the build: the award pages and the exports both ask."""
    return [result.data for result in _results_shown(app) if result.data is not None]


def files_shown_digests(app: Sphinx) -> list[str | None]:
    """The content digests of ``files_shown``, in the same order (None where
    one is not known)."""
    return [result.digest for result in _results_shown(app) if result.data is not None]


def _results_shown(app: Sphinx) -> list[LoadResult]:
    results = _SHOWN.get(app.builder)
    if results is None:
        read = _files_read(app.env)
        paths = dict.fromkeys(path for docname in sorted(read) for path in read[docname])
        results = _SHOWN[app.builder] = [load(app.env, path) for path in paths]
    return results


#: The files shown, by the builder that writes them (one build): kept beside
#: Sphinx's object, not set on it.
_SHOWN: WeakKeyDictionary[Builder, list[LoadResult]] = WeakKeyDictionary()


def shown_contents(env: BuildEnvironment) -> str:
    """What the files shown are, by content, without reading them: every
    usable data file the pages read, in the pages' order, with its digest
    (empty when no page shows a card). The exports are made of this alone."""
    read = _files_read(env)
    shown = {
        path: file.digest for docname in sorted(read) for path, file in read[docname].items() if file.usable
    }
    return "\n".join(f"{path}\0{digest}" for path, digest in shown.items())


def any_unusable(env: BuildEnvironment, docname: str | None = None) -> bool:
    """Whether a page (``docname``, or any page of the site) reads a data file
    that shows no card."""
    pages = _files_read(env)
    chosen = pages.values() if docname is None else [pages.get(docname, {})]
    return any(not read.usable for files in chosen for read in files.values())


def report_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """Print the problems of the data files read in this build, each once."""
    read_now: Iterable[str] = _records(env).get(_READ_NOW, ())
    files = _files_read(env)
    reports = {
        report for docname in read_now for read in files.get(docname, {}).values() for report in read.reports
    }
    for report in sorted(reports, key=_report_order):
        logger.warning(shown(report.message), location=report.location, type="awards", subtype=report.subtype)
    _records(env)[_READ_NOW] = set()


def _report_order(report: Report) -> tuple[str, int, int, str]:
    """By file, then line and column as numbers (``a.yaml:10:2`` after ``a.yaml:9:1``)."""
    path, *numbers = report.location.rsplit(":", 2)
    if len(numbers) == 2 and all(number.isdigit() for number in numbers):
        return path, int(numbers[0]), int(numbers[1]), report.message
    return report.location, 0, 0, report.message


def is_allowed(path: str, srcdir: str | os.PathLike[str], extra_dirs: Sequence[str]) -> bool:
    """Whether ``path``, with every symlink followed, lies in the source
    directory or one of ``extra_dirs`` (``awards_data_dirs``, relative to it).

    A page names its data file, and pages may come from anyone who can open
    a pull request: without this, ``.. awards:: ../../../secret.yaml`` or a
    symlink to ``/proc/self/status`` would be read, and its keys quoted in
    the warnings the build prints.
    """
    real = Path(os.path.realpath(path))
    folders = (Path(srcdir), *(Path(srcdir) / extra for extra in extra_dirs))
    return any(real.is_relative_to(os.path.realpath(folder)) for folder in folders)
