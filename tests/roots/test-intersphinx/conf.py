# A second site that links to the cards of another through intersphinx;
# the test sets intersphinx_mapping to the first site's objects.inv.
extensions = ["sphinx_awards", "sphinx.ext.intersphinx"]
exclude_patterns = ["_build"]
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
