"""The project is consistent: system checks, migrations, production settings."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "bounce.settings.production",
    "SECRET_KEY": "k3y-" + "x9Qz!7mVb2#Lp4@Rt8$Wn6^Hs1&Jd5*Fg0" * 2,
    "ALLOWED_HOSTS": "bounce.example",
    "DATABASE_URL": "postgres://bounce@db.internal:5432/bounce",
}


def run_manage(*args, env_overrides=None, drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_system_check_passes():
    out = StringIO()
    call_command("check", fail_level="WARNING", stdout=out)  # raises SystemCheckError on a problem
    assert "System check identified no issues" in out.getvalue()


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits 1 when one is missing
    assert "No changes detected" in out.getvalue()


def test_check_deploy_prints_no_warning_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(variable):
    result = run_manage("check", env_overrides=PRODUCTION_ENV, drop=[variable])
    assert result.returncode != 0
    assert f"omgevingsvariabele {variable}" in result.stderr


def test_production_refuses_a_short_secret_key_and_a_bad_redis_url():
    short = run_manage("check", env_overrides={**PRODUCTION_ENV, "SECRET_KEY": "abc"})
    assert short.returncode != 0 and "SECRET_KEY" in short.stderr
    redis = run_manage("check", env_overrides={**PRODUCTION_ENV, "REDIS_URL": "localhost:6379"})
    assert redis.returncode != 0 and "REDIS_URL" in redis.stderr


def test_whitenoise_comes_right_after_the_security_middleware_in_production():
    """As WhiteNoise's documentation asks: static files skip every other middleware but still get
    the security headers (HSTS, nosniff) SecurityMiddleware adds."""
    code = "from django.conf import settings; print(' '.join(settings.MIDDLEWARE[:2]))"
    result = run_manage("shell", "-v0", "-c", code, env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_production_uses_redis_when_redis_url_is_set():
    code = (
        "from django.conf import settings; from django.core.cache import caches;"
        "from django.core.cache.backends.redis import RedisCache;"
        "print(settings.CACHES['default']['BACKEND'], isinstance(caches['default'], RedisCache))"
    )
    result = run_manage(
        "shell", "-v0", "-c", code, env_overrides={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/1"}
    )
    assert result.returncode == 0, result.stderr
    # Django's Redis backend, wrapped so that an outage degrades to a miss (home.resilient_cache).
    assert result.stdout.strip() == "home.resilient_cache.ResilientRedisCache True"


def test_english_catalogue_translates_every_interface_string():
    import polib

    catalogue = polib.pofile(str(BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert missing == []
