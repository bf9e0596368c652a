"""The demo repository: registers, submissions and a back-dated git history to try things on."""
