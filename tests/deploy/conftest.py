"""Debian's nginx with deploy/nginx.conf, on loopback, serving a precompressed copy of the built
site. Only the listen line, the TLS lines and root are replaced; the plain-http redirect server is
left out. nginx runs in the foreground, its prefix, pid file and logs in a temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from build_scripts import precompress

from ..conftest import ROOT, guarded_page

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


@pytest.fixture(scope="session")
def nginx(served_site, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing. `make test` installs it as root; otherwise run "
                    "`sudo apt-get install -y nginx libnginx-mod-http-brotli-static` (or set NGINX=/path/to/nginx).")
    if not BROTLI_MODULE.exists():
        pytest.fail(f"{BROTLI_MODULE} is missing: `sudo apt-get install -y libnginx-mod-http-brotli-static`")
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    temp_paths = "\n".join(f"    {name}_temp_path {prefix}/{name};"
                           for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"load_module {BROTLI_MODULE};\n"
        + ("user root;\n" if os.geteuid() == 0 else "")  # the site copy lives in root's private /tmp folder
        + f"daemon off;\nworker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n    access_log off;\n{temp_paths}\n    include {prefix}/site.conf;\n}}\n",
        encoding="utf-8")
    (prefix / "site.conf").write_text(nginx_server_config(served_site, port), encoding="utf-8")
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
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)
    errors = (prefix / "error.log").read_text(encoding="utf-8") if (prefix / "error.log").exists() else ""
    assert "[emerg]" not in errors and "[crit]" not in errors, errors


@pytest.fixture
def nginx_page(browser, nginx):
    """Like the `page` fixture, against nginx, recording CSP violations in the page too."""
    context = browser.new_context(base_url=nginx)
    context.add_init_script("""
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', e =>
        window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
    """)
    pg = guarded_page(context, nginx)
    yield pg
    context.close()
