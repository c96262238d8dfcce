"""Start-up check: package files must not sit where a media or static server would serve them."""

from django.conf import settings
from django.core.checks import Error, register

from .storage import ALIAS, inside, storage_root


@register()
def package_storage_outside_public_folders(app_configs, **kwargs):
    if ALIAS in settings.STORAGES:
        return []  # a storage of its own (e.g. a private bucket): the operator's choice
    root = storage_root()
    errors = []
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        folder = getattr(settings, setting, None)
        if folder and (inside(root, folder) or inside(folder, root)):
            errors.append(
                Error(
                    f"H5P_STORAGE_ROOT ({root}) lies inside or around {setting} ({folder}).",
                    hint="Package files are the package author's code: a web server serving "
                    f"{setting} would run it with this site's origin. Choose a folder outside it.",
                    id="h5p.E001",
                )
            )
    return errors
