"""URL comparison keys shared by the layers that must agree on "the same page".

Why in the shared model: ``storage`` (matching a re-published post to the stored one by
its link) and ``services.backfill`` (skipping pages already in the library) must use one
definition, and neither may import the other's layer or ``feeds/``. Pure standard
library.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

__all__ = ["normalize_url"]


def normalize_url(url: str) -> str:
    """A comparison key: lower-case host, no fragment, no trailing slash, no default port.

    ``http``/``https`` compare equal so a sitemap that still says ``http:`` does not
    make a known article look new.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("http", host, path, parts.query, ""))
