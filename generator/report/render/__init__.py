"""Renderers of the report, one per output format; each only formats a view."""
