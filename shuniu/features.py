"""The feature modules the site and `shuniu check` run. Importing them registers their
loaders, checkers, body transforms and generators; add one import line per feature."""
