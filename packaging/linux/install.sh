#!/usr/bin/env bash
# Install an unpacked readinglist bundle for the current user (no root, no Python):
#
#   ./install.sh [--prefix DIR] [BUNDLE_DIR]
#
#   BUNDLE_DIR   the unpacked bundle (holds the `readinglist` executable and _internal/);
#                default: the directory this script is in (it ships inside the tarball)
#   --prefix     where to install; default ~/.local
#
# Installs exactly these (and nothing else; running it again replaces them):
#   PREFIX/lib/readinglist/                      the bundle, plus uninstall.sh
#   PREFIX/bin/readinglist                       symlink to the bundle's executable
#   PREFIX/share/applications/readinglist.desktop
#   PREFIX/share/metainfo/io.github.readinglist.ReadingList.metainfo.xml
#   PREFIX/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/readinglist.png
#   PREFIX/share/icons/hicolor/scalable/apps/readinglist.svg
# Your library (~/.local/share/readinglist) is never touched.
set -euo pipefail

APP=readinglist
APP_ID=io.github.readinglist.ReadingList
ICON_SIZES="16 32 48 64 128 256"
MARKER=.readinglist-bundle

die() { echo "install.sh: $*" >&2; exit 1; }
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; }

prefix="$HOME/.local"
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (try --help)" ;;
    *) [ -z "$bundle" ] || die "only one BUNDLE_DIR, please"; bundle=$1; shift ;;
  esac
done
[ -n "$bundle" ] || bundle=$(dirname "$0")
bundle=$(cd "$bundle" && pwd -P) || die "no such bundle directory"
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd -P)

[ -x "$bundle/$APP" ] && [ -f "$bundle/$APP" ] || die "$bundle/$APP is not an executable: is $bundle an unpacked bundle?"
res="$bundle/_internal/readinglist/resources"
[ -d "$res" ] || die "$res is missing: is $bundle an unpacked bundle?"
for f in "$res/$APP.desktop" "$res/$APP_ID.metainfo.xml" "$res/icons/hicolor/scalable/apps/$APP.svg"; do
  [ -f "$f" ] || die "$f is missing from the bundle"
done

libdir="$prefix/lib/$APP"
bindir="$prefix/bin"
appdir="$prefix/share/applications"
metadir="$prefix/share/metainfo"
icondir="$prefix/share/icons/hicolor"

case "$libdir/" in
  "$bundle"/*) die "refusing to install $bundle onto itself" ;;
esac
if [ -e "$libdir" ] && [ ! -e "$libdir/$MARKER" ]; then
  die "$libdir exists and was not made by this script; move it away first"
fi
if [ -e "$bindir/$APP" ] || [ -L "$bindir/$APP" ]; then
  if [ ! -L "$bindir/$APP" ] || [ "$(readlink "$bindir/$APP")" != "$libdir/$APP" ]; then
    die "$bindir/$APP exists and is not ours (a pip install?); remove it first"
  fi
fi

# 1. The bundle: copy next to the old one, then swap, so a failed copy leaves it intact.
mkdir -p "$prefix/lib"
tmp="$prefix/lib/.$APP.new.$$"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp"
cp -R "$bundle/$APP" "$bundle/_internal" "$tmp/"
for extra in LICENSE CHANGELOG.md README.txt; do
  [ -f "$bundle/$extra" ] && cp "$bundle/$extra" "$tmp/"
done
cp "$(dirname "$0")/uninstall.sh" "$tmp/uninstall.sh" 2>/dev/null \
  || cp "$bundle/uninstall.sh" "$tmp/uninstall.sh" 2>/dev/null \
  || die "uninstall.sh not found next to install.sh"
chmod 0755 "$tmp/uninstall.sh"
: > "$tmp/$MARKER"
rm -rf "$libdir"
mv "$tmp" "$libdir"
trap - EXIT

# 2. The command.
mkdir -p "$bindir"
ln -sfn "$libdir/$APP" "$bindir/$APP"

# 3. Desktop entry: absolute Exec/TryExec, since ~/.local/bin is often not on the
#    desktop session's PATH.
mkdir -p "$appdir"
exec_path="$libdir/$APP"
case "$exec_path" in
  *[\"\\\`\$%]*) die "the install path $exec_path has characters a desktop entry cannot hold" ;;
  *[[:space:]]*) exec_arg="\"$exec_path\"" ;;
  *) exec_arg=$exec_path ;;
esac
EXEC_ARG=$exec_arg TRYEXEC=$exec_path awk '
  /^Exec=readinglist( |$)/ { sub(/^Exec=readinglist/, ""); print "Exec=" ENVIRON["EXEC_ARG"] $0; next }
  /^TryExec=readinglist$/ { print "TryExec=" ENVIRON["TRYEXEC"]; next }
  { print }
' "$res/$APP.desktop" > "$appdir/$APP.desktop.tmp"
mv "$appdir/$APP.desktop.tmp" "$appdir/$APP.desktop"
chmod 0644 "$appdir/$APP.desktop"

# 4. AppStream metainfo (software centres, `appstreamcli`).
mkdir -p "$metadir"
install -m 0644 "$res/$APP_ID.metainfo.xml" "$metadir/$APP_ID.metainfo.xml"

# 5. Icons.
for size in $ICON_SIZES; do
  src="$res/icons/hicolor/${size}x${size}/apps/$APP.png"
  [ -f "$src" ] || die "$src is missing from the bundle"
  mkdir -p "$icondir/${size}x${size}/apps"
  install -m 0644 "$src" "$icondir/${size}x${size}/apps/$APP.png"
done
mkdir -p "$icondir/scalable/apps"
install -m 0644 "$res/icons/hicolor/scalable/apps/$APP.svg" "$icondir/scalable/apps/$APP.svg"

echo "installed readinglist into $libdir"
echo "  command:  $bindir/$APP"
echo "  menu:     $appdir/$APP.desktop"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "  note: $bindir is not on your PATH; add it to run \`$APP\` from a shell" ;;
esac
echo "  remove:   $libdir/uninstall.sh"
