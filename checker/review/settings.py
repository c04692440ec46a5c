"""The reviewer's local settings (name, default profile), kept in a small JSON file so they survive
a reload: env ``ALLIANCE_CHECK_SETTINGS``, else ``settings.json`` next to the review database."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from checker.review.store import database_url


def settings_path() -> Path:
    env = os.environ.get("ALLIANCE_CHECK_SETTINGS")
    if env:
        return Path(env)
    url = database_url()
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).parent / "settings.json"
    return Path("data") / "settings.json"


def load() -> dict[str, Any]:
    try:
        d = json.loads(settings_path().read_text(encoding="utf-8"))
        return d if isinstance(d, dict) else {}
    except (OSError, ValueError):
        return {}


def save(**values: Any) -> None:
    """Merge ``values`` into the file (written atomically: a temp file then rename)."""
    d = load()
    if all(d.get(k) == v for k, v in values.items()):
        return
    d.update(values)
    p = settings_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(d, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(p)
    except OSError:
        pass   # a read-only disk must not break the review; the values live on in the session
