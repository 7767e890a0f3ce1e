"""Typed settings with defaults over QSettings: window geometry, splitters, recent files, zoom.

Every value has one typed accessor with its default here, so no caller reads a raw key. The
store is an INI file in the user's configuration folder; tests point QSettings.setPath at a
temporary folder (or pass their own QSettings) so they never touch a real user's settings.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "JudgePanel"
APPLICATION = "JudgePanel"
MAX_RECENT = 8
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)


class Settings:
    """The user's preferences, read and written through typed properties."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                        ORGANISATION, APPLICATION)

    # ----- recent files ------------------------------------------------------------------

    @property
    def recent_files(self) -> list[Path]:
        value = self.store.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone item as a string
            value = [value]
        items = value if isinstance(value, list) else []
        return [Path(str(item)) for item in items if item]

    def add_recent(self, path: Path) -> None:
        """Put a file first in the recent list (once), keeping the list short."""
        path = Path(path).resolve()
        files = [p for p in self.recent_files if p != path]
        self.store.setValue("recent/files", [str(p) for p in [path, *files][:MAX_RECENT]])

    def forget_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files if p != Path(path).resolve()]
        self.store.setValue("recent/files", [str(p) for p in files])

    # ----- reading zoom ------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """The reading zoom in per cent (100 is the system font size)."""
        try:
            value = int(str(self.store.value("reading/zoom", 100)))
        except (TypeError, ValueError):
            return 100
        return value if value in ZOOM_STEPS else 100

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("reading/zoom", int(value))

    # ----- window geometry and splitters -------------------------------------------------

    def geometry(self, window: str) -> QByteArray | None:
        value = self.store.value(f"windows/{window}/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, window: str, value: QByteArray) -> None:
        self.store.setValue(f"windows/{window}/geometry", value)

    def splitter_state(self, window: str, splitter: str) -> QByteArray | None:
        value = self.store.value(f"windows/{window}/{splitter}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter_state(self, window: str, splitter: str, value: QByteArray) -> None:
        self.store.setValue(f"windows/{window}/{splitter}", value)

    # ----- backups -----------------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        """Where automatic pack backups go: the user data folder unless set otherwise."""
        value = self.store.value("backups/folder", "")
        if value:
            return Path(str(value))
        return Path(platformdirs.user_data_dir(APPLICATION, ORGANISATION)) / "backups"

    @backup_folder.setter
    def backup_folder(self, folder: Path) -> None:
        self.store.setValue("backups/folder", str(folder))

    def sync(self) -> None:
        self.store.sync()
