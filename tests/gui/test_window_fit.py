"""Windows fit a 13-inch laptop and a 200% screen (issue 14, defect 4).

The judge's Mark complete, Declare a conflict and "Saved" status, and every control on every
page of the panel window, must be on screen at 1366×768 and at 200% on 2560×1440. Each size
runs the real windows in a subprocess whose offscreen screen has that size (the test process
itself has one fixed screen), and saves a screenshot of each window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import scratch_settings
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage

from judgepanel.gui.window_fit import fitted_rect, place_window, remember_window, screen_key

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise

PROBE = Path(__file__).with_name("fit_probe.py")
SCREENS = {  # name: (screen width, height, Qt scale factor)
    "1366x768": (1366, 768, "1"),
    "200pct": (2560, 1440, "2"),
}


def probe(tmp_path: Path, width: int, height: int, scale: str) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": True, "windowFrameMargins": False,
        "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=scale, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, str(PROBE), str(tmp_path)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_control_is_on_screen(tmp_path: Path, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    report = probe(tmp_path, width, height, scale)
    logical = [width // int(scale), height // int(scale)]
    assert report["screen"] == logical
    judge = report["judge"]
    assert judge["size"][0] <= logical[0] and judge["size"][1] <= logical[1]
    assert judge["complete"] and judge["conflict"] and judge["saved"], judge
    assert judge["scores"] and judge["cut_off"] == []
    panel = report["panel"]
    assert panel["size"][0] <= logical[0] and panel["size"][1] <= logical[1]
    assert panel["status"]
    assert {page: cut for page, cut in panel["pages"].items() if cut} == {}
    for shot in ("judge.png", "panel-2.png", "panel-4.png"):
        image = QImage(str(tmp_path / shot))
        assert not image.isNull()
        assert image.width() <= width and image.height() <= height  # in device pixels


def test_the_first_size_is_the_preferred_one_shrunk_to_the_screen() -> None:
    laptop = fitted_rect(QRect(0, 0, 1366, 728), QSize(1360, 860))
    assert QRect(0, 0, 1366, 728).contains(laptop)
    assert laptop.width() == 1350 and laptop.height() == 712
    large = fitted_rect(QRect(0, 0, 2560, 1400), QSize(1360, 860))
    assert large.size() == QSize(1360, 860)
    assert large.center().x() in (1279, 1280)  # centred


def test_geometry_is_remembered_per_screen(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    settings = scratch_settings(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    place_window(window, settings, "test")
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    window.resize(500, 400)
    window.move(available.left() + 20, available.top() + 30)
    remember_window(window, settings, "test")
    again = QMainWindow()
    qtbot.addWidget(again)
    place_window(again, settings, "test")
    assert again.size() == QSize(500, 400)
    key = screen_key(window.screen())
    assert settings.geometry(f"test/{key}") is not None
    assert settings.geometry("test/another-screen-3840x2160-1") is None
