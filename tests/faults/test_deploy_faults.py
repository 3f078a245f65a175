"""Fault 8 of issue 17: the nginx recipe refuses every source map variant and answers its errors
with the site's own Dutch pages, never nginx's English ones."""

from __future__ import annotations

import gzip
import socket
from urllib.parse import urlsplit

import brotli
import pytest

pytestmark = [pytest.mark.faults, pytest.mark.deploy]


def raw(base: str, request: bytes) -> tuple[int, str]:
    """Send bytes as they are (the http clients refuse to send most of these); (status, decoded body)."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    if b"content-encoding: br" in head.lower():
        body = brotli.decompress(body)
    elif b"content-encoding: gzip" in head.lower():
        body = gzip.decompress(body)
    return int(head.split()[1]), body.decode("utf-8", "replace")


def get(base: str, path: str, method: str = "GET", extra: str = "") -> tuple[int, str]:
    host = urlsplit(base).netloc
    return raw(base, f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode())


def test_fault_8_no_source_map_or_map_variant_is_served(nginx, served_site):
    maps = sorted(served_site.rglob("*.map"))
    assert maps, "the theme ships source maps"
    # a host may have compressed them anyway (make build no longer does): plant both variants
    for suffix in (".gz", ".br"):
        (maps[0].parent / (maps[0].name + suffix)).write_bytes(b"not for the public")
    for path in maps:
        url = "/" + path.relative_to(served_site).as_posix()
        for variant in (url, url + ".gz", url + ".br", url + ".anything"):
            for encoding in ("", "Accept-Encoding: br, gzip\r\n"):
                status, body = get(nginx, variant, extra=encoding)
                assert status == 404, (variant, encoding, status)
                assert "Pagina niet gevonden" in body, variant


@pytest.mark.parametrize("status, request_bytes, title", [
    (400, b"GET / HTTP/1.1\r\nHost: bad host name\r\nConnection: close\r\n\r\n", "Ongeldig verzoek"),
    (403, None, "Geen toegang"),
    (404, None, "Pagina niet gevonden"),
    (405, None, "Deze handeling kan hier niet"),
    (414, None, "Link te lang"),
])
def test_fault_8_nginx_answers_its_errors_with_the_sites_dutch_pages(nginx, status, request_bytes, title):
    if request_bytes is not None:
        got, body = raw(nginx, request_bytes)
    elif status == 403:
        got, body = get(nginx, "/assets/")  # a folder without index.html
    elif status == 404:
        got, body = get(nginx, "/bestaat-niet/")
    elif status == 405:
        got, body = get(nginx, "/", method="POST", extra="Content-Length: 0\r\n")
    else:
        got, body = get(nginx, "/" + "a" * 20_000)
    assert got == status
    assert title in body and 'lang="nl"' in body
    assert "nginx" not in body.lower()
