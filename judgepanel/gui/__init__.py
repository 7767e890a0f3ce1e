"""The PySide6 front end: the start screen, the panel window and the judge's window."""

from judgepanel.gui.none_guard import keep_none_alive

keep_none_alive()  # before any Qt call can give back a reference to None (see none_guard)
