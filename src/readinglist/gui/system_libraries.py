"""Say which system library the window lacks, instead of letting Qt abort.

Qt's xcb platform plugin links against a dozen small X libraries (libxcb-icccm,
-keysyms, -cursor …) that a minimal desktop install may not have. When one is missing,
Qt prints a misleading line ("xcb-cursor0 is needed", even when it is installed) and
aborts the interpreter with exit 134. Before the ``QApplication`` is made we load the
plugin ourselves with ``dlopen``: if that fails we know exactly which library is
missing, and the window's launcher prints one line naming it and the package that brings
it on Debian/Ubuntu and on Fedora, and exits 2.

The check only runs where Qt would pick xcb (an X11 session, or ``QT_QPA_PLATFORM=xcb``)
and costs one ``dlopen`` of a plugin Qt loads next anyway.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PACKAGES",
    "MissingLibraries",
    "describe_missing",
    "missing_for_plugin",
    "missing_library_names",
    "qt_platform_plugin",
    "xcb_plugin_expected",
]

#: soname → (Debian/Ubuntu package, Fedora package). The libraries Qt's xcb platform
#: plugin and QtGui/QtWidgets/QtDBus link against; ``ldd`` on the plugin lists them.
PACKAGES: Mapping[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libssl.so.3": ("libssl3", "openssl-libs"),
    "libcrypto.so.3": ("libssl3", "openssl-libs"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc"),
    "libpcre2-8.so.0": ("libpcre2-8-0", "pcre2"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libexpat.so.1": ("libexpat1", "expat"),
    "libbrotlidec.so.1": ("libbrotli1", "brotli"),
    "libbrotlicommon.so.1": ("libbrotli1", "brotli"),
    "libbz2.so.1.0": ("libbz2-1.0", "bzip2-libs"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}

#: glibc's dlopen error: "libxcb-icccm.so.4: cannot open shared object file: …"
_DLOPEN_MISSING = re.compile(
    r"(?:^|[\s(])([^\s:/()]+\.so[^\s:/()]*): cannot open shared object file"
)


@dataclass(frozen=True)
class MissingLibraries:
    """Libraries that could not be loaded, in the order they were found."""

    names: tuple[str, ...]

    def debian_packages(self) -> list[str]:
        return _unique(PACKAGES[n][0] for n in self.names if n in PACKAGES)

    def fedora_packages(self) -> list[str]:
        return _unique(PACKAGES[n][1] for n in self.names if n in PACKAGES)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def missing_library_names(error_text: str) -> tuple[str, ...]:
    """The sonames a dlopen/ImportError message says it could not find."""
    return tuple(dict.fromkeys(_DLOPEN_MISSING.findall(error_text)))


def describe_missing(missing: MissingLibraries) -> str:
    """One line: what is missing and how to install it on Debian/Ubuntu and Fedora."""
    libs = ", ".join(missing.names)
    line = f"readinglist: the window needs system libraries that are missing: {libs}."
    debian, fedora = missing.debian_packages(), missing.fedora_packages()
    if debian:
        line += (
            f" Install them with `sudo apt install {' '.join(debian)}` (Debian, Ubuntu)"
            f" or `sudo dnf install {' '.join(fedora)}` (Fedora)."
        )
    else:
        line += " Install the packages of your distribution that provide them."
    return line


def xcb_plugin_expected(environ: Mapping[str, str] = os.environ) -> bool:
    """True where Qt will load its xcb platform plugin first (Linux/BSD X11 sessions)."""
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return False
    platform = environ.get("QT_QPA_PLATFORM", "").split(";", 1)[0].split(":", 1)[0]
    platform = platform.strip().lower()
    if platform:
        return platform == "xcb"
    wayland_session = environ.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    return not (wayland_session and environ.get("WAYLAND_DISPLAY"))


def qt_platform_plugin(name: str = "xcb") -> Path | None:
    """Where the Qt platform plugin ``libq<name>.so`` lives, or None if absent.

    Looked for where Qt looks: ``QT_PLUGIN_PATH`` first (the bundle sets it), then Qt's
    own plugin folder, then the one inside the PySide6 package.
    """
    import PySide6
    from PySide6.QtCore import QLibraryInfo  # QtCore loads without any X library

    folders = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    folders.append(Path(PySide6.__file__).parent / "Qt" / "plugins")
    for folder in folders:
        candidate = folder / "platforms" / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_for_plugin(plugin: Path) -> MissingLibraries | None:
    """Load ``plugin`` as Qt would; None when it loads, else what it lacks.

    dlopen stops at the first library it cannot find, so the sonames the plugin names
    are then tried one by one to report every missing one at once (a user should not
    install one package per start).
    """
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        first = missing_library_names(_error_text(exc))
        if not first:
            return None  # not a missing library (e.g. a broken file): let Qt say what
        named = _named_libraries([plugin, *_qt_libraries_of(plugin)])
        others = [n for n in named if n not in first and not _loads(n, plugin)]
        return MissingLibraries(first + tuple(others))
    return None


def _error_text(exc: BaseException) -> str:
    """The loader's own words, also when wrapped: in a PyInstaller bundle ctypes raises
    its own "Failed to load dynlib" error with dlopen's message as the cause."""
    texts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(texts) < 5:
        texts.append(str(seen))
        seen = seen.__cause__ or seen.__context__
    return "\n".join(texts)


def _loads(soname: str, plugin: Path) -> bool:
    """Whether ``soname`` loads from the system or from beside Qt's own libraries."""
    for folder in _bundled_library_dirs(plugin):
        if (folder / soname).exists():
            return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _bundled_library_dirs(plugin: Path) -> list[Path]:
    """Qt's lib folder in a wheel, and the bundle's top folder when frozen."""
    dirs = [plugin.parent.parent.parent / "lib"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        dirs.append(Path(frozen_root))
    return dirs


def _qt_libraries_of(plugin: Path) -> list[Path]:
    """The Qt libraries a platform plugin pulls in (xcb: ``libQt6XcbQpa``), if present."""
    qpa = plugin.name.removeprefix("libq").removesuffix(".so").capitalize()
    return [d / f"libQt6{qpa}Qpa.so.6" for d in _bundled_library_dirs(plugin)]


def _named_libraries(files: Iterable[Path]) -> list[str]:
    """Known sonames that appear in the files' string tables (their DT_NEEDED names).

    A plain byte search is enough here: only names from ``PACKAGES`` are looked for,
    NUL-delimited as the dynamic string table stores them, and a false hit only costs
    one extra ``dlopen`` attempt.
    """
    found: list[str] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        found += [n for n in PACKAGES if b"\0" + n.encode() + b"\0" in data]
    return _unique(found)
