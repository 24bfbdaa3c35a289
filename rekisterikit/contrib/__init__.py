"""Framework adapters (Django, Flask, Saleor). Nothing outside this package imports a web framework."""
