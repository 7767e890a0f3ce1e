"""The one exception type the CLI and the GUI turn into a plain message for the user."""


class JudgePanelError(Exception):
    """Bad input or a refused operation: the message says what is wrong and where."""


class RefusedFile(JudgePanelError):
    """A file that is not what its name says, truncated, foreign or from a newer version."""
