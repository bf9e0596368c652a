"""GitHub integration: pull-request checks, ownership, reminders and report requests.

Everything that talks to GitHub goes through :class:`generator.github.api.GitHubApi`;
tests use the in-memory :class:`generator.github.fake.FakeGitHubApi`.
"""
