"""JudgePanel: offline judging panels for health and care awards."""

APP_NAME = "JudgePanel"
ORGANISATION = "JudgePanel"

# Kept in step with pyproject.toml by tests/core/test_version.py; a literal, because reading
# package metadata at start-up costs tens of milliseconds on every launch.
__version__ = "0.1.0"
