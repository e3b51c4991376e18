"""Hostile data files: what an attacker or a careless editor might write.

Each case is one data file (a valid base with one thing changed) and what the
build must say about it: the warning's subtype, file, line and column (in
characters), and words of its message. ``None`` for the subtype means the
value is allowed and must be shown as plain text in every format.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Printed by troff's ``.tm`` request: if it reaches groff's stderr, the data
#: ran a request in the man page.
MARKER = "AWARDS-INJECTED"

BASE = """\
event:
  title: Event
  lede: "{papers} papers"
meta:
  - label: Announced
    date: 2030-01-02
  - label: Explore
    link: {label: All, url: "https://example.org/"}
stats:
  - {label: Total, value: "{papers}", detail: "{levels}"}
labels:
  legend_title: Themes
themes:
  - {id: alpha, name: Alpha, color: "#6d28d9"}
  - {id: beta, name: Beta, color: teal}
tracks:
  - {id: main, name: Main, badge: Main track}
levels:
  - {id: gold, name: Gold, section_title: Gold Papers, subtitle: "{n} papers"}
awards:
  - id: ok
    title: Good Paper
    level: gold
    track: main
    theme: alpha
    summary: Fine summary.
    tags: [Robots]
    description: Fine description.
    authors: [Ada Lovelace]
    url: https://example.org/ok
  - id: bad
    title: Bad Paper
    level: gold
    track: main
    theme: beta
    summary: Bad summary.
    tags: [Tables]
    description: Bad description.
    authors: [Grace Hopper]
    url: https://example.org/bad
    links:
      - {label: arXiv, url: "https://arxiv.org/abs/1"}
"""


@dataclass
class Case:
    name: str
    #: The file's content; None when ``make`` creates something else at the path.
    text: str | bytes | None
    subtype: str | None
    line: int | None = None
    column: int | None = None
    words: str = ""
    #: Creates a file that is not a plain data file (a FIFO, a symlink...).
    make: Callable[[Path], None] | None = None
    #: Text every output must show, as written, when the value is allowed.
    shown: str = ""
    #: The page's directives, when not the usual three; ``{data}`` is the data file.
    page: str | None = None
    notes: list[str] = field(default_factory=list)


def _replace(old: str, key: str, value: str) -> tuple[str, int, int]:
    """The base with ``old`` replaced by ``key: value``; the value's line and column."""
    assert BASE.count(old) == 1, old
    start = BASE.index(old)
    text = BASE[:start] + f"{key}: {value}" + BASE[start + len(old) :]
    line = BASE.count("\n", 0, start) + 1
    column = start - (BASE.rfind("\n", 0, start) + 1) + len(key) + 3
    return text, line, column


#: One-line fields: (the text replaced, its key).
ONE_LINE_FIELDS = [
    ("title: Bad Paper", "title"),
    ("title: Event", "title"),
    ("name: Beta", "name"),
    ("name: Gold", "name"),
    ("section_title: Gold Papers", "section_title"),
    ("name: Main", "name"),
    ("badge: Main track", "badge"),
    ("legend_title: Themes", "legend_title"),
    ("label: Announced", "label"),
    ("label: arXiv", "label"),
    ('subtitle: "{n} papers"', "subtitle"),
    ("tags: [Tables]", "tags"),
    ("authors: [Grace Hopper]", "authors"),
    ("- {label: Total", "- {label"),
]
#: (YAML double-quoted escapes, what the message says)
LINE_BREAKS = [
    (f"X\\n.tm {MARKER}", "one line"),
    (f"X\\r\\n.tm {MARKER}", "one line"),
    ("X\\n\\nY", "one line"),
    (f"X\\L.tm {MARKER}", "one line"),
    ("X\\NY", "one line"),
    ("X\\fY", "one line"),
    ("X\\vY", "one line"),
]
CONTROLS = [
    ("X\\0Y", "U+0000"),
    ("X\\aY", "U+0007"),
    ("X\\eY", "U+001B"),
    ("X\\x7fY", "U+007F"),
    ("X\\x9bY", "U+009B"),
    ("X\\uFFFEY", "U+FFFE"),
]


