from urllib.parse import urlparse

from django.conf import settings
from django.core.management.base import BaseCommand

from wechat.fake_server import FakeWeChatServer


class Command(BaseCommand):
    help = "运行本地模拟微信服务端（嵌入式运行与测试使用）"

    def handle(self, *args: object, **options: object) -> None:
        url = urlparse(settings.WECHAT_API_BASE)
        server = FakeWeChatServer(
            url.hostname or "127.0.0.1",
            url.port or 8917,
            app_id=settings.WECHAT_APP_ID,
            app_secret=settings.WECHAT_APP_SECRET,
        )
        self.stdout.write(f"模拟微信服务端已启动: {server.base_url}")
        server.serve_forever()
