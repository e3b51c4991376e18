"""A data file's way in, without Sphinx: read it within bounds (``files``),
parse YAML with positions (``yamlsource``, ``yamlhints``), check it against
the schema and the rules (``validation``, ``schema_code``, ``textchecks``,
``arguments``), and give the frozen model (``model``, ``ids``); ``checked``
loads a file through both caches (``sharedcache``). Every problem is a
located ``problems.Problem``."""
