"""Procedures as data: the step guide, flow diagram, role table, basis list and checklist
pages generated from a procedure page's ``steps`` (issue #3). No MkDocs here."""
