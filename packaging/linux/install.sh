#!/usr/bin/env sh
# Register JudgePanel for the current user: menu entry, icon, and the .judgepanel/.judgepack
# file types, so a double-click opens the application. Run from the unpacked bundle folder
# (or pass the folder that holds the `judgepanel` executable).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-$here}
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/256x256/apps"
sed "s|^Exec=judgepanel|Exec=$app/judgepanel|" "$here/judgepanel.desktop" \
  > "$data/applications/judgepanel.desktop"
cp "$here/judgepanel-mime.xml" "$data/mime/packages/judgepanel.xml"
icon="$app/_internal/judgepanel/resources/icons/judgepanel-256.png"
[ -f "$icon" ] && cp "$icon" "$data/icons/hicolor/256x256/apps/judgepanel.png"
update-mime-database "$data/mime" 2>/dev/null || true
update-desktop-database "$data/applications" 2>/dev/null || true
echo "JudgePanel registered: .judgepanel and .judgepack files now open with it."
