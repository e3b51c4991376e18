"""sphinx_awards: data-driven award cards for Sphinx.

``.. awards::`` turns a YAML file of awarded papers into themed cards;
``.. awards-summary::`` and ``.. awards-legend::`` show the page header and
the theme legend from the same file.

The package follows the data's way, each layer importing only those below
it: ``text`` (words and numbers) → ``data`` (read, check, model) →
``render`` (nodes and writers) → ``extension`` (directives, domain, the
environment) → ``publish`` (exports, award pages) → ``cli``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sphinx
from sphinx.errors import ExtensionError

from . import extension, publish, render
from .package import ENV_VERSION, __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["ENV_VERSION", "__version__", "setup"]

#: The oldest Sphinx the extension is tested with (``make test-compat``).
MIN_SPHINX = (7, 4)


def _require_supported_sphinx() -> None:
    """One clear line instead of a traceback deep in a build on an older Sphinx."""
    if sphinx.version_info[:2] < MIN_SPHINX:
        needed = ".".join(map(str, MIN_SPHINX))
        raise ExtensionError(
            f"sphinx-awards needs Sphinx >= {needed} (this is Sphinx {sphinx.__display_version__}); "
            f"upgrade with: pip install 'sphinx>={needed}'"
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    _require_supported_sphinx()
    extension.setup(app)  # config values, directives, domain, roles, the environment's records
    render.setup(app)  # nodes and their visitors, the stylesheet, LaTeX's needs, JSON-LD
    publish.setup(app)  # exports, award pages, their citation files

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
