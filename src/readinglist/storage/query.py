"""``ArticleQuery`` under its old address; its home is ``readinglist.model.query``.

Kept so ``readinglist.storage.ArticleQuery`` and this module path keep working for
callers not yet moved to the shared model (it loads no peewee either way).
"""

from __future__ import annotations

from readinglist.model.query import ArticleQuery

__all__ = ["ArticleQuery"]
