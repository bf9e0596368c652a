"""Helpers shared by the tests: throwaway repositories and the example files."""
