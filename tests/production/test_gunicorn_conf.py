"""``bounce.gunicorn_conf``: the hook every app server runs once its worker has loaded the site
(the multi-server tests in this folder start gunicorn with it, so a hook that fails would stop
their workers from booting)."""

import gc

from bounce import gunicorn_conf


def test_the_loaded_site_is_frozen_out_of_full_collections():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 10_000  # Django, Wagtail and the project's objects
    finally:
        gc.unfreeze()
