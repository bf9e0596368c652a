"""Stage 2: check each file against its form's schema and its meaning."""
