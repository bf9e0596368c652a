"""The published site: an MkDocs plugin that adds the generated pages, and its build helpers."""
