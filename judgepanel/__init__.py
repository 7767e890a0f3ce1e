"""JudgePanel: offline judging panels for health and care awards."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "JudgePanel"
ORGANISATION = "JudgePanel"

try:
    __version__ = version("judgepanel")
except PackageNotFoundError:  # running from a bundle or a bare checkout
    __version__ = "0.1.0"
