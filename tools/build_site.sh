#!/bin/sh
# Build the site strictly into a temporary folder and only then swap it in, so a failed
# build never replaces (or half-overwrites) the last good site.
# Usage: tools/build_site.sh MKDOCS_EXECUTABLE SITE_DIR
set -eu
mkdocs="$1"
site="$2"
tmp="$site.tmp-$$"
rm -rf "$tmp"
if ! "$mkdocs" build --strict --site-dir "$tmp"; then
  rm -rf "$tmp"
  echo "Build failed: $site/ was left as it was." >&2
  exit 1
fi
rm -rf "$site.old"
if [ -d "$site" ]; then mv "$site" "$site.old"; fi
mv "$tmp" "$site"
rm -rf "$site.old"
echo "Built $site/"
