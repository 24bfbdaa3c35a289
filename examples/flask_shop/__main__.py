"""``python -m examples.flask_shop``: serve the example shop on http://127.0.0.1:5000/ (development server)."""

from . import create_app

create_app().run(host="127.0.0.1", port=5000)
