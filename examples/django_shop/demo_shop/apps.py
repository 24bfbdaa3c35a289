from django.apps import AppConfig


class DemoShopConfig(AppConfig):
    name = "demo_shop"
    verbose_name = "Demo shop"
    default_auto_field = "django.db.models.BigAutoField"
