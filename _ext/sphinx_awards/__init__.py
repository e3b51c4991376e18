"""sphinx_awards: data-driven award cards for Sphinx.

``.. awards::`` turns a YAML file of awarded papers into themed cards;
``.. awards-summary::`` and ``.. awards-legend::`` show the page header and
the theme legend from the same file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import assets, card, directives, domain, nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
#: Bump whenever what the extension stores in a pickled environment or doctree
#: changes shape (the domain's data, ``CardView``): Sphinx then reads every
#: document again instead of loading objects an older version pickled.
ENV_VERSION = 3


def _forget_reported(app: Sphinx) -> None:
    directives.reported.clear()


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("awards_data", "awards.yaml", "env", types=frozenset({str}))
    app.add_config_value("awards_json_ld", True, "html", types=frozenset({bool}))

    nodes.register(app)
    card.register(app)
    app.add_directive("awards-summary", directives.AwardsSummary)
    app.add_directive("awards-legend", directives.AwardsLegend)
    app.add_directive("awards", directives.Awards)
    app.add_domain(domain.AwardsDomain)
    app.add_role("award", domain.AwardRole())
    app.connect("warn-missing-reference", domain.warn_unknown_award)
    app.connect("env-get-outdated", domain.documents_referencing_changed_cards)

    app.connect("builder-inited", assets.copy_static_files)
    app.connect("builder-inited", _forget_reported)
    app.connect("html-page-context", assets.add_page_assets)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
