"""Rendering a statement as HTML, text, Markdown or JSON, in Finnish, Swedish or English."""
