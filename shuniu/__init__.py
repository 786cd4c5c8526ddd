"""Shuniu: content models, validation and generators for an office knowledge base.

The package knows nothing of MkDocs: `hooks/` and the `shuniu` command are thin
adapters over it.
"""

__version__ = "0.1.0"
