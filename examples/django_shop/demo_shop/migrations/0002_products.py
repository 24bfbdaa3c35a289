"""The demo shop's products."""

from django.db import migrations

PRODUCTS = [
    ("aurinkosuojakalvo", "Aurinkosuojakalvo", "Torjuu auringon lämpöä ja häikäisyä. Leveys 152 cm, hinta metriltä.",
     3490),
    ("turvakalvo", "Turvakalvo", "Pitää rikkoutuneen lasin koossa. Leveys 152 cm, hinta metriltä.", 4290),
    ("yksityisyyskalvo", "Yksityisyyskalvo", "Huurrettu kalvo, joka päästää valon mutta ei katseita.", 2590),
    ("koristekalvo", "Koristekalvo", "Kuvioitu kalvo ikkunoihin ja lasiseiniin.", 2990),
]


def add_products(apps, schema_editor):
    Product = apps.get_model("demo_shop", "Product")
    for slug, name, description, price in PRODUCTS:
        Product.objects.update_or_create(slug=slug, defaults={"name": name, "description": description,
                                                              "price_cents": price})


def remove_products(apps, schema_editor):
    apps.get_model("demo_shop", "Product").objects.filter(slug__in=[p[0] for p in PRODUCTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("demo_shop", "0001_initial")]
    operations = [migrations.RunPython(add_products, remove_products)]
