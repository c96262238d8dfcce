"""The links in the site's menu and footer, contributed by the apps that own their pages.

The kernel's chrome (``templates/includes/nav_items.html``, ``footer.html``) names no app: each
app registers a Wagtail hook that returns ``NavItem``s, and the kernel shows the ones meant for
the visitor, in ``order``:

- ``register_nav_items(request, page) -> [NavItem]``: the main menu (``page`` is the Wagtail
  page being served, or ``None`` on a view).
- ``register_footer_items(request) -> [NavItem]``: extra footer links beside the footer pages.
  The footer is cached once per language for every visitor, so footer items are for everyone.

Carers on their own pages (``home.languages.is_carer_context``) see only the items meant for
them (``Audience.CARER``, e.g. "Uw thuismodules"), and nobody else sees those. An item marked
``brand`` is where the logo leads that visitor (the site's root page otherwise); an item marked
``post`` is a button in a form with the CSRF token (signing out).

The header is cached (``templates/base.html``): for guests per path, language and carer
context; for the signed in per path, language and ``is_staff``. So an item may depend on the
visitor's audience, the page, the path and the language, and on nothing else of the visitor.
"""

from dataclasses import dataclass
from enum import StrEnum

from wagtail import hooks


class Audience(StrEnum):
    """Who sees an item in the main menu."""

    EVERYONE = "everyone"
    GUEST = "guest"  # not signed in (e.g. "Voor ouders")
    SIGNED_IN = "signed_in"  # teachers and coordinators (e.g. "Mijn groepen")
    STAFF = "staff"  # may open the Wagtail admin
    CARER = "carer"  # a carer on the carers' pages, who sees nothing else


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int = 100
    audience: Audience = Audience.EVERYONE
    current: bool = False  # rendered as aria-current="page"
    brand: bool = False  # the logo's link for this visitor
    post: bool = False  # an action (a form button), not a link


def _sees(user, audience: Audience, carer: bool) -> bool:
    if carer or audience == Audience.CARER:
        return carer and audience == Audience.CARER
    signed_in = bool(getattr(user, "is_authenticated", False))
    if audience == Audience.GUEST:
        return not signed_in
    if audience == Audience.SIGNED_IN:
        return signed_in
    if audience == Audience.STAFF:
        return signed_in and user.is_staff
    return True


def _sorted(items) -> list[NavItem]:
    return sorted(items, key=lambda item: item.order)  # stable: equal orders keep hook order


def nav_items(request, page=None) -> list[NavItem]:
    """The main-menu items every app contributes that this visitor may see."""
    from .languages import is_carer_context

    user = getattr(request, "user", None)
    carer = is_carer_context(request, page)
    found = (item for fn in hooks.get_hooks("register_nav_items") for item in fn(request, page) or ())
    return _sorted(item for item in found if _sees(user, item.audience, carer))


def brand_url(items) -> str | None:
    """Where the logo leads: the visitor's ``brand`` item, else ``None`` (the site's root)."""
    return next((item.url for item in items if item.brand), None)


def footer_items(request) -> list[NavItem]:
    """The footer links the apps contribute (the same for every visitor)."""
    return _sorted(item for fn in hooks.get_hooks("register_footer_items") for item in fn(request) or ())
