"""The GitHub adapter: the REST client, its interface, and the event payloads Actions hands us.

Nothing here knows about deadlines or forms; :mod:`generator.workflows` uses it.
"""
