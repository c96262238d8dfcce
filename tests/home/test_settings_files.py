"""First-hour tripwires: importing the dev settings writes nothing, and ``.env.example`` names every variable."""

import importlib
import re
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
READ_PATTERN = re.compile(r"""(?:env\.(?:required|csv_list|boolean|integer)|os\.environ\.get|os\.getenv)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read_by(paths) -> set[str]:
    found = set()
    for path in paths:
        found |= set(READ_PATTERN.findall(path.read_text(encoding="utf-8")))
    return found


def test_env_example_lists_every_variable_the_settings_read():
    read = variables_read_by([*ROOT.glob("bounce/settings/*.py"), ROOT / "manage.py", ROOT / "bounce" / "wsgi.py"])
    assert {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"} <= read  # the pattern finds the real reads
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"), re.M))
    assert read - listed == set()


def test_importing_dev_settings_creates_no_folder(tmp_path, monkeypatch):
    from bounce.settings import base

    monkeypatch.setattr(base, "BASE_DIR", tmp_path)
    sys.modules.pop("bounce.settings.dev", None)
    try:
        dev = importlib.import_module("bounce.settings.dev")
        assert dev.STATIC_ROOT == tmp_path / "var" / "static"
        assert list(tmp_path.iterdir()) == []
    finally:
        sys.modules.pop("bounce.settings.dev", None)
