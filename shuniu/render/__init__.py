"""Generators that turn typed content into Markdown/HTML for the site (no MkDocs here)."""
