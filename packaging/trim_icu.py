"""Shrink the bundle's ICU data library (libicudata, 32 MB) to what Qt uses here.

QtCore links ICU; in this app Qt only needs it for collation (QCollator, e.g. the file
dialog's sorting), break iteration and case mapping. Dropped: legacy charset converters
(*.cnv -- feeds are decoded by Python, Qt assumes UTF-8), unit/currency/language/region/
time-zone display names, transliteration, number spelling and the CJK/Thai/Khmer/Lao/
Burmese word dictionaries. Kept: all collation data, all locale roots, break rules,
normalization, character properties. A locale whose data is gone falls back to root,
which ICU reports as a warning, not an error.

    python packaging/trim_icu.py BUNDLE_DIR

Rewrites BUNDLE_DIR/_internal/PySide6/Qt/lib/libicudata.so.<N> (needs a C compiler to
link the new library: `cc`), then loads the bundle's ICU with ctypes and checks that
collation, break iteration and resource lookup still work. Exit 0 and a note when no
compiler is available (the bundle keeps the full data).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

DROP_DIRS = ("unit", "zone", "curr", "lang", "region", "translit", "rbnf")
DROP_RE = re.compile(r"\.cnv$|^brkitr/.*\.dict$")


def read_common_data(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data package ("CmnD")."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    names = [
        blob[header_size + n : blob.index(b"\0", header_size + n)].decode("ascii")
        for n, _ in entries
    ]
    starts = [header_size + d for _, d in entries]
    ends = [*sorted(starts)[1:], len(blob)]
    end_of = dict(zip(sorted(starts), ends, strict=True))
    items = [(names[i], blob[starts[i] : end_of[starts[i]]]) for i in range(count)]
    return blob[:header_size], items


def write_common_data(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse: ToC (names sorted, as ICU binary-searches them), items 16-aligned."""
    items = sorted(items, key=lambda it: it[0].encode("ascii"))
    count = len(items)
    toc_size = 4 + 8 * count
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    data_start = toc_size + len(names)
    data_start += -(len(header) + data_start) % 16
    name_offsets, data_offsets, body = [], [], b""
    pos = toc_size
    for name, _ in items:
        name_offsets.append(pos)
        pos += len(name) + 1
    for _, data in items:
        body += b"\0" * (-(len(header) + data_start + len(body)) % 16)
        data_offsets.append(data_start + len(body))
        body += data
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    padding = b"\0" * (data_start - toc_size - len(names))
    return header + toc + names + padding + body


def keep_item(name: str) -> bool:
    rel = name.split("/", 1)[1]  # drop "icudt73l/"
    return rel.split("/", 1)[0] not in DROP_DIRS and not DROP_RE.search(rel)


