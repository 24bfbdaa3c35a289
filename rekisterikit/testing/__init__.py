"""Helpers for testing shops' statements: hypothesis strategies (:mod:`rekisterikit.testing.strategies`).

This package imports nothing heavy itself, so that test tooling can import it cheaply.
"""
