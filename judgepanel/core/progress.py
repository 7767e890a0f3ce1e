"""The one progress callback every long core job takes (imports, packs, merges, outputs).

`progress(done, total, message)`: `done` of `total` steps finished, and what is being done
now in words a coordinator would recognise (a judge's name, a file, an award); `message` may
be empty. A job that can stop cleanly (reading a large workbook) stops when the callback
returns False; every other return value is ignored. The application's task helper and the
command line both adapt their own displays to this one shape.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], object]
