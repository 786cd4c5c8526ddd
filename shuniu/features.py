"""The feature modules whose generators the site runs. Importing them registers them."""
