"""The ``treaty`` command: thin click commands over the library."""