def self_test(lib_dir: Path, major: str) -> None:
    mode = ctypes.RTLD_GLOBAL
    ctypes.CDLL(str(lib_dir / f"libicudata.so.{major}"), mode)
    uc = ctypes.CDLL(str(lib_dir / f"libicuuc.so.{major}"), mode)
    i18n = ctypes.CDLL(str(lib_dir / f"libicui18n.so.{major}"), mode)
    status = ctypes.c_int(0)

    def ok(what: str) -> None:
        if status.value > 0:  # U_FAILURE; negative values are warnings (e.g. fallback)
            raise SystemExit(f"trim_icu: self-test failed: {what}: UErrorCode {status.value}")
        status.value = 0

    ucol_open = getattr(i18n, f"ucol_open_{major}")
    ucol_open.restype = ctypes.c_void_p
    strcoll = getattr(i18n, f"ucol_strcoll_{major}")
    strcoll.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
    ]
    for locale in (b"en_US", b"de_DE", b"sv", b"zh", b"ja", b"fr_CA", b""):
        coll = ucol_open(locale, ctypes.byref(status))
        ok(f"ucol_open({locale!r})")
        if not coll:
            raise SystemExit(f"trim_icu: self-test failed: no collator for {locale!r}")
        # "a" < "B" in every collation, although not in code-point order
        a, b = "a".encode("utf-16-le"), "B".encode("utf-16-le")
        if strcoll(coll, a, 1, b, 1) != -1:
            raise SystemExit(f"trim_icu: self-test failed: collation order for {locale!r}")
        getattr(i18n, f"ucol_close_{major}")(ctypes.c_void_p(coll))
    ubrk_open = getattr(uc, f"ubrk_open_{major}")
    ubrk_open.restype = ctypes.c_void_p
    text = "Hello world. Zweiter Satz.".encode("utf-16-le")
    for kind in (0, 1, 2, 3):  # character, word, line, sentence
        brk = ubrk_open(kind, b"en", text, len(text) // 2, ctypes.byref(status))
        ok(f"ubrk_open({kind})")
        getattr(uc, f"ubrk_close_{major}")(ctypes.c_void_p(brk))
    ures_open = getattr(uc, f"ures_open_{major}")
    ures_open.restype = ctypes.c_void_p
    for locale in (b"en", b"de", b"root"):
        res = ures_open(None, locale, ctypes.byref(status))
        ok(f"ures_open({locale!r})")
        getattr(uc, f"ures_close_{major}")(ctypes.c_void_p(res))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    lib_dir = Path(sys.argv[1]) / "_internal" / "PySide6" / "Qt" / "lib"
    libs = sorted(lib_dir.glob("libicudata.so.*"))
    if not libs:
        print("trim_icu: no libicudata in the bundle; nothing to do")
        return 0
    lib = libs[0]
    major = lib.name.rsplit(".", 1)[1]
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        print("trim_icu: no C compiler (cc): keeping the full ICU data")
        return 0
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True, text=True
    )
    match = re.search(rf"^\S+ ([0-9a-f]+) R icudt{major}_dat$", out.stdout, re.M)
    so = lib.read_bytes()
    start = so.find(b"CmnD") - 12
    if not match or start < 0:
        print("trim_icu: unexpected libicudata layout: keeping the full ICU data")
        return 0
    blob = so[start : start + int(match.group(1), 16)]
    header, items = read_common_data(blob)
    kept = [(n, d) for n, d in items if keep_item(n)]
    new = write_common_data(header, kept)
    if read_common_data(new)[1] != sorted(kept, key=lambda it: it[0].encode("ascii")):
        raise SystemExit("trim_icu: the rewritten package does not read back")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "icudata.dat").write_bytes(new)
        (t / "icudata.S").write_text(
            f"\t.section .rodata\n\t.globl icudt{major}_dat\n\t.type icudt{major}_dat, @object\n"
            f'\t.balign 16\nicudt{major}_dat:\n\t.incbin "icudata.dat"\n'
            f"\t.size icudt{major}_dat, . - icudt{major}_dat\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(
            [cc, "-shared", "-nostdlib", "-o", "libicudata.so", f"-Wl,-soname,{lib.name}",
             "icudata.S"],
            cwd=t,
            check=True,
        )  # fmt: skip
        test_dir = t / "lib"
        test_dir.mkdir()
        for other in lib_dir.glob("libicu*"):
            shutil.copy2(other, test_dir / other.name)
        shutil.copyfile(t / "libicudata.so", test_dir / lib.name)
        # the self-test runs in a child so the build's own ICU never mixes in
        subprocess.run([sys.executable, __file__, "--self-test", str(test_dir), major], check=True)
        os.chmod(t / "libicudata.so", lib.stat().st_mode)
        shutil.copyfile(t / "libicudata.so", lib)
    print(
        f"trim_icu: {lib.name}: {len(so) / 1e6:.1f} MB -> {lib.stat().st_size / 1e6:.1f} MB "
        f"({len(kept)} of {len(items)} data items kept)"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--self-test":
        self_test(Path(sys.argv[2]), sys.argv[3])
        print("trim_icu: self-test passed (collation, break iteration, resources)")
        raise SystemExit(0)
    raise SystemExit(main())
