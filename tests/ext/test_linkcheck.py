"""Sphinx's linkcheck sees every link of every card, as it sees a page's links."""

from __future__ import annotations

import http.server
import json
import threading

import pytest
from helpers import copy_root


class _Answers(http.server.BaseHTTPRequestHandler):
    """200 for every path, but 404 for those that say so."""

    def _answer(self) -> None:
        self.send_response(404 if self.path.endswith("-404") else 200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = _answer  # noqa: N815 (the names http.server calls)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_linkcheck_reports_every_card_link(make_app, tmp_path, server):
    srcdir = tmp_path / "src"
    copy_root("linkcheck", srcdir)
    data = srcdir / "awards.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("SERVER", server), encoding="utf-8")
    app = make_app("linkcheck", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    lines = (app.outdir / "output.json").read_text(encoding="utf-8").splitlines()
    statuses = {entry["uri"].removeprefix(server): entry["status"] for entry in map(json.loads, lines)}
    assert statuses == {
        "/all": "working",
        "/papers/alive": "working",
        "/code/alive": "working",
        "/papers/gone-404": "broken",
        "/arxiv/gone-404": "broken",
    }


def test_linkcheck_names_the_data_files_line_for_card_links(make_app, tmp_path, server):
    """A broken address is fixed in the data file: the report says where."""
    srcdir = tmp_path / "src"
    copy_root("linkcheck", srcdir)
    data = srcdir / "awards.yaml"
    text = data.read_text(encoding="utf-8").replace("SERVER", server)
    data.write_text(text, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text(encoding="utf-8") + f"\nA page's own link: {server}/page-404\n",
        encoding="utf-8",
    )
    app = make_app("linkcheck", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    entries = [
        json.loads(line) for line in (app.outdir / "output.json").read_text(encoding="utf-8").splitlines()
    ]
    where = {entry["uri"].removeprefix(server): (entry["filename"], entry["lineno"]) for entry in entries}

    def line_of(path: str) -> int:
        return next(n for n, line in enumerate(text.splitlines(), 1) if f"{server}{path}" in line)

    for path in ("/all", "/papers/alive", "/code/alive", "/papers/gone-404", "/arxiv/gone-404"):
        assert where[path] == ("awards.yaml", line_of(path)), path
    assert where["/page-404"][0] == "index.rst"
    report = (app.outdir / "output.txt").read_text(encoding="utf-8").splitlines()
    broken = f"awards.yaml:{line_of('/papers/gone-404')}: [broken] {server}/papers/gone-404: "
    assert any(line.startswith(broken) for line in report), report
    assert any(line.startswith("index.rst:") and "page-404" in line for line in report)
