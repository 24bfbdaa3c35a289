from django.conf import settings
from django.http import HttpRequest

from demo_shop import cart


def shop(request: HttpRequest) -> dict[str, object]:
    return {"cart_count": cart.count(request) if hasattr(request, "session") else 0,
            "GA_MEASUREMENT_ID": getattr(settings, "GA_MEASUREMENT_ID", ""),
            "META_PIXEL_ID": getattr(settings, "META_PIXEL_ID", "")}
