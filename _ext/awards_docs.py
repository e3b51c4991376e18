"""Site-only helpers for our own docs (not part of the sphinx_awards package).

``.. awards-checks::`` runs the real checker on one example of each mistake
and shows the message it gives, so the reference page cannot drift from the code.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_awards.data.problems import SUBTYPES
from sphinx_awards.data.validation import check_document
from sphinx_awards.data.yamlparse import parse_yaml
from sphinx_awards.text.language import Language
from sphinx_awards.text.messages import format_message

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

VALID = """\
event: {title: Example Awards}
themes:
  - {id: llm, name: LLMs, color: "#6d28d9"}
tracks:
  - {id: main, name: Main}
levels:
  - {id: best, name: Best Paper, section_title: Best Papers}
awards:
  - id: example
    title: An Example Paper
    level: best
    track: main
    theme: llm
    summary: One line.
    tags: [🤖 Robots]
    description: More lines.
    authors: [Ada Lovelace]
    url: https://example.org/paper
"""

#: (what goes wrong, the line as it is changed in the valid file above)
EXAMPLES = [
    ("YAML syntax error", "    summary: One line.", "    summary: [One line."),
    (
        "A tag that would run code",
        "    summary: One line.",
        "    summary: !!python/object/apply:os.system [ls]",
    ),
    ("Missing required key", "    summary: One line.\n", ""),
    ("Wrong type", "    title: An Example Paper", "    title: 2025"),
    ("Text where a list goes", "    authors: [Ada Lovelace]", "    authors: Ada Lovelace, Charles Babbage"),
    ("Empty text", "    summary: One line.", '    summary: ""'),
    (
        "A line break in a one-line field",
        "    title: An Example Paper",
        '    title: "An Example Paper\\n.so /etc/passwd"',
    ),
    (
        "Unknown key",
        "    title: An Example Paper",
        "    titel: An Example Paper\n    title: An Example Paper",
    ),
    ("Duplicate key", "    summary: One line.", "    summary: One line.\n    summary: Two lines."),
    ("Duplicate id", "  - {id: main, name: Main}", "  - {id: main, name: Main}\n  - {id: main, name: Side}"),
    ("Undefined theme", "    theme: llm", "    theme: rl"),
    ("Unsafe link", "    url: https://example.org/paper", '    url: "javascript:alert(1)"'),
    ("A link that leaves the site", "    url: https://example.org/paper", '    url: "//evil.example/x"'),
    ("Not a colour", 'color: "#6d28d9"', 'color: "red; background: url(x)"'),
    (
        "Not a date",
        "event: {title: Example Awards}",
        "event: {title: Example Awards}\nmeta:\n  - {label: Announced, date: 2025-02-30}",
    ),
    ("Mojibake", "    summary: One line.", "    summary: Donâ€™t memorize"),
    (
        "Unknown placeholder",
        "event: {title: Example Awards}",
        'event: {title: Example Awards, lede: "{paper} papers"}',
    ),
    (
        "A placeholder of an earlier version",
        "event: {title: Example Awards}",
        'event: {title: Example Awards, lede: "{word[best]} papers"}',
    ),
]


class AwardsChecks(SphinxDirective):
    """Each kind of mistake: the changed lines, then the message the check gives."""

    def run(self) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["awards-checks"])
        for what, old, new in EXAMPLES:
            result = check_document(parse_yaml("awards.yaml", VALID.replace(old, new, 1)))
            example = textwrap.dedent(new).strip("\n") or f"(the line '{old.strip()}' removed)"
            definition = nodes.definition()
            definition += nodes.literal_block(example, example, language="yaml")
            for problem in result.problems:
                definition += nodes.paragraph("", "", nodes.literal(str(problem), str(problem)))
            items += nodes.definition_list_item("", nodes.term(what, what), definition)
        return [items]


_SUBTITLE = {
    "en": (
        "{n, plural, one {One Best Paper} other {{n, spellout, capital} Best Papers}}"
        "{other_tracks, plural, =0 {} other { (incl. {other_tracks, spellout} in {other_track_names})}}"
    ),
    "de": (
        "{n, plural, one {Ein Best Paper} other {{n, spellout, capital} Best Papers}}"
        "{other_tracks, plural, =0 {} one { (davon eines in {other_track_names})}"
        " other { (davon {other_tracks, spellout} in {other_track_names})}}"
    ),
    "ja": (
        "最優秀論文{n}本{other_tracks, plural, =0 {} other {（うち{other_track_names}で{other_tracks}本）}}"
    ),
}
_COUNTS = [
    {"n": 1, "other_tracks": 0, "other_track_names": ""},
    {"n": 4, "other_tracks": 1, "other_track_names": "Datasets & Benchmarks"},
    {"n": 21, "other_tracks": 2, "other_track_names": "Datasets & Benchmarks"},
]
#: (language, template, the values it is shown with)
TEMPLATE_EXAMPLES = [
    *((code, template, _COUNTS) for code, template in _SUBTITLE.items()),
    (
        "en",
        "{papers, plural, =0 {no papers} one {# paper} other {# papers}}",
        [{"papers": n} for n in (0, 1, 1234)],
    ),
    (
        "de",
        "{papers, plural, =0 {keine Paper} one {# Paper} other {# Paper}}",
        [{"papers": n} for n in (0, 1, 1234)],
    ),
    ("en", "{papers, spellout, capital} papers", [{"papers": 4}]),
]


class AwardsTemplateExamples(SphinxDirective):
    """Templates (as a data file or a translator writes them) with the values
    they get and what they give, computed by the extension itself."""

    def run(self) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["awards-template-examples"])
        for code, template, examples in TEMPLATE_EXAMPLES:
            definition = nodes.definition()
            for values in examples:
                shown = ", ".join(f"{name} = {value!r}" for name, value in values.items() if value != "")
                result = format_message(template, values, Language(code))
                definition += nodes.paragraph("", "", nodes.literal(shown, shown), nodes.Text(f" → {result}"))
            term = nodes.term("", f"{code}: ", nodes.literal(template, template))
            items += nodes.definition_list_item("", term, definition)
        return [items]


class AwardsSubtypes(SphinxDirective):
    """The warning subtypes, from the code's own table."""

    def run(self) -> list[nodes.Node]:
        items = nodes.bullet_list()
        for subtype, meaning in SUBTYPES.items():
            name = f"awards.{subtype}"
            items += nodes.list_item(
                "", nodes.paragraph("", "", nodes.literal(name, name), nodes.Text(f": {meaning}"))
            )
        return [items]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("awards-checks", AwardsChecks)
    app.add_directive("awards-subtypes", AwardsSubtypes)
    app.add_directive("awards-template-examples", AwardsTemplateExamples)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
