"""The ``sphinx-awards`` command: check, export, import, init and schema."""
