from django.apps import AppConfig


class WechatConfig(AppConfig):
    name = "wechat"
    verbose_name = "微信接口"
