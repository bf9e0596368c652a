"""The real REST client against a local HTTP server: pagination, payloads, no token leaks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from generator.github.api import GitHubApiError, RestGitHubApi

TOKEN = "ghs_secret_value_never_shown"


class _Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str, str, object]]] = []

    def _reply(self, status: int, body: object, link: str = "") -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if link:
            self.send_header("Link", link)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.headers["Authorization"], None))
        if "page=2" in self.path:
            self._reply(200, [{"id": 2, "body": "two", "user": {"login": "b"}}])
        elif "/comments" in self.path:
            host = f"http://{self.headers['Host']}"
            link = f'<{host}/repos/o/r/issues/5/comments?per_page=100&page=2>; rel="next"'
            self._reply(200, [{"id": 1, "body": "one", "user": {"login": "a"}}], link)
        else:
            self._reply(403, {"message": "Resource not accessible by integration"})

    def do_PATCH(self) -> None:
        length = int(self.headers["Content-Length"])
        payload = json.loads(self.rfile.read(length))
        self.seen.append(("PATCH", self.path, self.headers["Authorization"], payload))
        self._reply(200, {"id": 1, "body": payload["body"], "user": {"login": "bot"}})

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.seen = []
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_comments_follow_pagination(server: str) -> None:
    api = RestGitHubApi("o/r", TOKEN, server)
    assert [c.body for c in api.list_comments(5)] == ["one", "two"]
    assert all(auth == f"Bearer {TOKEN}" for _, _, auth, _ in _Handler.seen)


def test_update_sends_the_body(server: str) -> None:
    api = RestGitHubApi("o/r", TOKEN, server)
    assert api.update_comment(1, "new").body == "new"
    assert _Handler.seen[-1][:2] == ("PATCH", "/repos/o/r/issues/comments/1")


def test_errors_name_the_request_but_never_the_token(server: str) -> None:
    api = RestGitHubApi("o/r", TOKEN, server)
    with pytest.raises(GitHubApiError) as caught:
        api.team_members("org", "team")
    assert "/orgs/org/teams/team/members" in str(caught.value) and "403" in str(caught.value)
    assert TOKEN not in str(caught.value) and "127.0.0.1" not in str(caught.value)


def test_from_env_needs_token_and_repository() -> None:
    with pytest.raises(GitHubApiError):
        RestGitHubApi.from_env({"GITHUB_REPOSITORY": "o/r"})
