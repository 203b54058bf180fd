from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase


def h5_index(request: HttpRequest) -> HttpResponseBase:
    """Serves the H5 app's entry page; its assets are served by WhiteNoise from the same folder."""
    index = settings.H5_DIST_DIR / "index.html"
    if not index.exists():
        return HttpResponse(
            "<h1>厂贸通</h1><p>H5 应用尚未构建：运行 <code>make client</code> 后刷新。"
            '接口文档见 <a href="/api/docs">/api/docs</a>，运营后台见 <a href="/admin/">/admin/</a>。</p>',
            content_type="text/html; charset=utf-8",
        )
    return FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponseBase:
    """Browsers ask for /favicon.ico; the app's logo serves as its icon."""
    logo = settings.H5_DIST_DIR / "static" / "logo.png"
    if not logo.exists():
        return HttpResponse(status=404)
    return FileResponse(logo.open("rb"), content_type="image/png")
