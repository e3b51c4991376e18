"""Words and numbers, without Sphinx: ICU MessageFormat templates filled in
with each language's plural rules, number words and dates (``messages``,
``localedata``), and text from outside as messages quote it (``quoting``)."""
