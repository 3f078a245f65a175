"""Debian's nginx with deploy/nginx.conf, on loopback, serving a precompressed copy of the built
site. Only the listen line, the TLS lines and root are replaced; the plain-http redirect server is
left out. nginx runs in the foreground, its prefix, pid file and logs in a temporary folder.
And the GitHub Pages variant of that copy (make pages), on a plain static server without headers."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts import precompress

from ..conftest import ROOT, guarded_page, static_server

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
RECIPE = ROOT / "deploy" / "nginx.conf"


def nginx_server_config(root: Path, port: int) -> str:
    """deploy/nginx.conf for loopback: http on 127.0.0.1:port, no TLS, no redirect server."""
    text = RECIPE.read_text(encoding="utf-8").split("# --- plain http")[0]
    text = re.sub(r"^\s*listen 443 ssl http2;", f"    listen 127.0.0.1:{port};", text, flags=re.M)
    text = re.sub(r"^\s*(listen \[::\]:443.*|ssl_certificate.*)\n", "", text, flags=re.M)
    text, n = re.subn(r"^(\s*root )/var/www/zorgcontractering/site;", rf"\g<1>{root};", text, flags=re.M)
    assert n == 1, "deploy/nginx.conf: the root line has changed; update tests/deploy/conftest.py"
    return text


@pytest.fixture(scope="session")
def served_site(site, tmp_path_factory) -> Path:
    """A copy of the built site with its .gz and .br files, as make build leaves it."""
    copy = tmp_path_factory.mktemp("nginx-site") / "site"
    shutil.copytree(site, copy)
    assert precompress.main([str(copy)]) == 0
    return copy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_nginx(root: Path, prefix: Path, worker_processes: int = 1) -> Iterator[str]:
    """Debian's nginx with deploy/nginx.conf serving `root` on a free loopback port, its pid file,
    temporary folders and logs in `prefix`; yields the base URL. Used by the tests and by
    `make loadtest` (benchmarks/loadtest.py)."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing. `make test` installs it as root; otherwise run "
                    "`sudo apt-get install -y nginx libnginx-mod-http-brotli-static` (or set NGINX=/path/to/nginx).")
    if not BROTLI_MODULE.exists():
        pytest.fail(f"{BROTLI_MODULE} is missing: `sudo apt-get install -y libnginx-mod-http-brotli-static`")
    port = _free_port()
    temp_paths = "\n".join(f"    {name}_temp_path {prefix}/{name};"
                           for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"load_module {BROTLI_MODULE};\n"
        + ("user root;\n" if os.geteuid() == 0 else "")  # the site copy lives in root's private /tmp folder
        + f"daemon off;\nworker_processes {worker_processes};\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n    access_log off;\n{temp_paths}\n    include {prefix}/site.conf;\n}}\n",
        encoding="utf-8")
    (prefix / "site.conf").write_text(nginx_server_config(root, port), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while True:  # until nginx accepts connections (or has exited)
        assert proc.poll() is None, proc.stderr.read()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            continue
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    errors = (prefix / "error.log").read_text(encoding="utf-8") if (prefix / "error.log").exists() else ""
    assert "[emerg]" not in errors and "[crit]" not in errors, errors


@pytest.fixture(scope="session")
def nginx(served_site, tmp_path_factory):
    with run_nginx(served_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


# Collects every securitypolicyviolation in window.__csp, from before the page's first script.
CSP_LISTENER = """
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


@contextlib.contextmanager
def csp_page(browser, origin: str) -> Iterator:
    """Like the `page` fixture, against `origin`, recording CSP violations in the page too."""
    context = browser.new_context(base_url=origin)
    context.add_init_script(CSP_LISTENER)
    try:
        yield guarded_page(context, origin)
    finally:
        context.close()


@pytest.fixture
def nginx_page(browser, nginx):
    with csp_page(browser, nginx) as pg:
        yield pg


@pytest.fixture(scope="session")
def pages_site(served_site, tmp_path_factory) -> Path:
    """`make pages` on the precompressed copy: the GitHub Pages variant, by the real command line."""
    out = tmp_path_factory.mktemp("github-pages") / "site-pages"
    proc = subprocess.run([sys.executable, "-m", "build_scripts.github_pages", str(served_site), str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def pages_server(pages_site):
    """The GitHub Pages variant on a plain static server that sets no security headers."""
    with static_server(pages_site) as url:
        yield url


@pytest.fixture
def pages_page(browser, pages_server):
    with csp_page(browser, pages_server) as pg:
        yield pg


def computes_like_python(page, spec) -> bool:
    """Open a calculator page, wait for the result computed in the browser, and compare its verdict
    with the native calculator's on the same default inputs."""
    from zorgcalc import run
    from zorgcalc.registry import load

    from ..browser.test_calculators import READY

    page.goto(f"/rekenhulpen/{spec.slug}/")
    page.wait_for_selector(READY, timeout=90_000)
    # a selector, not wait_for_function: polling a string predicate is an eval the CSP refuses
    page.wait_for_selector(".zc-calculator[data-last-ms]", state="attached", timeout=30_000)
    native = run(spec.calculator, load(spec.calculator).DEFAULT_INPUTS)
    return page.locator(".zc-result-body").get_attribute("data-verdict") == native["verdict"]
