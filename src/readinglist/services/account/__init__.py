"""A sync account: one library kept in step with a Google Reader API server.

``client.py`` speaks the API, ``sync.py`` runs one sync, ``secrets.py`` keeps the
password, ``verbs.py`` is what ``Library`` offers (set, show, remove, sync).
"""