def _quoted(escaped: str, key: str) -> str:
    value = f'"{escaped}"'
    return f"[{value}]" if key in ("tags", "authors") else value


def _field_cases() -> Iterator[Case]:
    for old, key in ONE_LINE_FIELDS:
        for escaped, words in LINE_BREAKS + CONTROLS:
            value = _quoted(escaped, key)
            text, line, column = _replace(old, key, value)
            if key in ("tags", "authors"):
                column += 1  # the list's first item
            if key == "- {label":
                text, line, column = _replace(old, "- {label", f'"{escaped}"')
            yield Case(f"{key}:{escaped}", text, "text", line, column, words)


def _paragraph_cases() -> Iterator[Case]:
    for old, key in [("summary: Bad summary.", "summary"), ("description: Bad description.", "description")]:
        for escaped, words in CONTROLS:
            text, line, column = _replace(old, key, f'"{escaped}"')
            yield Case(f"{key}:{escaped}", text, "text", line, column, words)
        # Line breaks are allowed here, and must flow into one line everywhere.
        text, _, _ = _replace(old, key, f'"Flows\\n.tm {MARKER}\\n\\nover lines"')
        yield Case(f"{key}:lines", text, None, shown=f"Flows .tm {MARKER} over lines")
    text, line, column = _replace('lede: "{papers} papers"', "lede", '"Lede\\x07"')
    yield Case("lede:bell", text, "text", line, column, "U+0007")


#: Format syntax of every writer, allowed in a title: shown as written.
FORMAT_SYNTAX = [
    f".tm {MARKER}",
    f"'tm {MARKER}",
    "\\\\fB bold \\\\fP and \\\\(aq",
    "\\\\input{/etc/passwd} and \\\\def\\\\x{1} % comment",
    "50% & $x^2$ # _under_ ~tilde",
    "@bye @{ @} @node x",
    "<script>alert(1)</script> ]]> &amp;",
    "{papers} in a title",
    "Name std:label -1 https://evil.example/ x",
]


def _syntax_cases() -> Iterator[Case]:
    for written in FORMAT_SYNTAX:
        text, _, _ = _replace("title: Bad Paper", "title", f'"{written}"')
        shown = written.replace("\\\\", "\\")
        yield Case(f"title-syntax:{written[:12]}", text, None, shown=shown)


def _value_cases() -> Iterator[Case]:
    for theme_id in ['"beta\\n"', '"Beta"', '"be ta"', '"beta\\0"']:
        text, line, column = _replace("id: beta", "id", theme_id)
        yield Case(f"id:{theme_id}", text, "schema", line, column)
    for template, words in [
        ('"{papers:>10000000}"', "after {papers comes"),
        ('"{papers.__class__.__mro__}"', "after {papers comes"),
        ('"{papers!r}"', "after {papers comes"),
        ('"{levels[__class__]}"', "after {levels comes"),
        ('"{papers"', "is not closed"),
        ('"{papers, plural, one {x}}"', "needs an 'other"),
        ('"{word[best]}"', "old placeholder syntax"),
    ]:
        text, line, column = _replace('lede: "{papers} papers"', "lede", template)
        yield Case(f"template:{template}", text, "template", line, column, words)
    for url, words in [
        ("javascript:alert(1)", "scheme"),
        ("java\\tscript:alert(1)", "control characters"),
        ("data:text/html,x", "scheme"),
        ("//evil.example/x", "another site"),
        ("/\\\\evil.example", "backslash"),
        ("\\\\\\\\evil.example\\\\x", "backslash"),
        ("https:evil.example", "no host"),
        ("https://[evil.example", "not a valid address"),
        ("https://exa mple.org", "spaces"),
        ("https://example.org/\\u202e", "control characters"),
        # Hosts that read as others (round three).
        ("https://p\\u0430ypal.com/", "mixes scripts"),  # a Cyrillic a
        ("https://g\\u043e\\u043egle.com/x", "mixes scripts"),  # Cyrillic o's
        ("https://\\u03bfpenai.com/", "mixes scripts"),  # a Greek omicron
        ("https://xn--pypal-4ve.com/", "mixes scripts"),  # the first, as Punycode
        ("https://example\\u3002org/", "U+3002"),
        ("https://example\\uff0eorg/", "U+FF0E"),
        ("https://example\\uff61org/", "U+FF61"),
        ("https://xn--zz.example/", "not Punycode"),
    ]:
        text, line, column = _replace("url: https://example.org/bad", "url", f'"{url}"')
        yield Case(f"url:{url}", text, "url", line, column, words)
    for color in ["rgb(\\u0663 \\u0663 \\u0663)", "blac\\u212a", "red\\v", "red; x: url(y)", "#fff}", " red"]:
        text, line, column = _replace("color: teal", "color", f'"{color}"')
        yield Case(f"color:{color}", text, "color", line, column, "not a CSS colour")


