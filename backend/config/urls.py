from django.contrib import admin
from django.urls import path

from config.api import api
from config.health import healthz, readyz
from config.views import favicon, h5_index

admin.site.site_header = "厂贸通运营后台"
admin.site.site_title = "厂贸通运营后台"
admin.site.index_title = "运营工作台"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("favicon.ico", favicon),
    path("", h5_index, name="h5-index"),
]
