"""The shopping cart, kept in the session (a strictly necessary cookie: sessionid)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from demo_shop.models import Product

KEY = "cart"


@dataclass(frozen=True)
class Line:
    product: Product
    quantity: int

    @property
    def total_cents(self) -> int:
        return self.product.price_cents * self.quantity


def items(request: HttpRequest) -> dict[str, int]:
    return dict(request.session.get(KEY, {}))


def add(request: HttpRequest, product: Product, quantity: int = 1) -> None:
    cart = items(request)
    cart[str(product.pk)] = min(cart.get(str(product.pk), 0) + quantity, 99)
    request.session[KEY] = cart


def remove(request: HttpRequest, product_id: int) -> None:
    cart = items(request)
    cart.pop(str(product_id), None)
    request.session[KEY] = cart


def clear(request: HttpRequest) -> None:
    request.session.pop(KEY, None)


def lines(request: HttpRequest) -> list[Line]:
    cart = items(request)
    products = Product.objects.in_bulk([int(k) for k in cart])
    return [Line(products[int(k)], q) for k, q in cart.items() if int(k) in products]


def count(request: HttpRequest) -> int:
    return sum(items(request).values())
