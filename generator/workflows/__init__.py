"""The workflows around pull requests: the check, ownership, reminders and report requests.

They receive a :class:`generator.github.api.GitHubApi` (the REST client in production, the
in-memory fake of :mod:`testing.github_fake` in tests) and never build one themselves.
"""
