"""The site's public address: one setting (``extra.public_url`` in mkdocs.yml), used by every
citation, embed snippet and feed the build writes."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _config(config: Path) -> dict:
    return yaml.safe_load(config.read_text(encoding="utf-8")) or {}


def public_url(config: Path = ROOT / "mkdocs.yml") -> str:
    """The address visitors use, without a trailing slash, e.g. https://zorgcontracteringsregels.nl."""
    url = str((_config(config).get("extra") or {}).get("public_url", "")).rstrip("/")
    if not url.startswith("https://"):
        raise ValueError("mkdocs.yml: extra.public_url moet het https-adres van de site zijn")
    return url


def site_name(config: Path = ROOT / "mkdocs.yml") -> str:
    return str(_config(config).get("site_name", ""))


def absolute(path: str, config: Path = ROOT / "mkdocs.yml") -> str:
    """The public address of a site-relative path (``normen/#richtsnoer-5``)."""
    return f"{public_url(config)}/{path.lstrip('/')}"
