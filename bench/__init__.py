"""Benchmarks of what users feel: build time, page weight, search speed and quality, preview speed.

Run with `make bench` (everything) or `make search-quality` (Chinese search recall only).
Not part of `make test`: the full run builds 1,000-page sites several times.
"""
