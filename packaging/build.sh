#!/usr/bin/env bash
# Build the self-contained one-folder bundle and pack it:
#
#   packaging/build.sh            ->  dist/readinglist-<version>-linux-<arch>/  (unpacked)
#                                     dist/readinglist-<version>-linux-<arch>.tar.gz
#
# Works from a clean clone, as root or not, with no display. Environment:
#   PYTHON               interpreter for a new build venv (default: python3; must be a
#                        shared-library build, e.g. pyenv with --enable-shared or distro python)
#   READINGLIST_BUILD_VENV   venv to create/reuse (default: .venv-build)
#   SOURCE_DATE_EPOCH    timestamp for the tarball entries (default: the last commit's)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

die() { echo "build.sh: $*" >&2; exit 1; }

PY=${PYTHON:-python3}
VENV=${READINGLIST_BUILD_VENV:-.venv-build}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PYTHONDONTWRITEBYTECODE=1

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating build venv $VENV with $("$PY" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
  "$PY" -m venv "$VENV"
fi
VPY="$VENV/bin/python"
"$VPY" -c 'import sysconfig, sys; sys.exit(0 if sysconfig.get_config_var("Py_ENABLE_SHARED") else 1)' \
  || die "$VPY is a static Python build; PyInstaller needs libpython (build Python with --enable-shared)"

echo "==> installing readinglist (not editable) and the pinned PyInstaller into $VENV"
# Not editable: resources/ is mapped onto readinglist.resources, which PyInstaller only
# sees as an ordinary package in site-packages. Uninstall first so a same-version rebuild
# always bundles the current tree.
"$VPY" -m pip uninstall -q -y readinglist >/dev/null 2>&1 || true
"$VPY" -m pip install -q -r packaging/requirements.txt .
# pip builds in the tree: leave no build/ or egg-info behind that could shadow anything
rm -rf build/lib build/bdist.* src/readinglist.egg-info

VERSION=$(cd / && "$ROOT/$VPY" -c 'import readinglist; print(readinglist.__version__)')
[ -n "$VERSION" ] || die "could not read readinglist.__version__"
SYSTEM=$(uname -s | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m)
NAME="readinglist-$VERSION-$SYSTEM-$ARCH"
STAGE="dist/$NAME"
TARBALL="dist/$NAME.tar.gz"
echo "==> building $NAME"

rm -rf build/pyinstaller "$STAGE" "$TARBALL"
mkdir -p dist
start=$(date +%s)
QT_QPA_PLATFORM=offscreen "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  packaging/readinglist.spec
echo "    PyInstaller took $(( $(date +%s) - start )) s"

# The tarball's top directory: the bundle plus what a user needs to install it.
mv build/pyinstaller/dist/readinglist "$STAGE"
# ICU's data library is a quarter of the bundle; keep what Qt uses (needs `cc`; skipped,
# with a note, without one). READINGLIST_FULL_ICU=1 keeps it whole.
if [ "${READINGLIST_FULL_ICU:-0}" != 1 ]; then
  "$VPY" packaging/trim_icu.py "$STAGE"
fi
install -m 0755 packaging/linux/install.sh packaging/linux/uninstall.sh "$STAGE/"
install -m 0644 LICENSE CHANGELOG.md "$STAGE/"
cat > "$STAGE/README.txt" <<TXT
readinglist $VERSION for Linux $ARCH: a self-contained bundle (no Python needed).

Run it in place:      ./readinglist            (the window)
                      ./readinglist --help     (the command line)
Install for yourself: ./install.sh             (~/.local: command, menu entry, icon)
Remove again:         ~/.local/lib/readinglist/uninstall.sh   (your library is kept)

Needs the usual desktop libraries (X11 or Wayland, EGL/GL, D-Bus); any current desktop
distribution has them, and ./readinglist names any that is missing and its package.
TXT

# Every ELF file must resolve its libraries inside the bundle or from the system. Not
# bundled on purpose (PyInstaller's rule: they must match the machine's graphics stack):
# libwayland-*, libEGL/libGL*, libxcb, libdrm; a Wayland or X desktop always has them;
# nor libdbus-1 (see the spec). Bundled: the small xcb-util libraries (icccm, keysyms,
# image, render-util, cursor, util) that minimal desktops lack and Qt's xcb plugin needs.
# (PyInstaller's warnings about libtiff/GTK above are for plugins this spec drops.)
missing=$(find "$STAGE" -type f -name '*.so*' -exec ldd {} + 2>/dev/null \
  | awk '/^[^\t ]/ { file = $1 } /not found/ { print file " " $1 }' \
  | grep -v -E ' (libwayland-[a-z]+|libE?(Open)?GLX?[a-zA-Z0-9_]*|libxcb|libdrm)\.so' || true)
if [ -n "$missing" ]; then
  echo "build.sh: unresolved libraries in the bundle:" >&2
  echo "$missing" >&2
  exit 1
fi

# Reproducible-ish tarball: sorted names, fixed owner and timestamp, gzip without name/time.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" \
  -C dist -cf - "$NAME" | gzip -9n > "$TARBALL"

unpacked=$(du -sb "$STAGE" | cut -f1)
packed=$(stat -c %s "$TARBALL")
# The size budget: 110 MB unpacked. Raise it only on purpose, with the reason in CHANGELOG
# (100 MB until the sync account: Linux's Secret Service keyring needs SecretStorage, and
# it needs cryptography, a 12 MB library).
MAX_UNPACKED=${READINGLIST_MAX_UNPACKED:-110000000}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
echo "==> built $TARBALL"
echo "    unpacked: $(mb "$unpacked") ($unpacked bytes, $(find "$STAGE" -type f | wc -l) files) in $STAGE"
echo "    packed:   $(mb "$packed") ($packed bytes)"
echo "    biggest files:"
# awk reads to the end (NR <= 8), so sort never dies of SIGPIPE under pipefail.
find "$STAGE" -type f -printf '%s %P\n' | sort -rn \
  | awk 'NR <= 8 { printf "      %6.1f MB  %s\n", $1 / 1000000, $2 }'
if [ "$unpacked" -gt "$MAX_UNPACKED" ]; then
  die "the bundle is $(mb "$unpacked") unpacked, over the $(mb "$MAX_UNPACKED") budget"
fi
