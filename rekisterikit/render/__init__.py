"""Rendering a statement as HTML, text, Markdown or JSON, in Finnish, Swedish or English.

``render(statement, locale="fi", format="html")`` is the entry point; see :mod:`rekisterikit.render.core`. The
document model the writers share is in :mod:`rekisterikit.render.document`, the catalogs and Babel formatting in
:mod:`rekisterikit.render.i18n`.
"""

from rekisterikit.render.core import FORMATS, CacheInfo, Format, cache_clear, cache_info, render, render_cookie_table
from rekisterikit.render.document import REQUIREMENT_SECTIONS
from rekisterikit.render.html import STYLESHEET

__all__ = [
    "FORMATS",
    "REQUIREMENT_SECTIONS",
    "STYLESHEET",
    "CacheInfo",
    "Format",
    "cache_clear",
    "cache_info",
    "render",
    "render_cookie_table",
]
