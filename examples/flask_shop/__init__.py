"""Monalisa Verkkokauppa: a small Flask shop using rekisterikit with the corrected Monalisa statement.

Run it from the repository root (after ``pip install -e ".[flask]"``)::

    flask --app examples.flask_shop run

then open http://127.0.0.1:5000/. The consent log and the orders are SQLite files in
``examples/flask_shop/instance/`` (or ``SHOP_INSTANCE``). Set ``SHOP_SECRET_KEY`` outside local development.
"""

from __future__ import annotations

import os
import secrets
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import format_currency
from flask import Flask, abort, flash, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from rekisterikit.contrib.flask import RekisteriKit, get_state

from .catalog import BY_SKU, PRODUCTS
from .orders import cart_lines, count_orders, place_order

HERE = Path(__file__).resolve().parent
STATEMENTS = HERE.parent / "statements"
STATEMENT = STATEMENTS / "monalisa-corrected.toml"
#: The five seed shops with a corrected statement; ``REKISTERIKIT_STATEMENT=confetti`` runs the shop on one of them.
SHOPS = ("kalvokeskus", "monalisa", "ompelijan-paratiisi", "confetti", "webstrella")


def statement_path(value: str | None = None) -> Path:
    """The statement the shop publishes: ``REKISTERIKIT_STATEMENT`` (or ``value``) as the name of a seed shop
    (``"confetti"`` → ``examples/statements/confetti-corrected.toml``) or a path; the corrected Monalisa statement
    when unset."""
    value = value if value is not None else os.environ.get("REKISTERIKIT_STATEMENT")
    if not value:
        return STATEMENT
    if value in SHOPS:
        return STATEMENTS / f"{value}-corrected.toml"
    return Path(value)
#: Only for running the example on your own machine; a real shop reads its secret from the environment.
DEV_SECRET = "monalisa-example-secret-change-me-0123456789"

kit = RekisteriKit()


def _eur(value: Decimal) -> str:
    return format_currency(value, "EUR", locale="fi_FI")


def _form_token() -> str:
    """The shop's own CSRF token for its forms (cart, checkout), kept in the session."""
    if "form_token" not in session:
        session["form_token"] = secrets.token_urlsafe(24)
    return str(session["form_token"])


def _check_form_token() -> None:
    sent = request.form.get("form_token", "")
    if not sent or not secrets.compare_digest(sent, session.get("form_token", "")):
        abort(400, description="The form has expired: reload the page and try again.")


def _cart() -> dict[str, int]:
    raw = session.get("cart", {})
    return {k: int(v) for k, v in raw.items() if k in BY_SKU and int(v) > 0}


def create_app(test_config: dict[str, Any] | None = None, *, instance_path: str | None = None) -> Flask:
    """The shop application (Flask finds this factory for ``flask --app examples.flask_shop``).

    Args:
        test_config: configuration that replaces the defaults (tests).
        instance_path: where the consent log and the orders are kept (default: ``SHOP_INSTANCE`` or
            ``examples/flask_shop/instance``).
    """
    instance = instance_path or os.environ.get("SHOP_INSTANCE") or str(HERE / "instance")
    app = Flask(__name__, instance_path=instance)
    app.config.update(
        SECRET_KEY=os.environ.get("SHOP_SECRET_KEY", DEV_SECRET),
        # The statement declares the cookies "sessionid", "csrftoken" and "rk_consent": use those names, so that
        # every cookie the shop sets is in its cookie declaration.
        SESSION_COOKIE_NAME="sessionid",
        SESSION_COOKIE_SAMESITE="Lax",
        REKISTERIKIT_STATEMENT=str(statement_path()),
        REKISTERIKIT_CSRF_COOKIE_NAME="csrftoken",
        REKISTERIKIT_DEFAULT_LOCALE="fi",
        REKISTERIKIT_FAIL_ON="error",
        REKISTERIKIT_CONSENT_RETENTION=60 * 60 * 24 * 365 * 3,
    )
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    kit.init_app(app)
    orders_db = Path(app.instance_path) / "orders.sqlite3"
    app.jinja_env.filters["eur"] = _eur

    @app.context_processor
    def shop_context() -> dict[str, Any]:
        return {"cart_count": sum(_cart().values()), "form_token": _form_token, "locale": "fi"}

    @app.get("/")
    def products() -> str:
        # The map is a Google Maps embed, shown when the statement declares the "google-maps" service (the
        # Monalisa statement does; the other seed statements the shop can run on do not).
        shows_map = any(service.key == "google-maps" for service in get_state().service.services)
        return render_template("products.html", products=PRODUCTS, shows_map=shows_map)

    @app.post("/cart/add")
    def cart_add() -> Response:
        _check_form_token()
        sku = request.form.get("sku", "")
        if sku not in BY_SKU:
            abort(404)
        cart = _cart()
        cart[sku] = min(cart.get(sku, 0) + 1, 99)
        session["cart"] = cart
        flash(f"{BY_SKU[sku].name} lisätty ostoskoriin.")
        return redirect(url_for("products"), code=303)

    @app.get("/cart")
    def cart() -> str:
        lines = cart_lines(_cart())
        return render_template("cart.html", lines=lines, total=sum((x[3] for x in lines), Decimal("0")))

    @app.post("/cart/update")
    def cart_update() -> Response:
        _check_form_token()
        cart = _cart()
        sku = request.form.get("sku", "")
        try:
            quantity = max(0, min(int(request.form.get("quantity", "0")), 99))
        except ValueError:
            quantity = 0
        if quantity:
            cart[sku] = quantity
        else:
            cart.pop(sku, None)
        session["cart"] = cart
        return redirect(url_for("cart"), code=303)

    @app.route("/checkout", methods=["GET", "POST"])
    def checkout() -> str | Response:
        lines = cart_lines(_cart())
        if not lines:
            return redirect(url_for("cart"), code=303)
        total = sum((x[3] for x in lines), Decimal("0"))
        errors: dict[str, str] = {}
        values = {k: request.form.get(k, "").strip() for k in ("name", "email", "address")}
        if request.method == "POST":
            _check_form_token()
            if not values["name"]:
                errors["name"] = "Kirjoita nimesi."
            if "@" not in values["email"] or len(values["email"]) > 254:
                errors["email"] = "Kirjoita toimiva sähköpostiosoite."
            if not values["address"]:
                errors["address"] = "Kirjoita toimitusosoite."
            if not errors:
                number = place_order(orders_db, cart=_cart(), **values)
                session.pop("cart", None)
                return redirect(url_for("thanks", number=number), code=303)
        return render_template("checkout.html", lines=lines, total=total, errors=errors, values=values)

    @app.get("/thanks/<int:number>")
    def thanks(number: int) -> str:
        return render_template("thanks.html", number=number)

    app.extensions["shop_orders"] = lambda: count_orders(orders_db)
    return app
