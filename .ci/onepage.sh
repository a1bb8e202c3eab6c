#!/usr/bin/env bash
# The one-page check in a real browser: the sample agreement's expectations
# sheet (contract.SampleAgreement().Sheet(), rendered by examples/sheet), the
# same sheet with a post moved by a late approval, and the hand-written typical
# sheet, printed headless by Chromium to PDF on Letter and
# on A4 paper, must be exactly one page each; so must the longest sample sheet
# that the page estimate (contract.Sheet.Fit) accepts. Installs Debian's chromium and poppler-utils
# when they are missing (as root, or with sudo). Exits non-zero on any
# failure. About 15 s once Chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 || ! dpkg -s fonts-liberation >/dev/null 2>&1; then
  echo "installing chromium and poppler-utils (apt-get)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-liberation >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/sheetgen" ./contract/internal/sheetgen
go build -o "$out/sheet" ./examples/sheet

fail=0
for sample in agreement moved typical max; do
  for paper in letter a4; do
    html="$out/$sample-$paper.html"
    pdf="$out/$sample-$paper.pdf"
    if [ "$sample" = agreement ]; then
      # The real sample agreement, as a user gets it from examples/sheet.
      "$out/sheet" -format html -paper "$paper" examples/sheet/good.json >"$html"
    else
      "$out/sheetgen" -sample "$sample" -paper "$paper" >"$html"
    fi
    # Chromium's own messages (D-Bus, GPU) go to a log, shown on failure.
    if ! chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
      --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >"$out/chromium.log" 2>&1 || [ ! -s "$pdf" ]; then
      echo "FAIL $sample $paper: chromium did not print"; cat "$out/chromium.log"; fail=1; continue
    fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
    if [ "$pages" = 1 ]; then
      echo "ok   $sample sheet on $paper: 1 page ($size)"
    else
      echo "FAIL $sample sheet on $paper: $pages pages ($size), want 1"; fail=1
    fi
  done
done

# The next longer sample must be refused by the estimate, not printed.
if "$out/sheetgen" -sample over -paper letter >/dev/null 2>"$out/over.err"; then
  echo "FAIL over sheet: the estimate accepted a sheet longer than the longest it should"; fail=1
elif grep -q "does not fit on one page" "$out/over.err"; then
  echo "ok   over sheet refused: $(cat "$out/over.err")"
else
  echo "FAIL over sheet: unexpected error:"; cat "$out/over.err"; fail=1
fi

# So must the too-long sample agreement (12 deliverables), from examples/sheet.
if "$out/sheet" -format html contract/testdata/toolong.json >/dev/null 2>"$out/toolong.err"; then
  echo "FAIL too-long agreement: printed instead of refused"; fail=1
elif grep -q "does not fit on one page" "$out/toolong.err"; then
  echo "ok   too-long agreement refused: $(cat "$out/toolong.err")"
else
  echo "FAIL too-long agreement: unexpected error:"; cat "$out/toolong.err"; fail=1
fi

if [ "$fail" != 0 ]; then
  echo "one-page check FAILED"; exit 1
fi
echo "one-page check passed"
