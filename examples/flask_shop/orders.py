"""Orders, stored in an SQLite file in the instance folder (standard library only)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from .catalog import BY_SKU

SCHEMA = """CREATE TABLE IF NOT EXISTS shop_order (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    lines TEXT NOT NULL,
    total TEXT NOT NULL
)"""


def cart_lines(cart: dict[str, int]) -> list[tuple[str, str, int, Decimal]]:
    """(sku, name, quantity, line total) for each known product in the cart."""
    return [(sku, BY_SKU[sku].name, qty, BY_SKU[sku].price * qty) for sku, qty in cart.items()
            if sku in BY_SKU and qty > 0]


def place_order(path: Path, *, name: str, email: str, address: str, cart: dict[str, int]) -> int:
    """Store an order and return its number."""
    lines = cart_lines(cart)
    total = sum((line[3] for line in lines), Decimal("0"))
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(SCHEMA)
            cursor = conn.execute(
                "INSERT INTO shop_order (created, name, email, address, lines, total) VALUES (?, ?, ?, ?, ?, ?)",
                (dt.datetime.now(dt.UTC).isoformat(), name, email, address,
                 json.dumps([[sku, qty] for sku, _, qty, _ in lines]), str(total)))
            return int(cursor.lastrowid or 0)
    finally:
        conn.close()


def count_orders(path: Path) -> int:
    """How many orders are stored."""
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        conn.execute(SCHEMA)
        return int(conn.execute("SELECT count(*) FROM shop_order").fetchone()[0])
    finally:
        conn.close()
