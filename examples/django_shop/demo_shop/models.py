"""Products and orders of the example shop."""

from django.conf import settings
from django.db import models


class Product(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    price_cents = models.PositiveIntegerField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def price(self) -> str:
        return f"{self.price_cents // 100},{self.price_cents % 100:02d} €"


class Order(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="orders")
    name = models.CharField("nimi", max_length=200)
    email = models.EmailField("sähköposti")
    address = models.CharField("katuosoite", max_length=200)
    postal_code = models.CharField("postinumero", max_length=5)
    city = models.CharField("postitoimipaikka", max_length=100)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Tilaus {self.pk}"

    @property
    def total_cents(self) -> int:
        return sum(line.quantity * line.price_cents for line in self.lines.all())


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    price_cents = models.PositiveIntegerField()
