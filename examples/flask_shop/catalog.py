"""The shop's products: a fixed catalogue (a real shop would keep it in its database)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Product:
    """A product for sale."""

    sku: str
    name: str
    description: str
    price: Decimal
    colour: str


PRODUCTS: tuple[Product, ...] = (
    Product("kasvovoide", "Kosteuttava kasvovoide 50 ml", "Kevyt päivävoide kuivalle iholle, hajusteeton.",
            Decimal("29.90"), "#f3d9c9"),
    Product("seerumi", "C-vitamiiniseerumi 30 ml", "Kirkastava seerumi aamuun, 10 % C-vitamiinia.",
            Decimal("42.00"), "#f6e7a8"),
    Product("puhdistus", "Puhdistusmaito 200 ml", "Hellävarainen puhdistusmaito herkälle iholle.",
            Decimal("18.50"), "#dde9f3"),
    Product("naamio", "Savinaamio 75 ml", "Syväpuhdistava savinaamio rasvoittuvalle iholle.",
            Decimal("24.90"), "#cfd8c4"),
    Product("kasivoide", "Käsivoide 75 ml", "Pehmentävä käsivoide sheavoilla.", Decimal("12.90"), "#ead4e6"),
    Product("lahjakortti", "Lahjakortti kasvohoitoon", "Klassinen kasvohoito 60 min Monalisan hoitolassa.",
            Decimal("79.00"), "#f0c8b4"),
)

BY_SKU = {p.sku: p for p in PRODUCTS}
