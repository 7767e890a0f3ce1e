"""Domain and storage. Nothing in this package imports Qt (a test enforces it)."""
