"""Site search that understands Chinese.

``words`` turns text into space-separated simplified words (jieba, with our own dictionary),
``backend`` plugs that into Wagtail's database search on SQLite and PostgreSQL, ``results``
ranks, counts and highlights what the public search page shows, and ``views`` is that page.
"""
