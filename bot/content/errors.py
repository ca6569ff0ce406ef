"""The one exception the content layer raises."""


class ContentError(Exception):
    """A content file is malformed.

    The message is a single line naming the file, the entry and the problem, e.g.
    ``content/tips.toml: tip 'let-them-vent': body is empty``, so it can be shown as-is
    to whoever edits the content.
    """
