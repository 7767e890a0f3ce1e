#!/usr/bin/env bash
# Build the one-folder desktop bundle and check it works without the checkout's Python:
# its version, the demo with its report and certificates, and the GUI opening a pack under
# a virtual X server. Prints the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
pyinstaller --noconfirm --log-level WARN build.spec
app=dist/judgepanel/judgepanel
out=$(mktemp -d)
"$app" --version
"$app" demo --no-gui --out "$out/demo" | tee "$out/printed"
for pdf in $(grep '\.pdf$' "$out/printed"); do test -s "$pdf"; done
pack=$(ls "$out"/demo/packs/*.judgepack | head -n 1)
JUDGEPANEL_QUIT_WHEN_READY=1 JUDGEPANEL_SMOKE_DOCUMENT=1 QT_QPA_PLATFORM=xcb xvfb-run -a \
  "$app" open "$pack" | tee "$out/gui" && grep -q "ready: JudgeWindow" "$out/gui"
# The demo's packs carry PDF documents: the first page of one is rendered on screen.
grep -Eq "^document: .*\.pdf, page 1 of [0-9]+, [1-9][0-9]*x[1-9][0-9]* pixels" "$out/gui"
echo "bundle size: $(du -sh dist/judgepanel | cut -f1)"
