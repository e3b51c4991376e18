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
def _with_colors(name: str) -> str:
    """A page script taking ``root``, with the colour helpers (``colors.js``) before its body."""
    read = (PAGE_SCRIPTS / "colors.js").read_text(encoding="utf-8"), (PAGE_SCRIPTS / name).read_text("utf-8")
    return "(root) => {\n" + "\n".join(read) + "\n}"


#: Our texts under 4.5:1; our edges (cards, tiles, legend buttons) under 3:1.
CONTRAST_SCRIPT = _with_colors("contrast.js")
BORDER_CONTRAST_SCRIPT = _with_colors("border-contrast.js")
#: Printed: our texts under 4.5:1 and edges under 3:1 on white paper, and controls still drawn.
PAPER_CONTRAST_SCRIPT = _with_colors("paper-contrast.js")
#: Averages every background image of the page (a theme's paper texture) for
#: the scripts above, which count an image as that colour.
IMAGE_COLORS_SCRIPT = """async () => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    const urls = new Set([...document.querySelectorAll("*")].map((e) => getComputedStyle(e).backgroundImage)
        .map((image) => /^url\\("?(.*?)"?\\)$/.exec(image)).filter(Boolean).map((match) => match[1]));
    window.awardsTestImageColors = {};
    for (const url of urls) {
        const image = new Image();
        image.src = url;
        try { await image.decode(); } catch { continue; }
        ctx.clearRect(0, 0, 1, 1);
        ctx.drawImage(image, 0, 0, 1, 1);
        window.awardsTestImageColors[url] = [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3), 1];
    }
}"""
COLOR_EMOJI_SCRIPT = (PAGE_SCRIPTS / "color-emoji.js").read_text(encoding="utf-8")


#: The words of an element's text that the browser split over two lines
#: although each fits on one (its width alone is less than the line's). A
#: word ends at a space or after a hyphen ("Open-" "Ended" may part there).
SPLIT_WORDS_SCRIPT = """(element) => {
  const width = element.getBoundingClientRect().width;
  const text = element.querySelector('a') || element;
  const node = [...text.childNodes].find((child) => child.nodeType === 3);
  const split = [];
  const measure = document.createElement('span');
  measure.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:inherit';
  text.appendChild(measure);
  for (const match of node.data.matchAll(/[^ -]+-?|-/g)) {
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    measure.textContent = match[0];
    if (lines.size > 1 && measure.getBoundingClientRect().width <= width) split.push(match[0]);
  }
  measure.remove();
  return split;
}"""
