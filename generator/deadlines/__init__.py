"""Deadlines: the duty rules, Kazakhstan's working-day calendar, submission times from git,
and the status of every body's duties (``treaty status``)."""
