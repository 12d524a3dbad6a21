"""Benchmarks of the site (run them as scripts: see bench/README.md)."""
