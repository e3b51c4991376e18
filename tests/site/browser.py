"""The site in a real browser: Debian's Chromium driven by Playwright, over HTTP.

Without Chromium (or Playwright) the browser tests skip with one line saying
how to get it, unless AWARDS_REQUIRE_BROWSER is set (CI sets it), where a
missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers import skip_or_fail

CHROMIUM = os.environ.get("AWARDS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
INSTALL_HINT = "apt-get install chromium fonts-noto-color-emoji (Playwright drives the system's Chromium)"


def require_browser() -> None:
    """Skip (or fail, when AWARDS_REQUIRE_BROWSER is set) without Chromium or Playwright."""
    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "Playwright is not installed (pip install -r requirements-dev.txt)"
    if missing is None and not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing = f"no Chromium at {CHROMIUM}: {INSTALL_HINT}"
    if missing:
        skip_or_fail("AWARDS_REQUIRE_BROWSER", f"browser tests skipped: {missing}", allow_module_level=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# Measures taken inside the page.
PAGE_SCRIPTS = Path(__file__).parent / "page_scripts"
#: Measures taken inside the page, as functions for ``page.evaluate``.
CONTRAST_SCRIPT = (PAGE_SCRIPTS / "contrast.js").read_text(encoding="utf-8")
COLOR_EMOJI_SCRIPT = (PAGE_SCRIPTS / "color-emoji.js").read_text(encoding="utf-8")
