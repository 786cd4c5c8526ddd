"""Release packages of the built site, their manifests and web server configuration (issue #16)."""
