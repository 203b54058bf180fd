"""Console pieces that read every app, registered last (config is the top layer): the user page's tabs
and columns (issue #14 item 5) and the console home (item 3, figures from ``config.console_home``,
filled in by unfold's ``DASHBOARD_CALLBACK``)."""

from django.contrib import admin

from config import console_users  # noqa: F401

admin.site.index_template = "admin/console_home.html"
admin.site.index_title = "工作台"
