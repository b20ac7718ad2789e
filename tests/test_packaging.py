"""Packaging files: install.sh/uninstall.sh on a fake bundle, desktop entry, metainfo,
changelog. Fast and independent of PyInstaller (the real bundle is checked by
packaging/smoke_test.sh)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import readinglist

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
UNINSTALL = ROOT / "packaging" / "linux" / "uninstall.sh"
APP_ID = "io.github.readinglist.ReadingList"
ICON_SIZES = (16, 32, 48, 64, 128, 256)

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def fake_bundle(where: Path) -> Path:
    """The shape of an unpacked bundle: the executable, _internal/ with our resources."""
    bundle = where / "readinglist-0.0.0-linux-x86_64"
    res = bundle / "_internal" / "readinglist" / "resources"
    shutil.copytree(RESOURCES, res, ignore=shutil.ignore_patterns("__pycache__"))
    (bundle / "_internal" / "libfake.so.1").write_bytes(b"\x7fELF fake")
    exe = bundle / "readinglist"
    exe.write_text("#!/bin/sh\necho 'readinglist 0.0.0'\n")
    exe.chmod(0o755)
    shutil.copy(INSTALL, bundle / "install.sh")
    shutil.copy(UNINSTALL, bundle / "uninstall.sh")
    return bundle


def files_under(root: Path) -> set[str]:
    """Every file and symlink under root (not directories), relative."""
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_symlink() or not p.is_dir()}


def run(script: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    return subprocess.run(
        ["bash", str(script), *args], env=env, capture_output=True, text=True, timeout=60
    )


def expected_files(bundle: Path) -> set[str]:
    lib = {
        f"lib/readinglist/{p}"
        for p in files_under(bundle)
        if p not in ("install.sh", "uninstall.sh")  # uninstall.sh is added below
    }
    return lib | {
        "lib/readinglist/uninstall.sh",
        "lib/readinglist/.readinglist-bundle",
        "bin/readinglist",
        "share/applications/readinglist.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        "share/icons/hicolor/scalable/apps/readinglist.svg",
        *(f"share/icons/hicolor/{n}x{n}/apps/readinglist.png" for n in ICON_SIZES),
    }


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    library = home / ".local" / "share" / "readinglist"
    library.mkdir(parents=True)
    (library / "library.sqlite3").write_bytes(b"SQLite format 3\x00 my reading list")
    (library / "gui-settings.ini").write_text("[window]\n")
    # Unrelated things that must survive too:
    other = home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"png")
    return home


def test_install_then_uninstall_default_prefix(tmp_path: Path, home: Path) -> None:
    bundle = fake_bundle(tmp_path)
    before = files_under(home / ".local")

    result = run(bundle / "install.sh", home=home)  # BUNDLE_DIR defaults to its own dir
    assert result.returncode == 0, result.stderr
    local = home / ".local"
    assert files_under(local) - before == expected_files(bundle)
    assert before <= files_under(local)

    link = local / "bin" / "readinglist"
    assert link.is_symlink()
    assert os.readlink(link) == str(local / "lib" / "readinglist" / "readinglist")
    out = subprocess.run([str(link)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "readinglist 0.0.0"
    desktop = (local / "share" / "applications" / "readinglist.desktop").read_text()
    exe = local / "lib" / "readinglist" / "readinglist"
    assert f"\nExec={exe}\n" in desktop
    assert f"\nTryExec={exe}\n" in desktop
    installed_exe = local / "lib" / "readinglist" / "readinglist"
    assert installed_exe.stat().st_mode & stat.S_IXUSR

    # Idempotent: a second install changes nothing in the file set.
    again = run(bundle / "install.sh", home=home)
    assert again.returncode == 0, again.stderr
    assert files_under(local) - before == expected_files(bundle)

    result = run(local / "lib" / "readinglist" / "uninstall.sh", home=home)
    assert result.returncode == 0, result.stderr
    assert files_under(local) == before
    library = local / "share" / "readinglist" / "library.sqlite3"
    assert library.read_bytes() == b"SQLite format 3\x00 my reading list"
    assert "your library is still in" in result.stdout

    # Uninstalling twice is harmless.
    again = run(UNINSTALL, home=home)
    assert again.returncode == 0, again.stderr
    assert files_under(local) == before


def test_install_with_prefix_and_explicit_bundle(tmp_path: Path, home: Path) -> None:
    bundle = fake_bundle(tmp_path)
    prefix = tmp_path / "prefix with space"
    home_before = files_under(home)

    result = run(INSTALL, "--prefix", str(prefix), str(bundle), home=home)
    assert result.returncode == 0, result.stderr
    assert files_under(prefix) == expected_files(bundle)
    assert files_under(home) == home_before  # nothing in ~/.local
    desktop = (prefix / "share" / "applications" / "readinglist.desktop").read_text()
    assert f'\nExec="{prefix}/lib/readinglist/readinglist"\n' in desktop

    result = run(UNINSTALL, f"--prefix={prefix}", home=home)
    assert result.returncode == 0, result.stderr
    assert files_under(prefix) == set()
    assert files_under(home) == home_before


def test_install_refuses_foreign_files(tmp_path: Path, home: Path) -> None:
    bundle = fake_bundle(tmp_path)
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    pip_script = prefix / "bin" / "readinglist"
    pip_script.write_text("#!/bin/sh\n# a pip --user install\n")

    result = run(INSTALL, "--prefix", str(prefix), str(bundle), home=home)
    assert result.returncode != 0
    assert "not ours" in result.stderr
    assert files_under(prefix) == {"bin/readinglist"}

    # uninstall leaves a foreign command (and a foreign lib dir) alone
    (prefix / "lib" / "readinglist").mkdir(parents=True)
    (prefix / "lib" / "readinglist" / "keep.txt").write_text("x")
    result = run(UNINSTALL, "--prefix", str(prefix), home=home)
    assert result.returncode == 0, result.stderr
    assert files_under(prefix) == {"bin/readinglist", "lib/readinglist/keep.txt"}


def test_install_refuses_a_directory_that_is_not_a_bundle(tmp_path: Path, home: Path) -> None:
    result = run(INSTALL, "--prefix", str(tmp_path / "p"), str(tmp_path), home=home)
    assert result.returncode != 0
    assert "not an executable" in result.stderr


def test_desktop_entry() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(RESOURCES / "readinglist.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"]
    assert entry["Exec"].split()[0] == "readinglist"
    assert entry["Icon"] == "readinglist"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert {"Network", "News"} <= set(filter(None, categories.split(";")))
    assert entry.get("Terminal") == "false"
    assert entry.get("StartupWMClass") == "readinglist"  # = QGuiApplication desktopFileName
    assert parser.sections() == ["Desktop Entry"]


def test_metainfo() -> None:
    path = RESOURCES / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name")
    assert root.findtext("summary")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == "readinglist.desktop"
    assert (RESOURCES / launchable.text).is_file()
    release = root.find("releases/release")
    assert release is not None
    assert release.get("version") == readinglist.__version__


def test_icons_exist() -> None:
    assert (RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / "readinglist.svg").is_file()
    for n in ICON_SIZES:
        png = RESOURCES / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "readinglist.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", png
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (n, n), png
    ico = (ROOT / "packaging" / "windows" / "readinglist.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"
    assert (ROOT / "packaging" / "macos" / "readinglist.icns").read_bytes()[:4] == b"icns"


def test_changelog_top_version_is_the_package_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.MULTILINE)
    assert headings[0] == ("Unreleased", "")
    version, date = headings[1]
    assert version == readinglist.__version__
    assert date, "a released version needs a date"
    assert f"[{version}]: " in text  # link reference


def test_version_single_source() -> None:
    from readinglist.app import main

    assert re.fullmatch(r"\d+\.\d+\.\d+", readinglist.__version__)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "readinglist.__version__" }' in pyproject
    assert not re.search(r'^version\s*=\s*"', pyproject, re.MULTILINE)
    assert main(["--version"]) == 0


def test_every_package_is_listed_for_setuptools() -> None:
    """``pip install .`` (README's first command, and the bundle's build) installs only
    the packages pyproject.toml lists: one left out installs fine and fails at import."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    source = root / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
