class CommandError(Exception):
    """A failure the user caused or can fix: printed as one line, exit status 1."""
