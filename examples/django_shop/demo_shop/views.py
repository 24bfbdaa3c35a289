"""Pages of the example shop: products, cart, checkout, accounts."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from demo_shop import cart
from demo_shop.forms import CheckoutForm, RegisterForm
from demo_shop.models import Order, OrderLine, Product
from rekisterikit.contrib.django.conf import get_service


def product_list(request: HttpRequest) -> HttpResponse:
    # The installation video is a YouTube embed, shown when the statement declares the "youtube" service (the
    # Kalvokeskus statement does; the other seed statements the shop can run on do not).
    video = any(service.key == "youtube" for service in get_service().services)
    return render(request, "demo_shop/product_list.html", {"products": Product.objects.all(), "video": video})


@require_POST
def cart_add(request: HttpRequest, slug: str) -> HttpResponse:
    product = get_object_or_404(Product, slug=slug)
    try:
        quantity = max(1, min(int(request.POST.get("quantity", "1")), 99))
    except ValueError:
        quantity = 1
    cart.add(request, product, quantity)
    return redirect("cart")


@require_POST
def cart_remove(request: HttpRequest, product_id: int) -> HttpResponse:
    cart.remove(request, product_id)
    return redirect("cart")


def cart_view(request: HttpRequest) -> HttpResponse:
    lines = cart.lines(request)
    return render(request, "demo_shop/cart.html", {"lines": lines, "total": sum(x.total_cents for x in lines)})


def checkout(request: HttpRequest) -> HttpResponse:
    lines = cart.lines(request)
    if not lines:
        return redirect("cart")
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    form = CheckoutForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            order = form.save(commit=False)
            order.customer = request.user if request.user.is_authenticated else None
            order.save()
            OrderLine.objects.bulk_create(OrderLine(order=order, product=x.product, quantity=x.quantity,
                                                    price_cents=x.product.price_cents) for x in lines)
        cart.clear(request)
        request.session["last_order"] = order.pk
        return redirect("order_done")
    return render(request, "demo_shop/checkout.html", {"form": form, "lines": lines,
                                                       "total": sum(x.total_cents for x in lines)})


def order_done(request: HttpRequest) -> HttpResponse:
    order = Order.objects.filter(pk=request.session.get("last_order")).first()
    return render(request, "demo_shop/order_done.html", {"order": order})


@login_required
def my_orders(request: HttpRequest) -> HttpResponse:
    return render(request, "demo_shop/my_orders.html", {"orders": request.user.orders.prefetch_related("lines")})


def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("product_list")
    return render(request, "registration/register.html", {"form": form})
