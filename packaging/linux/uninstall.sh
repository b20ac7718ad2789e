#!/usr/bin/env bash
# Remove what install.sh installed, and nothing else:
#
#   uninstall.sh [--prefix DIR]        (default prefix: ~/.local)
#
# Removes PREFIX/lib/readinglist/, the PREFIX/bin/readinglist symlink (only if it points
# there), the desktop entry, the metainfo file and the icons. It NEVER touches your
# library (~/.local/share/readinglist) or settings: delete those yourself if you want.
# Empty directories are left in place (they may be shared with other programs).
set -euo pipefail

APP=readinglist
APP_ID=io.github.readinglist.ReadingList
ICON_SIZES="16 32 48 64 128 256"
MARKER=.readinglist-bundle

die() { echo "uninstall.sh: $*" >&2; exit 1; }

prefix="$HOME/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
done
[ -d "$prefix" ] || { echo "nothing installed under $prefix"; exit 0; }
prefix=$(cd "$prefix" && pwd -P)
libdir="$prefix/lib/$APP"

removed=0
rm_file() {
  if [ -f "$1" ] || [ -L "$1" ]; then rm -f "$1"; removed=$((removed + 1)); fi
}

if [ -L "$prefix/bin/$APP" ] && [ "$(readlink "$prefix/bin/$APP")" = "$libdir/$APP" ]; then
  rm_file "$prefix/bin/$APP"
elif [ -e "$prefix/bin/$APP" ]; then
  echo "uninstall.sh: leaving $prefix/bin/$APP alone (not installed by install.sh)" >&2
fi
rm_file "$prefix/share/applications/$APP.desktop"
rm_file "$prefix/share/metainfo/$APP_ID.metainfo.xml"
for size in $ICON_SIZES; do
  rm_file "$prefix/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
rm_file "$prefix/share/icons/hicolor/scalable/apps/$APP.svg"

if [ -d "$libdir" ]; then
  if [ -e "$libdir/$MARKER" ]; then
    # Safe when this script is $libdir/uninstall.sh itself: bash keeps the file open.
    rm -rf "$libdir"
    removed=$((removed + 1))
  else
    echo "uninstall.sh: leaving $libdir alone (not made by install.sh)" >&2
  fi
fi

if [ "$removed" -eq 0 ]; then
  echo "readinglist was not installed under $prefix"
else
  echo "removed readinglist from $prefix"
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}/$APP"
if [ -d "$data" ]; then
  echo "your library is still in $data (delete it yourself if you no longer want it)"
fi
exit 0
