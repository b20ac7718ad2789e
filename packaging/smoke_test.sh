#!/usr/bin/env bash
# Smoke-test a built bundle -- the bundled executable only, never the source tree:
#
#   packaging/smoke_test.sh dist/readinglist-<version>-linux-x86_64.tar.gz   (or the unpacked dir)
#
# 1. `readinglist --version` prints the version of the package that was built.
# 2. Every bundle run below happens under `env -i` with HOME, XDG_* and TMPDIR inside a
#    temporary tree and a PATH that has no python on it (checked), so the bundle must bring
#    its own interpreter; the running window's memory map is checked for foreign Python.
# 3. CLI round trip on a temporary data dir against loopback feeds (served by the system
#    python3 -- the test harness may use Python, the bundle may not): import an OPML of
#    two feeds, sync, list, series, set a note and read it back, export OPML; then a
#    1.2 MB feed, which must be parsed on a `--parse-worker` process of the bundle.
# 4. The window, offscreen (QT_QPA_PLATFORM=offscreen, READINGLIST_NO_SYNC_ON_START=1), on
#    that data dir: wait until it is up, SIGTERM, expect exit code 0 and saved window state.
# 5. Nothing was written outside the data dir and the XDG config/cache dirs: not in HOME,
#    not in TMPDIR/XDG_RUNTIME_DIR after exit, not in /tmp, not in the bundle itself.
# 6. If Xvfb is installed: the window once more on a real X server (xcb plugin).
# Then it reports start-up times of the bundle and of `python -m readinglist`
# (PYTHON_SOURCE, default .venv/bin/python when present).
#
# Exit status 0 when every check passed; otherwise 1 with a "FAIL:" line saying which.
# KEEP_SMOKE_DIR=1 keeps the temporary tree for inspection.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "smoke_test: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }
[ $# -eq 1 ] || { echo "usage: $0 BUNDLE_DIR_OR_TARBALL" >&2; exit 2; }
INPUT=$1
[ -e "$INPUT" ] || fail "$INPUT does not exist (run packaging/build.sh first)"
HOST_PY=$(command -v python3 || true)
[ -n "$HOST_PY" ] || fail "the test harness needs a python3 on PATH (for the loopback feed server)"

T=$(mktemp -d "${TMPDIR:-/tmp}/readinglist-smoke.XXXXXX")
T=$(cd "$T" && pwd -P)
SERVER_PID=""
GUI_PID=""
XVFB_PID=""
FR_PID=""
cleanup() {
  for pid in $GUI_PID $SERVER_PID $XVFB_PID; do kill "$pid" 2>/dev/null || true; done
  [ -z "$FR_PID" ] || kill -- "-$FR_PID" 2>/dev/null || true  # FreshRSS: its process group
  wait 2>/dev/null || true
  if [ "${KEEP_SMOKE_DIR:-0}" = 1 ]; then echo "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# --- the bundle -----------------------------------------------------------------------------
if [ -f "$INPUT" ]; then
  step "unpacking $INPUT"
  mkdir "$T/unpacked"
  tar -xzf "$INPUT" -C "$T/unpacked"
  [ "$(find "$T/unpacked" -mindepth 1 -maxdepth 1 | wc -l)" = 1 ] || fail "the tarball must hold exactly one top directory"
  BUNDLE=$(find "$T/unpacked" -mindepth 1 -maxdepth 1 -type d)
else
  BUNDLE=$(cd "$INPUT" && pwd -P)
fi
EXE="$BUNDLE/readinglist"
[ -f "$EXE" ] && [ -x "$EXE" ] || fail "$EXE is not an executable"
for f in install.sh uninstall.sh LICENSE _internal/readinglist/resources/readinglist.desktop; do
  [ -e "$BUNDLE/$f" ] || fail "the bundle lacks $f"
done
bundle_state() { (cd "$BUNDLE" && find . -printf '%p %s %T@ %m\n' | LC_ALL=C sort | md5sum); }
BUNDLE_BEFORE=$(bundle_state)

# --- a sandbox: HOME, XDG dirs, TMPDIR, and a PATH without python -----------------------------
SB="$T/sandbox"
H="$SB/home"
DATA="$SB/data"
mkdir -p "$H/.config" "$H/.cache" "$H/.local/share" "$SB/tmp" "$SB/runtime" "$SB/bin"
chmod 700 "$SB/runtime"
for tool in sh cat ls env id uname; do
  p=$(command -v "$tool" || true)
  [ -n "$p" ] && ln -s "$p" "$SB/bin/$tool"
done
if env -i PATH="$SB/bin" "$SB/bin/sh" -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
  fail "the sandbox PATH still finds a python"
fi

sandbox_env=(
  env -i
  HOME="$H"
  XDG_CONFIG_HOME="$H/.config"
  XDG_CACHE_HOME="$H/.cache"
  XDG_DATA_HOME="$H/.local/share"
  XDG_RUNTIME_DIR="$SB/runtime"
  TMPDIR="$SB/tmp"
  PATH="$SB/bin"
  LANG=C.UTF-8
  QT_QPA_PLATFORM=offscreen
  READINGLIST_NO_SYNC_ON_START=1
)
# run_bundle ARGS...: the bundled executable in the sandbox; stdout to $T/out, stderr to $T/err
run_bundle() {
  local rc=0
  "${sandbox_env[@]}" "$EXE" "$@" >"$T/out" 2>"$T/err" || rc=$?
  return "$rc"
}
expect_ok() {
  local what=$1
  shift
  run_bundle "$@" || fail "$what: \`readinglist $*\` exited $? -- stderr: $(cat "$T/err")"
}

tmp_listing() { find /tmp -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | LC_ALL=C sort; }
TMP_BEFORE=$(tmp_listing)

# --- 1. --version --------------------------------------------------------------------------
step "--version"
WANT=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/src/readinglist/__init__.py")
expect_ok "--version" --version
GOT=$(cat "$T/out")
[ "$GOT" = "readinglist $WANT" ] || fail "--version printed '$GOT', expected 'readinglist $WANT'"
echo "    $GOT (no python on PATH, env -i)"

# --- 2. loopback feeds ---------------------------------------------------------------------
step "loopback feed server"
mkdir -p "$T/www"
cat >"$T/www/feed-a.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Loopback Blog A</title><link>http://127.0.0.1/a/</link><description>test</description>
  <item><title>Transformers Explained (1): Attention</title><link>http://127.0.0.1/a/transformers-1</link>
    <guid>a-1</guid><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;Part one.&lt;/p&gt;</description></item>
  <item><title>Transformers Explained (2): Masking</title><link>http://127.0.0.1/a/transformers-2</link>
    <guid>a-2</guid><pubDate>Mon, 09 Nov 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;Part two.&lt;/p&gt;</description></item>
  <item><title>Transformers Explained (4): Decoding</title><link>http://127.0.0.1/a/transformers-4</link>
    <guid>a-4</guid><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;Part four.&lt;/p&gt;</description></item>
  <item><title>Why I like SQLite</title><link>http://127.0.0.1/a/sqlite</link>
    <guid>a-s</guid><pubDate>Tue, 17 Nov 2026 09:00:00 GMT</pubDate><description>A standalone post.</description></item>
</channel></rss>
XML
cat >"$T/www/feed-b.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Loopback Blog B</title><id>urn:loopback:b</id><updated>2026-11-18T10:00:00Z</updated>
  <entry><title>Time Series Forecasting Part 1</title><id>urn:loopback:b:1</id>
    <link href="http://127.0.0.1/b/forecasting-1"/><updated>2026-11-10T10:00:00Z</updated><summary>One.</summary></entry>
  <entry><title>Time Series Forecasting Part 2</title><id>urn:loopback:b:2</id>
    <link href="http://127.0.0.1/b/forecasting-2"/><updated>2026-11-18T10:00:00Z</updated><summary>Two.</summary></entry>
</feed>
XML
"$HOST_PY" - "$T/www" "$T/port" >"$T/server.log" 2>&1 <<'PY' &
import functools, http.server, sys
root, port_file = sys.argv[1], sys.argv[2]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PY
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
[ -s "$T/port" ] || fail "the loopback server did not start: $(cat "$T/server.log")"
PORT=$(cat "$T/port")
cat >"$T/feeds.opml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>loopback</title></head><body>
  <outline text="Loopback Blog A" type="rss" xmlUrl="http://127.0.0.1:$PORT/feed-a.xml"/>
  <outline text="Loopback Blog B" type="rss" xmlUrl="http://127.0.0.1:$PORT/feed-b.xml"/>
</body></opml>
XML
# Feed A's posts link to pages on this server; part 2 has one (full text, e-book).
sed -i "s#http://127.0.0.1/a/#http://127.0.0.1:$PORT/a/#g" "$T/www/feed-a.xml"
mkdir -p "$T/www/a/transformers-2"
cat >"$T/www/a/transformers-2/index.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>Masking</title></head><body>
<nav><a href="/">Home</a> <a href="/about/">About this blog</a></nav>
<article><h1>Transformers Explained (2): Masking</h1>
<p>A decoder must not see the future, so the attention scores of later tokens are set to
minus infinity before the softmax turns them into weights.</p>
<p>The mask is a triangle: token three sees tokens one to three and nothing after them,
which is what lets the model be trained on every position of a sentence at once.</p>
<pre><code>scores = scores.masked_fill(mask == 0, float("-inf"))</code></pre>
<p>Padding needs a mask of its own, so that short sentences in a batch do not attend to
the filler at their end.</p>
</article><footer><p>Copyright, the author</p></footer></body></html>
HTML
echo "    http://127.0.0.1:$PORT/ serving 2 feeds and an article page"

# --- 3. CLI round trip --------------------------------------------------------------------------
step "CLI round trip in $DATA"
expect_ok "import" import "$T/feeds.opml" --data-dir "$DATA"
grep -q "imported 2 feeds" "$T/out" || fail "import said: $(cat "$T/out")"
expect_ok "sync" sync --data-dir "$DATA"
echo "    $(cat "$T/out")"
expect_ok "list" list --json --data-dir "$DATA"
cp "$T/out" "$T/list.json"
ARTICLE=$("$HOST_PY" - "$T/list.json" <<'PY'
import json, sys
articles = json.load(open(sys.argv[1]))
titles = sorted(a["title"] for a in articles)
want = {"Transformers Explained (1): Attention", "Time Series Forecasting Part 2", "Why I like SQLite"}
missing = want - set(titles)
if len(articles) != 6 or missing:
    sys.exit(f"expected 6 articles incl. {sorted(missing)}; got {titles}")
print(next(a["id"] for a in articles if a["title"].startswith("Transformers Explained (2)")))
PY
) || fail "list --json: $ARTICLE"
echo "    list: 6 articles"
expect_ok "series" series --json --data-dir "$DATA"
"$HOST_PY" - "$T/out" <<'PY' || fail "series --json: unexpected result: $(cat "$T/out")"
import json, sys
series = json.load(open(sys.argv[1]))
text = json.dumps(series)
assert len(series) >= 2, series
assert "Transformers" in text and "Forecasting" in text, text
PY
echo "    series: $(grep -c '"id"' "$T/out" || true) entries"
NOTE="Part 2 explains the masking trick — ünïcödé ✓"
expect_ok "note (set)" note "$ARTICLE" "$NOTE" --data-dir "$DATA"
expect_ok "note (get)" note "$ARTICLE" --data-dir "$DATA"
[ "$(cat "$T/out")" = "$NOTE" ] || fail "note read back '$(cat "$T/out")', expected '$NOTE'"
expect_ok "list --notes" list --notes --json --data-dir "$DATA"
grep -q "\"id\": $ARTICLE\b" "$T/out" || fail "list --notes does not show article $ARTICLE"
expect_ok "read" read "$ARTICLE" --data-dir "$DATA"
expect_ok "export" export opml --data-dir "$DATA"
grep -q "127.0.0.1:$PORT/feed-b.xml" "$T/out" || fail "export opml lacks feed B"
echo "    note set and read back on article $ARTICLE; export ok"
# full text (trafilatura and lxml, inside the bundle), a highlight, the series as an e-book
expect_ok "fulltext" fulltext "$ARTICLE" --data-dir "$DATA"
expect_ok "show" show "$ARTICLE" --data-dir "$DATA"
grep -q "The mask is a triangle" "$T/out" || fail "show lacks the page's text: $(cat "$T/out")"
grep -q "About this blog" "$T/out" && fail "show carries the page's menu: $(cat "$T/out")"
expect_ok "highlight" highlight "$ARTICLE" "The mask is a triangle" --data-dir "$DATA"
expect_ok "series" series --json --data-dir "$DATA"
SERIES=$("$HOST_PY" -c 'import json, sys; print(next(s["id"] for s in json.load(open(sys.argv[1])) if "Transformers" in s["name"]))' "$T/out") \
  || fail "no Transformers series in $(cat "$T/out")"
expect_ok "export epub" export epub --series "$SERIES" -o "$T/series.epub" --data-dir "$DATA"
"$HOST_PY" - "$T/series.epub" <<'PY' || fail "export epub made no e-book"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as book:
    assert book.read("mimetype") == b"application/epub+zip"
    text = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "<mark>The mask is a triangle</mark>" in text, text[:2000]
PY
echo "    full text fetched and shown, highlighted, series $SERIES exported as an e-book"

# A big document is parsed on a worker process, which the bundle starts from its own
# executable with --parse-worker (packaging/entry_readinglist.py, services/parse_pool.py).
if [ "$(nproc)" -ge 2 ]; then
  "$HOST_PY" - "$T/www/feed-big.xml" <<'PY'
import sys
body = "&lt;p&gt;" + "gradient descent, step by step. " * 60 + "&lt;/p&gt;"
items = "".join(
    f"<item><title>Big {i}</title><link>http://127.0.0.1/big/{i}/</link>"
    f"<guid>big-{i}</guid><description>{body}</description></item>"
    for i in range(600)
)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
              f"<title>Big</title>{items}</channel></rss>")
PY
  # imported, not added: `add` would fetch and store it at once, with no sync to watch
  cat >"$T/big.opml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><body>
  <outline text="Big" type="rss" xmlUrl="http://127.0.0.1:$PORT/feed-big.xml"/>
</body></opml>
XML
  expect_ok "import (big feed)" import "$T/big.opml" --data-dir "$DATA"
  run_bundle sync --data-dir "$DATA" &
  SYNC_PID=$!
  WORKER_SEEN=""
  while kill -0 "$SYNC_PID" 2>/dev/null; do
    # every process under the sync (the shell running it, the bundle, its workers)
    for child in $(ps -eo pid=,ppid= | awk -v root="$SYNC_PID" '{ up[$1] = $2 }
        END { for (p in up) { q = p; while ((q in up) && q != root) q = up[q]; if (q == root) print p } }'); do
      CMDLINE=$({ tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null || true)
      case $CMDLINE in *--parse-worker*) WORKER_SEEN=1 ;; esac
    done
    sleep 0.05
  done
  wait "$SYNC_PID" || fail "sync (big feed) exited $? -- stderr: $(cat "$T/err")"
  [ -n "$WORKER_SEEN" ] || fail "the big sync started no --parse-worker process"
  expect_ok "list (big feed)" list --json --data-dir "$DATA"
  BIG=$("$HOST_PY" -c 'import json, sys; print(sum(a["title"].startswith("Big ") for a in json.load(open(sys.argv[1]))))' "$T/out")
  [ "$BIG" = 600 ] || fail "the big feed stored $BIG of 600 articles"
  echo "    a 1.2 MB feed parsed on a --parse-worker process of the bundle: 600 articles"
else
  echo "    (one core: no parse workers, the big-sync step is skipped)"
fi

# A sync account with the real FreshRSS (CI installs PHP; skipped where it is absent):
# the bundle logs in, keeps the password (no keyring in the sandbox: a private file),
# subscribes the account to a feed it fetched itself and syncs without a duplicate.
FRESHRSS="$ROOT/../shared/servers/freshrss/start.sh"
if [ -f "$FRESHRSS" ] && command -v php >/dev/null 2>&1; then
  bash "$FRESHRSS" "$T/freshrss" >"$T/freshrss.json" 2>"$T/freshrss.err" \
    || fail "FreshRSS did not start: $(cat "$T/freshrss.err")"
  FR_PID=$("$HOST_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$T/freshrss.json")
  G=$("$HOST_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["greader"])' "$T/freshrss.json")
  APIPW=$("$HOST_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["api_password"])' "$T/freshrss.json")
  ACCT="$T/account-library"
  printf 'wrong\n' | run_bundle account set greader "$G" --user reader --password-stdin --data-dir "$ACCT" \
    && fail "account set accepted a wrong password"
  grep -q "refused" "$T/err" || fail "a wrong password said: $(cat "$T/err")"
  printf '%s\n' "$APIPW" | expect_ok "account set" account set greader "$G" --user reader --password-stdin --data-dir "$ACCT"
  [ "$(stat -c %a "$ACCT/account-password")" = 600 ] || fail "the password file is not private"
  expect_ok "add (account)" add "http://127.0.0.1:$PORT/feed-b.xml" --data-dir "$ACCT"
  expect_ok "sync (account)" sync --data-dir "$ACCT"
  expect_ok "account show" account show --json --data-dir "$ACCT"
  "$HOST_PY" - "$T/out" <<'PY' || fail "account show: $(cat "$T/out")"
import json, sys
shown = json.load(open(sys.argv[1]))
assert shown["kind"] == "greader" and shown["last_sync"] and shown["pending_changes"] == 0, shown
PY
  expect_ok "list (account)" list --json --data-dir "$ACCT"
  "$HOST_PY" -c 'import json,sys; rows=json.load(open(sys.argv[1])); links=[r["url"] for r in rows]; assert rows and len(links)==len(set(links)), rows' "$T/out" \
    || fail "the account's articles: $(cat "$T/out")"
  kill -- "-$FR_PID" 2>/dev/null || true
  FR_PID=""
  echo "    sync account on FreshRSS: wrong password refused, feed subscribed there, no duplicates"
else
  echo "    (no PHP or FreshRSS here: the sync account step is skipped)"
fi
# the default data dir is the XDG one
expect_ok "feeds (default data dir)" feeds
[ -d "$H/.local/share/readinglist" ] || fail "the default library is not in \$XDG_DATA_HOME/readinglist"

# --- 4. the window, offscreen ------------------------------------------------------------------
# gui_run LABEL: start the window in the sandbox, wait until it listens for a second instance
# (its local socket appears in TMPDIR, after the window is built), check, SIGTERM, expect 0.
gui_run() {
  local label=$1
  shift
  rm -f "$DATA/gui-settings.ini"
  local t0=$EPOCHREALTIME
  "${sandbox_env[@]}" "$@" "$EXE" --data-dir "$DATA" >"$T/gui.out" 2>"$T/gui.err" &
  GUI_PID=$!
  local up=""
  for _ in $(seq 300); do
    if compgen -G "$SB/tmp/readinglist-*" >/dev/null; then up=1; break; fi
    kill -0 "$GUI_PID" 2>/dev/null || break
    sleep 0.05
  done
  local t1=$EPOCHREALTIME
  [ -n "$up" ] || fail "$label: the window did not come up -- stderr: $(cat "$T/gui.err")"
  GUI_UP_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  sleep 1 # let it paint and settle
  kill -0 "$GUI_PID" 2>/dev/null || fail "$label: the window exited by itself -- stderr: $(cat "$T/gui.err")"
  # Bundled Python only: nothing python-ish may be mapped from outside the bundle.
  local foreign
  foreign=$(awk '$6 ~ /python|libpyside|libshiboken|libQt6/ { print $6 }' "/proc/$GUI_PID/maps" \
    | grep -v "^$BUNDLE/" | sort -u || true)
  [ -z "$foreign" ] || fail "$label: the bundle loaded files from outside itself: $foreign"
  # The window icon is an SVG: the bundled SVG icon engine must have been loaded.
  grep -q "$BUNDLE/_internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so" "/proc/$GUI_PID/maps" \
    || fail "$label: the SVG icon engine plugin was not loaded (icons would be blank)"
  kill -TERM "$GUI_PID"
  local rc=0
  for _ in $(seq 200); do kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$GUI_PID" 2>/dev/null; then
    kill -KILL "$GUI_PID"
    fail "$label: still running 10 s after SIGTERM"
  fi
  wait "$GUI_PID" || rc=$?
  GUI_PID=""
  [ "$rc" = 0 ] || fail "$label: exit code $rc after SIGTERM (expected 0) -- stderr: $(cat "$T/gui.err")"
  [ -f "$DATA/gui-settings.ini" ] || fail "$label: the window did not save its state on SIGTERM"
  echo "    $label: up in ${GUI_UP_SECONDS}s, SIGTERM -> exit 0, window state saved"
}
step "window (offscreen)"
gui_run "offscreen window"
OFFSCREEN_UP=$GUI_UP_SECONDS

# --- 5. where it wrote -------------------------------------------------------------------------
step "files written outside the allowed dirs"
stray=$(cd "$SB" && find . -mindepth 1 \
  ! -path ./data ! -path './data/*' \
  ! -path ./home ! -path ./home/.local ! -path ./home/.local/share \
  ! -path ./home/.local/share/readinglist ! -path './home/.local/share/readinglist/*' \
  ! -path ./home/.config ! -path './home/.config/*' \
  ! -path ./home/.cache ! -path './home/.cache/*' \
  ! -path ./tmp ! -path ./runtime ! -path ./bin ! -path './bin/*' | LC_ALL=C sort)
[ -z "$stray" ] || fail "the bundle wrote outside its data dir and XDG config/cache dirs:
$stray"
new_tmp=$(comm -13 <(echo "$TMP_BEFORE") <(tmp_listing) | grep -v -x "$(basename "$T")" || true)
[ -z "$new_tmp" ] || fail "new entries in /tmp: $new_tmp"
[ "$(bundle_state)" = "$BUNDLE_BEFORE" ] || fail "the bundle directory changed while running"
echo "    none (wrote: data dir, \$XDG_DATA_HOME/readinglist$(
  [ -n "$(ls -A "$H/.config")" ] && echo ", \$XDG_CONFIG_HOME")$(
  [ -n "$(ls -A "$H/.cache")" ] && echo ", \$XDG_CACHE_HOME"); TMPDIR, runtime dir, /tmp and bundle untouched)"

# --- 6. the window on X11 (optional) ------------------------------------------------------------
if command -v Xvfb >/dev/null 2>&1; then
  step "window on Xvfb (xcb)"
  DISP=""
  for n in $(seq 90 120); do [ -e "/tmp/.X$n-lock" ] || { DISP=$n; break; }; done
  Xvfb ":$DISP" -screen 0 1280x800x24 -nolisten tcp >"$T/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$DISP" ] && break; sleep 0.05; done
  gui_run "xcb window" QT_QPA_PLATFORM=xcb DISPLAY=":$DISP"
  kill "$XVFB_PID" 2>/dev/null || true
  wait "$XVFB_PID" 2>/dev/null || true
  XVFB_PID=""
else
  echo "==> Xvfb not installed: skipped the xcb window check"
fi

# --- timings -----------------------------------------------------------------------------------
step "start-up times"
drop_caches() { sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; }
seconds() { # seconds CMD...: wall time of one run
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}
median5() {
  local xs=()
  for _ in 1 2 3 4 5; do xs+=("$(seconds "$@")"); done
  printf '%s\n' "${xs[@]}" | sort -n | sed -n 3p
}
cold_note="first run after dropping the page cache"
drop_caches || cold_note="first run (page cache could not be dropped: not root?)"
B_COLD=$(seconds "${sandbox_env[@]}" "$EXE" --version)
B_WARM=$(median5 "${sandbox_env[@]}" "$EXE" --version)
echo "    bundle   readinglist --version:        cold ${B_COLD}s, warm ${B_WARM}s (median of 5)"
PYTHON_SOURCE=${PYTHON_SOURCE:-$ROOT/.venv/bin/python}
if [ -x "$PYTHON_SOURCE" ] && "$PYTHON_SOURCE" -c 'import readinglist' 2>/dev/null; then
  drop_caches || true
  P_COLD=$(seconds env -i HOME="$H" LANG=C.UTF-8 "$PYTHON_SOURCE" -m readinglist --version)
  P_WARM=$(median5 env -i HOME="$H" LANG=C.UTF-8 "$PYTHON_SOURCE" -m readinglist --version)
  echo "    source   python -m readinglist --version: cold ${P_COLD}s, warm ${P_WARM}s (median of 5; $PYTHON_SOURCE)"
else
  echo "    source   (no PYTHON_SOURCE with readinglist installed: skipped)"
fi
echo "    bundle   window up (offscreen):         ${OFFSCREEN_UP}s (start to listening, the smoke library)"
echo "    cold = $cold_note"
echo "smoke_test: PASS ($BUNDLE)"
