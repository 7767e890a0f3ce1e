"""Keep Python's None alive under PySide6 on Python 3.11.

The cause of the rare "Fatal Python error: none_dealloc" on closing after a long session:
PySide6 6.12 on Python 3.11 gives back one reference to None more than it took on every call
that returns nothing (`QFont.setBold`, `QPainter.save`, `QWidget.update`, a model's `data`
with no value...). Python 3.12 made None immortal, so there it does no harm; on 3.11 each
paint of the panel window's navigation costs None dozens of references, and once its count
reaches zero Python aborts. Until the wheels balance their references, None is made as good as
immortal here, as Python 3.12 does: its count is raised so far that no session can use it up.

True has the same trouble ("Fatal Python error: bool_dealloc"): every `emit` of a signal
defined in Python (`Signal()`, `Signal(bool)`, `Signal(object)`, with or without receivers)
gives back one reference to True, the value `emit` returns; the panel's worker emits several
per job. True and False are kept alive the same way.
"""

from __future__ import annotations

import ctypes
import sys

# Far more references than any session gives back (one per call returning nothing), and far
# from the largest count a Py_ssize_t holds.
HEADROOM = 1 << 48


def none_references() -> int:
    """None's reference count as CPython keeps it (the count `sys.getrefcount` reports)."""
    return sys.getrefcount(None)


def keep_none_alive() -> bool:
    """Raise None's reference count out of reach of zero; True when it was needed here.

    Only CPython before 3.12 counts references to None; a second call changes nothing.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for value in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt: a PyObject's first field
        if count.value < HEADROOM // 2:
            count.value += HEADROOM
    return True
