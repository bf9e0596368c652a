"""Stage 1: find and load files safely."""
