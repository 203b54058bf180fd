from django.core.management.base import BaseCommand

from accounts.services import lift_expired_statuses


class Command(BaseCommand):
    help = "恢复处理期限已到的限制发布/禁用账号"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"已恢复 {lift_expired_statuses()} 个账号")
