"""Words in the site's language: the extension's own, and the data file's.

The extension's own strings ("View paper", "Link to this card"...) go through
Sphinx's translation machinery, from the ``sphinx_awards`` message catalog
shipped in ``locale/``; they follow the site's ``language``.

The data file's texts are translated the way Sphinx sites translate pages,
with ``make gettext`` and ``.po`` files under ``locale_dirs``. A card is
rendered while its page is read, so Sphinx's own translation transform (which
works on the page's paragraphs afterwards) never sees its words. Instead:

* each directive leaves an ``awards_messages`` node in the page, a
  ``translatable`` node holding the data texts it shows, so the gettext builder
  puts them into the page's ``.pot`` catalog (with the page's location);
* on a translated build, each directive looks the texts up in the same
  compiled catalog Sphinx uses for that page (``init_locale`` with the page's
  text domain) before rendering, so templates are translated before their
  counts are filled in.

Sphinx already reads a page again when its catalog changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..data.model import AwardsData, Link


def map_texts(
    data: AwardsData, change: Callable[[str], str], template: Callable[[str, str], str] | None = None
) -> AwardsData:
    """``data`` with every text a reader sees passed through ``change`` (not ids,
    addresses, colours, authors' names, emoji or dates); the templates through
    ``template(text, kind)`` if given (``kind``: one of ``arguments.KINDS``,
    a level's subtitle and count having arguments of their own)."""

    def text(value: str) -> str:
        return change(value) if value else value

    def filled(value: str, kind: str = "global") -> str:
        return (template(value, kind) if template is not None else change(value)) if value else value

    def link(value: Link) -> Link:
        return value._replace(label=text(value.label))

    labels = data.labels
    return data._replace(
        title=text(data.title),
        lede=filled(data.lede),
        meta=tuple(
            m._replace(label=filled(m.label), text=filled(m.text), link=m.link and link(m.link))
            for m in data.meta
        ),
        stats=tuple(
            s._replace(label=filled(s.label), value=filled(s.value), detail=filled(s.detail))
            for s in data.stats
        ),
        themes=tuple(theme._replace(name=text(theme.name)) for theme in data.themes),
        tracks=tuple(track._replace(name=text(track.name), badge=text(track.badge)) for track in data.tracks),
        levels=tuple(
            level._replace(
                name=text(level.name),
                short=text(level.short),
                section_title=text(level.section_title),
                subtitle=filled(level.subtitle, "level"),
                count_template=filled(level.count_template, "count"),
            )
            for level in data.levels
        ),
        awards=tuple(
            award._replace(
                title=text(award.title),
                summary=text(award.summary),
                description=text(award.description),
                tags=tuple(tag._replace(text=text(tag.text)) for tag in award.tags),
                links=tuple(link(one) for one in award.links),
            )
            for award in data.awards
        ),
        labels=labels._replace(**{name: text(getattr(labels, name)) for name in labels._fields}),
    )


def texts_of(data: AwardsData) -> list[str]:
    """The texts ``map_texts`` would translate, in order, each once: read
    directly, as every page's build asks (a test keeps the two the same)."""
    texts: list[str] = [data.title, data.lede]
    for meta in data.meta:
        texts += [meta.label, meta.text, meta.link.label if meta.link else ""]
    for stat in data.stats:
        texts += [stat.label, stat.value, stat.detail]
    texts += [theme.name for theme in data.themes]
    for track in data.tracks:
        texts += [track.name, track.badge]
    for level in data.levels:
        texts += [level.name, level.short, level.section_title, level.subtitle, level.count_template]
    for award in data.awards:
        texts += [award.title, award.summary, award.description]
        texts += [tag.text for tag in award.tags]
        texts += [link.label for link in award.links]
    texts += data.labels
    found = dict.fromkeys(texts)
    found.pop("", None)
    return list(found)


class Translation(NamedTuple):
    """The data in the page's language: which texts were translated (filled in
    with the site's language; the others with the data's), and the
    translations refused, each with why."""

    data: AwardsData
    translated: frozenset[str] = frozenset()
    #: Each refusal and where its translation is written (``file.po:line``,
    #: "" where the ``.po`` file is not found: then the directive is named).
    refused: tuple[tuple[str, str], ...] = ()


def translate(data: AwardsData, env: BuildEnvironment) -> Translation:
    """The data in the page's language, from the page's compiled catalog (if any).

    A translation is text from another file, so it passes the checks the data
    file's text passes (control characters, line breaks where the source has
    none, and for templates the template checks); one that fails is refused
    and the source text shown.
    """
    if not env.config.language or not env.config.locale_dirs:
        return Translation(data)
    directories = [Path(env.srcdir) / directory for directory in env.config.locale_dirs]
    directories = [directory for directory in directories if directory.is_dir()]
    if not directories:  # Sphinx's default "locales", where a site has none
        return Translation(data)
    textdomain = docname_to_domain(env.docname, env.config.gettext_compact)
    catalog, found = init_locale(directories, env.config.language, textdomain)
    if not found:
        return Translation(data)
    # Imported here: only a translated page needs them.
    from ..data import arguments
    from ..data.textchecks import is_text, text_problem
    from ..text.language import Language
    from ..text.quoting import quote
    from ..text.template_checks import template_error, translation_problem

    site = Language(env.config.language)
    translated: set[str] = set()
    refused: list[tuple[str, str]] = []
    level_ids = [level.id for level in data.levels]
    allowed = {kind: arguments.arguments(level_ids, kind) for kind in arguments.KINDS}

    def look_up(text: str, template: str | None = None) -> str:
        """``template``: None for plain text, else the template's kind."""
        translation = catalog.gettext(text)
        if not translation.strip() or translation == text:
            return text
        problem = text_problem(translation, one_line=is_text(text, one_line=True))
        if problem is None and template is not None:
            error = template_error(translation, allowed[template])
            if error is not None:
                problem = f"{error[0]} (at character {error[1] + 1})"
            else:
                problem = translation_problem(text, translation, site)
        if problem is not None:
            where = po_location(directories, env.config.language, textdomain, text)
            catalog_name = f"the {textdomain!r} catalog" if not where else "this catalog"
            refused.append(
                (
                    f"the translation of {quote(text)} in {catalog_name} is refused: {problem}; "
                    "the text is shown untranslated until the .po file is fixed",
                    where,
                )
            )
            return text
        translated.add(translation)
        return translation

    translated_data = map_texts(data, look_up, look_up)
    return Translation(translated_data, frozenset(translated), tuple(refused))


def po_location(directories: list[Path], language: str, textdomain: str, msgid: str) -> str:
    """``path/to/index.po:12``, the line of ``msgid`` in the page's ``.po``
    file (read only when a translation is refused), or "" where there is none."""
    for directory in directories:
        po = directory / language / "LC_MESSAGES" / f"{textdomain}.po"
        lines = _msgid_lines(po)
        if msgid in lines:
            return f"{po}:{lines[msgid]}"
    return ""


def _msgid_lines(path: Path) -> dict[str, int]:
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as file:
            catalog = read_po(file)
    except (OSError, ValueError):
        return {}
    return {str(message.id): message.lineno for message in catalog if message.id and message.lineno}


class awards_messages(nodes.Element, addnodes.translatable):
    """The data texts a directive shows, for the gettext builder; invisible in
    every output (a post-transform removes it for all other builders)."""

    def preserve_original_messages(self) -> None:
        """The texts are kept in ``texts`` as they are."""

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        """Nothing to do: the directive rendered the translation already."""

    def extract_original_messages(self) -> Sequence[str]:
        """The texts, for the gettext builder; none while the page is read,
        when Sphinx's ``Locale`` transform would parse each translation as
        reST (a translation's ``*`` is text, not emphasis): ``MessagesReady``
        runs after it."""
        return list(self["texts"]) if self.get("ready") else []


class MessagesReady(SphinxTransform):
    """After Sphinx's ``Locale`` transform (priority 20): the texts can be extracted."""

    default_priority = 21

    def apply(self, **kwargs: object) -> None:
        for node in self.document.findall(awards_messages):
            node["ready"] = True


def template_texts(data: AwardsData) -> list[str]:
    """The texts that ``map_texts`` passes as templates, each once: read
    directly, not by copying the whole model on every page's read (a test
    keeps the two the same)."""
    texts = [data.lede]
    for meta in data.meta:
        texts += [meta.label, meta.text]
    for stat in data.stats:
        texts += [stat.label, stat.value, stat.detail]
    for level in data.levels:
        texts += [level.subtitle, level.count_template]
    found = dict.fromkeys(texts)
    found.pop("", None)
    return list(found)


def messages_node(data: AwardsData) -> awards_messages:
    """The texts, with the data file (``pot_entries.py`` finds their lines in
    it) and which of them are templates."""
    return awards_messages(texts=texts_of(data), data_file=data.path, templates=template_texts(data))


def drop_messages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The texts' node is only for the gettext builder: every other builder
    (those Sphinx ships and any other) writes the page without it."""
    if app.builder.name != "gettext":
        for node in list(doctree.findall(awards_messages)):
            node.parent.remove(node)
