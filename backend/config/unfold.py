"""Console theme (django-unfold) and its navigation, in Chinese."""

UNFOLD = {
    "SITE_TITLE": "厂贸通运营后台",
    "SITE_HEADER": "厂贸通",
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": False,
}
