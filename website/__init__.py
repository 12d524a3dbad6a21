"""Project package: settings, root URLs, WSGI/ASGI.

It is called ``website`` and not ``site`` because Python imports its own ``site`` module at
start-up; a package of that name would be shadowed (``import site.settings`` fails with
"'site' is not a package").
"""
