"""Console pieces that read every app, registered last (config is the top layer): the user page's tabs
and columns (issue #14 item 5) and the console home (item 3)."""

from config import console_users  # noqa: F401
