"""A missing system library at launch: one clear line and exit 2, never Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from readinglist.gui import system_libraries as syslibs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and dlopen")


def build_plugin_needing(tmp_path: Path, sonames: list[str]) -> Path:
    """A real shared object whose DT_NEEDED names ``sonames``, none of which exists.

    Each name is linked from a stub made for the link and deleted afterwards, so dlopen
    of the result fails exactly as it does for Qt's plugin on a machine without them.
    """
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("needs a C compiler to build a stand-in plugin")
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (tmp_path / "stub.c").write_text("int readinglist_stub(void) { return 0; }\n")
    for name in sonames:
        subprocess.run(
            [cc, "-shared", "-fPIC", f"-Wl,-soname,{name}", "-o", str(stubs / name), "stub.c"],
            cwd=tmp_path,
            check=True,
        )
    plugin_dir = tmp_path / "plugins" / "platforms"
    plugin_dir.mkdir(parents=True)
    plugin = plugin_dir / "libqxcb.so"
    (tmp_path / "plugin.c").write_text("int readinglist_plugin(void) { return 1; }\n")
    subprocess.run(
        [cc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c")]
        + ["-Wl,--no-as-needed"]
        + [f"-l:{name}" for name in sonames]
        + [f"-L{stubs}"],
        check=True,
    )
    shutil.rmtree(stubs)
    return plugin


ABSENT = ["libreadinglist-absent-a.so.1", "libreadinglist-absent-b.so.2"]


def test_every_missing_library_of_the_plugin_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = build_plugin_needing(tmp_path, ABSENT)
    # dlopen names only the first; the rest come from the names the plugin carries
    # that are in the package table, so the user installs everything in one go.
    monkeypatch.setattr(syslibs, "PACKAGES", {n: ("deb-" + n, "rpm-" + n) for n in ABSENT})
    missing = syslibs.missing_for_plugin(plugin)
    assert missing is not None
    assert missing.names == tuple(ABSENT)
    assert missing.debian_packages() == ["deb-" + n for n in ABSENT]


def test_a_plugin_that_loads_reports_nothing(tmp_path: Path) -> None:
    plugin = build_plugin_needing(tmp_path, [])
    assert syslibs.missing_for_plugin(plugin) is None


def test_the_line_names_the_packages_for_debian_and_fedora() -> None:
    missing = syslibs.MissingLibraries(("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert syslibs.describe_missing(missing) == (
        "readinglist: the window needs system libraries that are missing: "
        "libxcb-icccm.so.4, libxcb-keysyms.so.1. Install them with "
        "`sudo apt install libxcb-icccm4 libxcb-keysyms1` (Debian, Ubuntu) or "
        "`sudo dnf install xcb-util-wm xcb-util-keysyms` (Fedora)."
    )


def test_an_unknown_library_still_gets_a_clear_line() -> None:
    line = syslibs.describe_missing(syslibs.MissingLibraries(("libfoo.so.3",)))
    assert line == (
        "readinglist: the window needs system libraries that are missing: libfoo.so.3."
        " Install the packages of your distribution that provide them."
    )


def test_a_wrapped_loader_error_is_read_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the bundle, PyInstaller's ctypes raises its own error with dlopen's as cause."""
    plugin = build_plugin_needing(tmp_path, ABSENT[:1])
    real_cdll = syslibs.ctypes.CDLL

    class FrozenStyleError(OSError):
        pass

    def frozen_cdll(name: str, *args: object, **kwargs: object) -> object:
        try:
            return real_cdll(name, *args, **kwargs)
        except OSError as base:
            raise FrozenStyleError(f"Failed to load dynlib/dll {name!r}.") from base

    monkeypatch.setattr(syslibs.ctypes, "CDLL", frozen_cdll)
    missing = syslibs.missing_for_plugin(plugin)
    assert missing is not None and missing.names == (ABSENT[0],)


def test_names_are_read_from_dlopen_and_import_errors() -> None:
    text = "libEGL.so.1: cannot open shared object file: No such file or directory"
    assert syslibs.missing_library_names(text) == ("libEGL.so.1",)
    assert syslibs.missing_library_names("undefined symbol: foo") == ()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, True),  # no compositor socket
    ],
)
def test_the_check_runs_only_where_qt_picks_xcb(environ: dict[str, str], expected: bool) -> None:
    assert syslibs.xcb_plugin_expected(environ) is expected


def test_the_window_exits_2_with_the_line_instead_of_aborting(tmp_path: Path) -> None:
    """The real entry point, in a fresh interpreter, with Qt's plugin swapped for one
    that needs libxcb-icccm under a name no machine has: the launcher must stop before
    Qt loads the plugin (which would abort with exit 134)."""
    plugin = build_plugin_needing(tmp_path, ["libxcb-icccm.so.4-readinglist-test"])
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from readinglist.gui import system_libraries as syslibs
        syslibs.PACKAGES = {{**syslibs.PACKAGES,
            "libxcb-icccm.so.4-readinglist-test": ("libxcb-icccm4", "xcb-util-wm")}}
        syslibs.qt_platform_plugin = lambda name="xcb": Path({str(plugin)!r})
        from readinglist.app import main
        sys.exit(main(["--data-dir", {str(tmp_path / "lib")!r}]))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":99", READINGLIST_NO_SYNC_ON_START="1")
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "readinglist: the window needs system libraries that are missing: "
        "libxcb-icccm.so.4-readinglist-test. Install them with "
        "`sudo apt install libxcb-icccm4` (Debian, Ubuntu) or "
        "`sudo dnf install xcb-util-wm` (Fedora)."
    ]
    assert not (tmp_path / "lib").exists() or not any((tmp_path / "lib").iterdir())