def _nested(depth: int) -> str:
    return "[" * depth


def _merge_bomb(levels: int) -> str:
    lines = ["a0: &a0 {" + ", ".join(f"k{i}: {i}" for i in range(10)) + "}"]
    for level in range(1, levels + 1):
        aliases = ", ".join(f"*a{level - 1}" for _ in range(10))
        lines.append(f"a{level}: &a{level}\n  <<: [{aliases}]")
    return BASE + "\n".join(lines) + "\n"


def _laughs() -> str:
    lines = ['x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x{i}: &x{i} [" + ",".join([f"*x{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return BASE + "\n".join(lines) + "\n"


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _proc_status(path: Path) -> None:
    path.symlink_to("/proc/self/status")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _directory(path: Path) -> None:
    path.mkdir()


def _structure_cases(max_bytes: int) -> Iterator[Case]:
    base_lines = BASE.count("\n")
    # Ours says "nested more than 64 levels"; libyaml from PyYAML 6.0.4 on stops
    # first, at its own limit of 1,000 ("exceeded maximum nesting depth").
    yield Case("deep-brackets", _nested(100_000), "yaml", 1, None, "nest")
    yield Case(
        "deep-mappings",
        "a:\n" + "".join(f"{' ' * (i + 1)}b:\n" for i in range(200)),
        "yaml",
        65,
        65,
        "nested",
    )
    yield Case(
        "long-int", BASE.replace("  title: Event", "  title: " + "9" * 5000), "schema", 2, 10, "a number of"
    )
    text, line, column = _replace("legend_title: Themes", "legend_titel", "Themes")
    yield Case("misspelt-label", text, "unknown-key", line, column - len("legend_titel") - 2, "legend_title")
    yield Case("merge-bomb", _merge_bomb(10), "yaml", base_lines + 9, 8, "alias bomb")
    yield Case("billion-laughs", _laughs(), "yaml", base_lines + 5, 10, "alias bomb")
    yield Case("recursive-alias", BASE + "loop: &l [*l]\n", "yaml", base_lines + 1, 11, "names no anchor")
    yield Case("second-document", BASE + "---\nmore: 1\n", "yaml", base_lines + 1, 1, "second YAML document")
    yield Case(
        "python-tag",
        BASE.replace("title: Event", "title: !!python/object/apply:os.system [ls]"),
        "tag",
        2,
        10,
        "not allowed",
    )
    nul = BASE.replace("  stats:", "  stats:").replace("stats:\n", "stats: \x00\n")
    assert BASE.count("\n", 0, BASE.index("stats:")) == 8  # line 9
    yield Case("nul-line-9", nul, "yaml", 9, len("stats: ") + 1, "U+0000")
    raw = BASE.replace("title: Bad Paper", "title: Bäd Pâper \udcff").encode("utf-8", "surrogateescape")
    line = BASE[: BASE.index("title: Bad Paper")].count("\n") + 1
    yield Case("invalid-utf8", raw, "encoding", line, len("    title: Bäd Pâper ") + 1, "not UTF-8")
    yield Case("too-large", BASE + "# " + "x" * max_bytes + "\n", "file", None, None, "more than the")
    mojibake = "Don\u0e42\u20ac\u2122t " * 60_000
    text, line, column = _replace("summary: Bad summary.", "summary", f'"{mojibake}"')
    yield Case("mojibake-1mb", text, "mojibake", line, column, "mis-decoded")
    yield Case("summary-1mb", text, "text", line, column, "more than the 20,000 allowed")
    text, line, column = _replace("title: Bad Paper", "title", "T" * 5000)
    yield Case("title-5000", text, "text", line, column, "more than the 1,000 allowed")
    yield Case("symlink-loop", None, "file", None, None, "cannot read", make=_symlink_loop)
    yield Case("fifo", None, "file", None, None, "named pipe", make=_fifo)
    # A symlink out of the source directory is refused before it is opened.
    yield Case("dev-zero", None, "file", None, None, "outside the source directory", make=_dev_zero)
    yield Case("proc-status", None, "file", None, None, "outside the source directory", make=_proc_status)
    yield Case("directory", None, "file", None, None, "directory", make=_directory)
    yield Case("empty", "", "schema", 1, 1, "empty")
    yield Case("only-comment", "# nothing\n", "schema", 1, 1, "no YAML document")
    yield Case("top-level-list", "- a\n- b\n", "schema", 1, 1, "top level must be a mapping")


def _alias_list(users: int) -> tuple[str, int, int]:
    """One anchored 2,000-item list as the authors of many awards, and a
    comment of commas (which once counted towards the aliases' budget); where
    the expansion is refused: each award writes 22 values and adds 2,001, so
    the 34th passes 20 times what was written plus 10,000."""
    many = "shared: &many [" + ", ".join(f"Author {i}" for i in range(2000)) + "]\n"
    award = (
        "  - {id: p%d, title: P, level: gold, track: main, theme: alpha, summary: S, "
        'tags: [T], description: D, authors: *many, url: "https://example.org/"}\n'
    )
    text = many + "# " + "," * 100_000 + "\n" + BASE + "".join(award % i for i in range(users))
    return text, 2 + BASE.count("\n") + 34, award.index("*many") + 1


def _round_two_cases() -> Iterator[Case]:
    """Issue 20's findings, through every builder."""
    escapes = '"\\e[2K\\rbuild succeeded.\\e]8;;https://evil.example\\e\\\\"'
    text, line, column = _replace(
        "track: main\n    theme: beta", escapes, "x\n    track: main\n    theme: beta"
    )
    yield Case("key-terminal-escapes", text, "unknown-key", line, column - len(escapes) - 2, "\\x1b[2K")
    deep = "{papers,plural,=0{" * 400 + "x" + "} other {y}}" * 400
    text, line, column = _replace('lede: "{papers} papers"', "lede", f'"{deep}"')
    yield Case("template-nested-400", text, "template", line, column, "nest more than")
    text, line, column = _replace("color: teal", "color", '"rgb(' + "9" * 10_000 + ')"')
    yield Case("color-10000-digits", text, "color", line, column, "not a CSS colour")
    spaces = "a" + " " * 19_990 + "b\\nc"
    text, _, _ = _replace("summary: Bad summary.", "summary", f'"{spaces}"')
    yield Case("summary-20000-spaces", text, None, shown="b c")
    # One word as long as a text may be: XeTeX crashed or looped on 2,000 characters.
    text, _, _ = _replace("title: Bad Paper", "title", "T" * 999 + "Z")
    yield Case("title-one-word-1000", text, None, shown="T" * 999 + "Z")
    text, _, _ = _replace("summary: Bad summary.", "summary", "S" * 19_999 + "Z")
    yield Case("summary-one-word-20000", text, None, shown="S" * 19_999 + "Z")
    text, line, column = _replace("tags: [Tables]", "tags", "[" + ", ".join(["t"] * 600_000) + "]")
    yield Case("tags-600000", text, "schema", line, column, "600,000 items, more than the 50 allowed")
    text, line, column = _alias_list(600)
    yield Case("alias-list-x600", text, "yaml", line, column, "alias bomb")
    # On the page: a file outside the source directory, a legend its filters
    # empty, unknown and repeated ids, an unknown card, ids that look like
    # another card's parts, the same cards twice.
    yield Case(
        "outside-source",
        BASE,
        "file",
        None,
        None,
        "outside the source directory",
        page=".. awards:: ../secret.yaml\n",
    )
    yield Case(
        "legend-filtered-empty",
        BASE,
        "option",
        None,
        None,
        "keep no award",
        page=".. awards-legend:: {data}\n   :ids: ok\n   :theme: beta\n",
    )
    unknown = " ".join(f"nope{i}" for i in range(100))
    yield Case(
        "ids-100-unknown-repeated",
        BASE,
        "option",
        None,
        None,
        "and 80 more",
        page=f".. awards:: {{data}}\n   :ids: ok ok ok {unknown}\n",
    )
    yield Case(
        "role-unknown-card",
        BASE,
        "reference",
        None,
        None,
        "unknown award id 'nope'",
        page="See :award:`nope`.\n\n.. awards:: {data}\n",
    )
    lookalikes = "".join(
        BASE[BASE.index("  - id: ok") : BASE.index("  - id: bad")].replace("id: ok", f"id: {name}")
        for name in ("x", "x-t", "x-p", "x-1", "x-2", "x-title", "x-paper")
    )
    yield Case(
        "ids-like-card-parts",
        BASE + lookalikes,
        None,
        shown="Good Paper",
        page=".. awards:: {data}\n\n.. awards:: {data}\n   :no-index:\n",
    )
    for name, escaped, said in [
        ("override", "Bad \\u202etxt.exe", "U+202E"),
        ("isolates-only", "\\u2066\\u2069\\u200b", "U+2066"),
        ("arabic-letter-mark", "Bad\\u061cPaper", "U+061C"),
        ("bom", "Bad\\ufeffPaper", "U+FEFF"),
        ("soft-hyphen", "Bad\\u00adPaper", "U+00AD"),
        ("line-separator", "Bad\\u2028Paper", "U+2028 (line separator)"),
    ]:
        text, line, column = _replace("title: Bad Paper", "title", f'"{escaped}"')
        yield Case(f"title-{name}", text, "text", line, column, said)


def _round_three_cases() -> Iterator[Case]:
    """A host in one script passes; an option's value that would reorder the log."""
    text, _, _ = _replace("url: https://example.org/bad", "url", '"https://m\\u00fcnchen.example/"')
    yield Case("url-host-one-script", text, None, shown="Bad Paper")
    for name, value in [("override", "ok\u202ebad"), ("escape", "ok\x1b[2Kbad"), ("bell", "ok\x07")]:
        yield Case(
            f"option-{name}",
            BASE,
            "option",
            None,
            None,
            repr(value)[1:-1].replace("ok", "", 1).replace("bad", ""),
            page=f".. awards:: {{data}}\n   :ids: {value}\n",
        )


def all_cases(max_bytes: int) -> list[Case]:
    return [
        *_field_cases(),
        *_paragraph_cases(),
        *_syntax_cases(),
        *_value_cases(),
        *_structure_cases(max_bytes),
        *_round_two_cases(),
        *_round_three_cases(),
    ]
