"""sphinx_awards: data-driven award cards for Sphinx.

``.. awards::`` turns a YAML file of awarded papers into themed cards;
``.. awards-summary::`` and ``.. awards-legend::`` show the page header and
the theme legend from the same file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sphinx
from sphinx.errors import ExtensionError

from . import (
    anchors,
    assets,
    card,
    config,
    datafiles,
    directives,
    domain,
    exports,
    i18n,
    latex,
    linkcheck,
    metadata,
    nodes,
    pages,
    pdflatex,
)

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.2.0"
#: The oldest Sphinx the extension is tested with (``make test-compat``).
MIN_SPHINX = (7, 4)
#: Bump whenever what the extension stores in a pickled environment or doctree
#: changes shape (the domain's data, ``CardView``, ``datafiles.FileRead``; 6:
#: the records became named tuples; 7: ``CardView`` gained the track's name; 8: ``AwardsData`` its language;
#: 9: anchors join names with two hyphens; 10: ``Award`` its line):
#: Sphinx then reads every document again instead of loading objects an older
#: version pickled. (The domain's own ``data_version`` is not bumped: this one
#: covers it.)
ENV_VERSION = 10


def _outdated_documents(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> set[str]:
    """Pages to read again beyond Sphinx's own choice: those whose data file's
    content changed, and those that link to cards on the pages read again."""
    data_changed = datafiles.pages_with_changed_data(env, added | changed, app.config.awards_max_bytes)
    return data_changed | domain.documents_referencing_changed_cards(
        env, added, changed | data_changed, removed
    )


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
    config.add_config_values(app)  # the awards_* values, each with its check
    app.connect("config-inited", config.check_config_values)  # before Sphinx's type check

    app.add_message_catalog(i18n.CATALOG, str(i18n.LOCALE_DIR))

    # Nodes, with a visitor pair for every writer (nodes.py): HTML gets real
    # headings, <header>, <section>, <time>; the others rubrics and plain blocks.
    block, html_block, rubric = nodes.CHILDREN, nodes.BLOCK_HTML, nodes.RUBRIC
    for section in (nodes.awards_summary, nodes.awards_legend, nodes.awards_group):
        app.add_node(section, html=html_block, latex=block, text=block, man=block, texinfo=block)
    app.add_node(
        nodes.award_block, html=html_block, latex=nodes.CARD_LATEX, text=block, man=block, texinfo=block
    )
    app.add_node(
        nodes.awards_heading, html=nodes.HEADING_HTML, latex=rubric, text=rubric, man=rubric, texinfo=rubric
    )
    app.add_node(
        nodes.awards_decoration, html=nodes.DECORATION_HTML, latex=nodes.DECORATION_LATEX,
        text=block, man=block, texinfo=block,
    )  # fmt: skip
    app.add_node(nodes.awards_time, html=nodes.TIME_HTML, latex=block, text=block, man=block, texinfo=block)
    # A card: one node, written in one go by HTML (card.py), and expanded into
    # the nodes above for every other builder, Sphinx's own or not.
    expanded = card.CARD_EXPANDED
    app.add_node(
        nodes.award_card, html=(card.visit_card_html, None), latex=expanded, text=expanded, man=expanded,
        texinfo=expanded,
    )  # fmt: skip
    # The page's JSON-LD, for web pages only (metadata.py).
    nothing = nodes.NOTHING
    app.add_node(
        nodes.awards_json_ld, html=(metadata.visit_json_ld_html, None), latex=nothing, text=nothing,
        man=nothing, texinfo=nothing,
    )  # fmt: skip
    app.connect("doctree-resolved", metadata.add_json_ld)
    app.connect("builder-inited", card.expand_cards_outside_html)  # card.ExpandCards, outside HTML
    app.connect("builder-inited", pdflatex.use_settable_text)  # pdflatex.PdflatexText, for pdflatex
    app.connect("builder-inited", latex.break_long_words)  # latex.LongWords: XeTeX crashes on them
    app.connect("builder-inited", linkcheck.report_links_in_data_files)  # data file lines in its report
    # The data's texts, for the gettext builder only: removed for every other.
    app.add_node(i18n.awards_messages)
    app.connect("doctree-resolved", i18n.drop_messages)
    app.add_directive("awards-summary", directives.AwardsSummary)
    app.add_directive("awards-legend", directives.AwardsLegend)
    app.add_directive("awards", directives.Awards)
    app.add_directive("awards-archive", directives.AwardsArchive)
    app.add_domain(domain.AwardsDomain)
    app.add_role("award", domain.AwardRole())
    app.add_role("award-page", domain.AwardRole("award-page"))
    app.connect("warn-missing-reference", domain.warn_unknown_award)
    app.connect("env-updated", domain.publish_card_labels)
    app.connect("doctree-read", anchors.unique_card_anchors)

    app.connect("env-get-outdated", _outdated_documents)
    app.connect("env-before-read-docs", datafiles.note_pages_to_read)
    app.connect("env-purge-doc", datafiles.purge_doc)
    app.connect("env-merge-info", datafiles.merge_info)
    app.connect("env-check-consistency", datafiles.report_problems)

    app.connect("builder-inited", assets.copy_static_files)
    # Before other extensions' handlers (priority 500): sphinxext-opengraph
    # then finds our description in ``metatags`` and writes none of its own.
    app.connect("html-page-context", assets.add_page_assets, priority=400)
    app.connect("build-finished", exports.write_exports)  # awards.json, .bib, .ris, .csl.json
    app.connect("env-updated", pages.assign_page_names)  # none where a document writes its page
    app.connect("html-collect-pages", pages.collect_pages)  # a page per award, for Google Scholar
    app.connect("build-finished", pages.write_citations)  # what each Cite menu links
    # After the writers: what the last build wrote and this one did not (a removed page's awards).
    app.connect("build-finished", pages.remove_stale_outputs, priority=900)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
