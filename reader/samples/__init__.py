"""Bundled sample articles, opened when ``reader`` is started without arguments.

Original articles written for this project; invented people and events; licensed with the
project. Real countries and cities appear only as settings, and the people, companies, clubs,
laboratories and most organisations in them are invented. The ``.txt`` files use the news-wire
form (leading space, ``date YYYY-MM-DD``, dateline with agency, no final newline);
``election-night.txt`` is deliberately cut off mid-word, like a truncated wire feed.
"""
