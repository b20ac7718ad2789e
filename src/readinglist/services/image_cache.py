"""Remote images kept on disk, within a size budget, so an article read offline keeps
its pictures.

Only images the reader chose to load are kept (remote images stay off by default: they
track readers). One file per image under ``<data dir>/images/``, named by the SHA-256 of
its address; reading one marks it recently used, and when the folder grows past the
budget the least recently used files go first. Safe to share between threads. The
bytes are stored as they came; the window decodes (and refuses SVG, huge pictures)
whatever it shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path

__all__ = ["DEFAULT_BUDGET_MB", "MAX_IMAGE_BYTES", "ImageCache"]

DEFAULT_BUDGET_MB = 200
#: A single image larger than this is shown but not kept.
MAX_IMAGE_BYTES = 16 * 1024 * 1024


class ImageCache:
    def __init__(self, directory: Path, budget_bytes: int = DEFAULT_BUDGET_MB * 1024 * 1024):
        self.directory = Path(directory)
        self._budget = max(0, int(budget_bytes))
        self._lock = threading.Lock()

    @property
    def budget_bytes(self) -> int:
        return self._budget

    def set_budget(self, budget_bytes: int) -> None:
        """A new budget; a smaller one shrinks the cache at once (0 keeps nothing).
        The same or a larger one touches no file (the window sets it at every start)."""
        smaller = int(budget_bytes) < self._budget
        self._budget = max(0, int(budget_bytes))
        if smaller:
            self.trim()

    def _path(self, url: str) -> Path:
        return self.directory / hashlib.sha256(url.encode("utf-8")).hexdigest()

    def get(self, url: str) -> bytes | None:
        path = self._path(url)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return data

    def put(self, url: str, data: bytes) -> bool:
        """Keep ``data`` for ``url``; False when it is not kept (too big, no budget, the
        disk refused). Never raises: a cache failure must not fail the picture."""
        if not data or len(data) > min(MAX_IMAGE_BYTES, self._budget):
            return False
        path = self._path(url)
        temporary = path.with_suffix(f".{threading.get_ident()}.part")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)  # whole or not at all
        except OSError:
            with contextlib.suppress(OSError):  # not even a folder to clean up, perhaps
                temporary.unlink()
            return False
        self.trim()
        return True

    def size_bytes(self) -> int:
        return sum(size for _path, size, _mtime in self._entries())

    def _entries(self) -> list[tuple[Path, int, float]]:
        out = []
        try:
            for entry in os.scandir(self.directory):
                if entry.is_file() and "." not in entry.name:
                    stat = entry.stat()
                    out.append((Path(entry.path), stat.st_size, stat.st_mtime))
        except OSError:
            return []
        return out

    def trim(self) -> None:
        """Remove the least recently used images until the cache fits its budget."""
        with self._lock:
            entries = sorted(self._entries(), key=lambda e: e[2])
            total = sum(size for _path, size, _mtime in entries)
            for path, size, _mtime in entries:
                if total <= self._budget:
                    break
                try:
                    path.unlink()
                except OSError:
                    continue
                total -= size

    def clear(self) -> None:
        for path, _size, _mtime in self._entries():
            with contextlib.suppress(OSError):
                path.unlink()
