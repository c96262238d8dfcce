"""Production settings for issue 9: a cache every worker shares, one trusted-proxy count, the
site's own address in e-mail links."""

from tests.production.test_project import PRODUCTION_ENV, run_manage

SHOW = (
    "from django.conf import settings; c = settings.CACHES['default']; "
    "print(c['BACKEND'], settings.TRUSTED_PROXY_COUNT, settings.AXES_CLIENT_IP_CALLABLE, settings.WAGTAILADMIN_BASE_URL)"
)


def test_without_redis_production_shares_a_file_cache_and_trusts_no_proxy():
    result = run_manage("shell", "-v0", "-c", SHOW, env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.filebased.FileBasedCache", "0", "home.client_ip.client_ip", "https://bounce.example",
    ]


def test_trusted_proxy_count_and_base_url_come_from_the_environment():
    env = {**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": "2", "WAGTAILADMIN_BASE_URL": "https://bounce.gemeente.example/"}
    result = run_manage("shell", "-v0", "-c", SHOW, env_overrides=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1:] == ["2", "home.client_ip.client_ip", "https://bounce.gemeente.example"]


def test_a_negative_or_non_numeric_proxy_count_stops_start_up():
    for value in ("-1", "twee"):
        result = run_manage("check", env_overrides={**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": value})
        assert result.returncode != 0 and "TRUSTED_PROXY_COUNT" in result.stderr
