"""Content-Encoding decoding with a hard cap on what comes out.

httpx's own decoders have no output limit, so a 10 KB gzip bomb could become gigabytes
in memory. Decoding here with ``zlib.decompressobj(...).decompress(data, max_length)``
means the decompressed feed never grows past the cap.
"""

from __future__ import annotations

import zlib

from readinglist.model.errors import FetchError, TooLargeError

MiB = 1024 * 1024


def human_size(n: int) -> str:
    """Bytes as a short human size: '20 MB', '0.5 MB', '512 bytes'."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{round(n / 1024, 1):g} KB"
    return f"{round(n / MiB, 1):g} MB"


class Decoder:
    """Content-Encoding decoder with a hard output cap (gzip, deflate or identity)."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.encoding = encoding
        self.cap = cap
        self.total = 0
        self._deflate_probe = encoding == "deflate"
        self._fed = False
        self._obj: zlib._Decompress | None = None
        if encoding == "gzip":
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._obj = zlib.decompressobj(zlib.MAX_WBITS)

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise TooLargeError(
                f"the feed is larger than {human_size(self.cap)} after decompression"
            )
        return out

    def feed(self, data: bytes) -> list[bytes]:
        if not data:
            return []
        self._fed = True
        if self._obj is None:
            return [self._count(data)]
        if self._deflate_probe:
            # "deflate" is zlib-wrapped by the RFC, but some servers send raw deflate.
            self._deflate_probe = False
            try:
                zlib.decompressobj(zlib.MAX_WBITS).decompress(data[:2])
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        parts: list[bytes] = []
        buf = data
        try:
            while buf:
                if self._obj.eof:
                    if self.encoding != "gzip" or not buf.strip(b"\0"):
                        break  # padding after the stream: ignore
                    self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
                # max_length: one step never yields more than one byte past the cap, so
                # the decompressed output never grows beyond the cap in memory.
                out = self._obj.decompress(buf, self.cap - self.total + 1)
                if out:
                    parts.append(self._count(out))
                # a non-empty unconsumed_tail means the output hit max_length: the
                # _count above has already raised, so this loop only continues across
                # gzip members.
                buf = self._obj.unused_data if self._obj.eof else self._obj.unconsumed_tail
        except zlib.error as exc:
            raise self._damaged(exc) from None
        return parts

    def finish(self) -> list[bytes]:
        if self._obj is None or not self._fed:
            return []
        try:
            tail = self._obj.flush()
        except zlib.error as exc:
            raise self._damaged(exc) from None
        if not self._obj.eof:
            raise FetchError(
                "connection closed before the whole feed arrived (compressed data cut short)"
            )
        return [self._count(tail)] if tail else []

    def _damaged(self, exc: zlib.error) -> FetchError:
        return FetchError(f"the feed's {self.encoding} compression is damaged ({exc})")
