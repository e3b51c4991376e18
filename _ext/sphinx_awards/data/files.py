"""Reading a data file's bytes, bounded: a regular file under a size cap.

Apart from ``yamlsource`` (which imports PyYAML) so that a build whose pages
read no data file, such as a no-op rebuild checking digests, imports no parser.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from .problems import Problem

#: Default cap on a data file's size (the ``awards_max_bytes`` config value):
#: a conference of 5,000 awards written out without YAML aliases is 4.4 MB
#: (``make bench``), so 6 MiB leaves it 40% to grow; the worst a file of this
#: size can cost is measured by ``make bench-worst`` (the Data file page).
DEFAULT_MAX_BYTES = 6 * 1024 * 1024


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, kind: str = "data file") -> bytes | Problem:
    """The file's bytes, when it is a regular file of at most ``max_bytes``
    (``kind`` names the file in messages: a data file, or a file to import)."""

    def unreadable(reason: str) -> Problem:
        return Problem(path, 1, 1, f"cannot read the {kind}: {reason}", "file", fatal=True)

    if not path:
        return unreadable(f"the path is empty; name the {kind}")
    try:
        status = Path(path).stat()
        if not stat.S_ISREG(status.st_mode):
            file_type = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            return unreadable(f"it is {file_type}, not a file")
        if status.st_size > max_bytes:
            return unreadable(
                f"it is {status.st_size:,} bytes, more than the {max_bytes:,} allowed; "
                + (
                    "split it into several files or raise awards_max_bytes in conf.py"
                    if kind == "data file"
                    else "split it"
                )
            )
        with Path(path).open("rb") as file:
            raw = file.read(max_bytes + 1)
    except FileNotFoundError:
        if kind != "data file":
            return unreadable("there is no such file")
        return unreadable(
            "there is no such file; 'sphinx-awards init FILE' writes a starter file, or name another "
            "one (the directive's argument, or awards_data in conf.py)"
        )
    except OSError as error:
        return unreadable(error.strerror or str(error))
    if len(raw) > max_bytes:  # it grew since the check
        return unreadable(f"it is more than the {max_bytes:,} bytes allowed")
    return raw


def digest(content: bytes) -> str:
    """What identifies a data file's content (exact rebuilds, the check cache)."""
    return hashlib.sha256(content).hexdigest()
