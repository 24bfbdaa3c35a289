"""A model of a shared HTTP cache (a CDN or caching proxy, RFC 9111 §3 and §4.1), for tests of the adapters.

It stores what a shared cache may store — a 200 answer to a GET that is not ``private`` or ``no-store`` and is
``public`` or has a ``max-age``/``s-maxage`` — *including* its ``Set-Cookie`` headers, as shared caches may, and
replays it to any later request whose headers named in ``Vary`` are equal. A test sends visitor A's request through
it, then visitor B's, and checks that B never receives A's response.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: A response as the model sees it: status, headers (lower-case names, repeated ones as a list) and body.
Answer = tuple[int, dict[str, list[str]], bytes]


def _directives(value: str) -> set[str]:
    return {d.strip().split("=", 1)[0].lower() for d in value.split(",") if d.strip()}


def storable(status: int, headers: Mapping[str, list[str]]) -> bool:
    """Whether a shared cache may store the answer (RFC 9111 §3, the parts that matter here)."""
    cc = _directives(",".join(headers.get("cache-control", [])))
    if status != 200 or "private" in cc or "no-store" in cc:
        return False
    if "*" in _directives(",".join(headers.get("vary", []))):
        return False
    return bool(cc & {"public", "max-age", "s-maxage"})


class SharedCache:
    """A shared cache in front of an application; ``fetch`` sends a GET through it.

    Args:
        origin: sends a GET with the given request headers to the application and returns its answer.
    """

    def __init__(self, origin: Callable[[str, Mapping[str, str]], Answer]) -> None:
        self.origin = origin
        self.stored: dict[str, list[tuple[dict[str, str], Answer]]] = {}
        self.hits = 0

    def fetch(self, path: str, headers: Mapping[str, str]) -> Answer:
        """The answer to ``GET path`` with ``headers``: from the cache when a stored one matches, else the origin."""
        request = {k.lower(): v for k, v in headers.items()}
        for selecting, answer in self.stored.get(path, []):
            if all(request.get(name, "") == value for name, value in selecting.items()):
                self.hits += 1
                return answer
        answer = self.origin(path, request)
        status, response_headers, _ = answer
        if storable(status, response_headers):
            vary = {v.strip().lower() for v in ",".join(response_headers.get("vary", [])).split(",") if v.strip()}
            selecting = {name: request.get(name, "") for name in vary}
            self.stored.setdefault(path, []).append((selecting, answer))
        return answer


def set_cookies(answer: Answer) -> list[str]:
    """The ``Set-Cookie`` header values of an answer."""
    return answer[1].get("set-cookie", [])


def as_answer(status: int, items: Any) -> Answer:
    """Build an :data:`Answer` from a status and ``(name, value)`` header pairs."""
    headers: dict[str, list[str]] = {}
    for name, value in items:
        headers.setdefault(name.lower(), []).append(value)
    return status, headers, b""
