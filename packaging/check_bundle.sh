#!/usr/bin/env bash
# Run the built bundle the way an office does: copied out of the checkout, with a clean environment
# and no Python on PATH. Checks `demo`, `validate`, `export` to PDF (its text read back with
# pdftotext) and DOCX/XLSX, a sync of 80 packages (prepared with the checkout's Python), then the window
# under Xvfb until it shows the sample report.
#
#     packaging/check_bundle.sh [build/dist/baocao]
#
# Needs pdftotext (poppler-utils), Xvfb, xdotool and the Qt xcb libraries listed in the README.
set -euo pipefail
BUNDLE=${1:-build/dist/baocao}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$BUNDLE/baocao" ] || { echo "no bundle at $BUNDLE (build it with packaging/build.py)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/baocao-bundle.XXXXXX)
XVFB_PID="" WINDOW_PID=""
cleanup() {
    [ -n "$WINDOW_PID" ] && kill "$WINDOW_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

cp -a "$BUNDLE" "$WORK/baocao"
mkdir -p "$WORK/home" "$WORK/bin"   # $WORK/bin stays empty: nothing, Python least of all, is on PATH
cd "$WORK"
DB="$WORK/home/bc.sqlite3"
run() { env -i PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 "$@"; }
fail() { echo "bundle check failed: $*" >&2; exit 1; }
step() { echo "+ baocao $*"; }

step demo
out=$(run ./baocao/baocao --db "$DB" demo) || fail "demo exited $?"
grep -q "Đã nạp báo cáo mẫu" <<<"$out" || fail "demo said: $out"

step validate --office TTH --period 2020-Q1
out=$(run ./baocao/baocao --db "$DB" validate --office TTH --period 2020-Q1) || fail "validate exited $?: $out"
grep -q "Báo cáo hợp lệ" <<<"$out" || fail "validate said: $out"

step export --office TTH --period 2020-Q1 --format pdf
run ./baocao/baocao --db "$DB" export --office TTH --period 2020-Q1 --format pdf --out "$WORK/r.pdf" >/dev/null \
    || fail "export pdf exited $?"
text=$(pdftotext "$WORK/r.pdf" - | tr -s ' \n' '  ')
for sentence in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "đã giải quyết việc làm mới cho 2.607 người" \
                "trong đó có 176 người đi làm việc ở nước ngoài theo hợp đồng"; do
    grep -qF "$sentence" <<<"$text" || fail "the PDF lacks “$sentence”"
done
for format in docx xlsx; do  # both are zip files written from templates the bundle must carry
    step export --office TTH --period 2020-Q1 --format $format
    run ./baocao/baocao --db "$DB" export --office TTH --period 2020-Q1 --format $format --out "$WORK/r.$format" \
        >/dev/null || fail "export $format exited $?"
    [ "$(head -c 2 "$WORK/r.$format")" = "PK" ] || fail "r.$format is not a zip file"
done

# A province's sync of 80 signed packages: enough that files are read ahead in a worker process, which the
# frozen executable must start as itself. The checkout's Python only prepares the database and the folder.
PY=${BAOCAO_PYTHON:-$HERE/../.venv/bin/python}
HUE_DB="$WORK/home/hue.sqlite3"
share=$("$PY" "$HERE/sync_fixture.py" "$HUE_DB" "$WORK/share" 80) || fail "could not prepare the sync check"
step sync --folder "$share"
started=$SECONDS
out=$(run ./baocao/baocao --db "$HUE_DB" sync --folder "$share" 2>&1) || fail "sync exited $?: $out"
accepted=$(grep -c "^accepted" <<<"$out" || true)
[ "$accepted" = 80 ] || fail "sync accepted $accepted of 80 packages: $(head -c 2000 <<<"$out")"
[ $((SECONDS - started)) -lt 20 ] || fail "sync of 80 packages took $((SECONDS - started)) s"

echo "+ baocao (window, under Xvfb)"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
DISPLAY=":$(cat "$WORK/display")"
env -i PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" ./baocao/baocao --db "$DB" \
    >"$WORK/window.log" 2>&1 &
WINDOW_PID=$!
# The title names the office and period once the report is on screen.
if ! window=$(DISPLAY="$DISPLAY" timeout 60 xdotool search --sync --onlyvisible --pid "$WINDOW_PID" \
        --name "TTH – .* – Quý I năm 2020"); then
    fail "no window showing the sample within 60 s: $(cat "$WORK/window.log")"
fi
for w in $window; do echo "  window $w: $(DISPLAY="$DISPLAY" xdotool getwindowname "$w")"; done
kill "$WINDOW_PID"
WINDOW_PID=""

size=$(du -sm "$WORK/baocao" | cut -f1)
echo "Bundle checks passed: demo, validate, export (pdf, docx, xlsx), sync, window; bundle $size MB"
[ "$size" -le 200 ] || fail "bundle is $size MB, more than 200 MB"
