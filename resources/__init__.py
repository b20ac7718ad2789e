"""Data shipped with readinglist (icons, desktop entry, sample library).

Installed as the package ``readinglist.resources``; read it with
``importlib.resources.files("readinglist.resources")``.
"""
