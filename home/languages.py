"""Which pages speak which languages.

Carers read Dutch, English, Arabic, Turkish and Polish; teachers and coordinators work in Dutch
and English only (``settings.TEACHER_LANGUAGES``). A carer-only language (Arabic, Turkish,
Polish) is therefore offered only where a carer can be: a view or a page says so by carrying
``carer_facing = True`` (views through the ``carer_facing`` decorator, pages as a class
attribute or property). Anything else asked for in a carer-only language answers with a
redirect to the Dutch page and a notice in the language the visitor asked for, so a shared
link never shows a half-translated teacher page.

Kept in the kernel so every app can mark its own views and pages without knowing the others.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

# The query parameter the language switcher adds when it had to fall back to an ancestor page.
FALLBACK_PARAM = "vertaling"
FALLBACK_VALUE = "ontbreekt"
# The query parameter the switcher adds on carers' pages: the visitor chose this language. The
# middleware remembers it (device cookie; the household through the ``carer_language_chosen``
# hook) and drops it, so the choice survives on another device (``schools.carer_language``).
CHOICE_PARAM = "taalkeuze"


def teacher_languages() -> list[str]:
    return list(settings.TEACHER_LANGUAGES)


def carer_only_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code not in settings.TEACHER_LANGUAGES]


def is_carer_only(language_code: str | None) -> bool:
    return bool(language_code) and language_code in carer_only_languages()


def carer_facing(view):
    """Mark a view as part of the carers' path: it may be shown in every carer language."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.carer_facing = True
    return wrapped


def page_is_carer_facing(page) -> bool:
    """``page`` must be specific (Wagtail serves and renders specific pages)."""
    return bool(getattr(page, "carer_facing", False))


def view_is_carer_facing(view_func) -> bool:
    return bool(getattr(view_func, "carer_facing", False))


def languages_for(carer_page: bool) -> list[tuple[str, str]]:
    """The languages a page can be read in: all five on carers' pages, else nl and en."""
    return [(code, name) for code, name in settings.LANGUAGES if carer_page or code in settings.TEACHER_LANGUAGES]


def _notice_not_in_language(request, language_code):
    """Tell the visitor, in the language they asked for, why they now read Dutch."""
    with translation.override(language_code):
        messages.info(request, _("Deze pagina is er alleen in het Nederlands en het Engels."))


def redirect_to_dutch(request, language_code, dutch_url=None):
    """Answer a carer-only language request for a teacher page with the Dutch page."""
    url = dutch_url or translate_url(request.get_full_path(), settings.LANGUAGE_CODE)
    if url == request.get_full_path():  # translate_url found no match: strip the prefix by hand
        prefix = f"/{language_code}/"
        path = request.path[len(prefix) - 1:] if request.path.startswith(prefix) else "/"
        url = path + (f"?{request.GET.urlencode()}" if request.GET else "")
    _notice_not_in_language(request, language_code)
    return HttpResponseRedirect(url)


def nearest_translation(page, language_code):
    """The page in ``language_code``, or its nearest ancestor live in that language (two queries).

    Returns ``(page_or_none, exact)``: ``exact`` is False when an ancestor stands in.
    """
    from wagtail.models import Page

    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).values_list("translation_key", "depth"))
    keys = [key for key, _depth in ancestors]
    found = {p.translation_key: p for p in Page.objects.live().filter(locale__language_code=language_code, translation_key__in=keys)}
    for key, _depth in sorted(ancestors, key=lambda item: -item[1]):
        if key in found:
            return found[key], key == page.translation_key
    return None, False


def translation_coverage(page) -> dict | None:
    """For a page in another language than Dutch: its Dutch page and how many of the Dutch
    page's live children exist in this language (two queries), so an index can say which parts
    are translated and link to the complete Dutch one (``{% pageurl coverage.page %}``). None
    on a Dutch page or without one."""
    from django.db.models import Count, Q
    from wagtail.models import Page

    if translation.get_language() == settings.LANGUAGE_CODE:
        return None
    dutch = Page.objects.live().filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE).first()
    if dutch is None:
        return None
    def children(parent):  # not get_children(): it trusts a possibly stale numchild
        return Page.objects.live().filter(path__startswith=parent.path, depth=parent.depth + 1)

    here = children(page).values("translation_key")
    counts = children(dutch).aggregate(total=Count("pk"), translated=Count("pk", filter=Q(translation_key__in=here)))
    return {"page": dutch, **counts}


def with_query(url: str, query: str, *, fallback: bool = False, choice: str = "") -> str:
    """``url`` with the current query string kept (e.g. a search), the fallback marker and the
    language-choice marker."""
    parts = [query] if query else []
    if fallback:
        parts.append(urlencode({FALLBACK_PARAM: FALLBACK_VALUE}))
    if choice:
        parts.append(urlencode({CHOICE_PARAM: choice}))
    return f"{url}?{'&'.join(parts)}" if parts else url


def localized_pages(pages):
    """Pair each (Dutch) page with its live translation in the active language, in one query.

    Returns a list of ``(page, translation_or_page)``: the carers' list links to the module in
    the carer's language when it exists, and to the Dutch one otherwise.
    """
    from wagtail.models import Locale, Page

    pages = list(pages)
    locale = Locale.get_active()
    if not pages or all(p.locale_id == locale.pk for p in pages):
        return [(p, p) for p in pages]
    model = type(pages[0]) if len({type(p) for p in pages}) == 1 else Page  # keeps fields like the summary
    found = {p.translation_key: p for p in model.objects.live().filter(locale=locale, translation_key__in=[p.translation_key for p in pages])}
    return [(p, found.get(p.translation_key, p)) for p in pages]


def _wagtail_page_request(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and getattr(match.func, "__module__", "") == "wagtail.views"


class CarerLanguageMiddleware:
    """Keeps Arabic, Turkish and Polish to the carers' path.

    - A Django view that is not marked ``carer_facing`` answers a carer-only language with the
      Dutch URL and a notice (Wagtail pages are checked in ``home.wagtail_hooks``).
    - A carer-only language URL that finds no page (404) goes to the Dutch path.
    - The switcher's fallback marker (``?vertaling=ontbreekt``) becomes a notice and is dropped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and (request.GET.get(FALLBACK_PARAM) == FALLBACK_VALUE or CHOICE_PARAM in request.GET):
            return self._consume_markers(request)
        response = self.get_response(request)
        language = translation.get_language()
        if response.status_code == 404 and is_carer_only(language) and request.path.startswith(f"/{language}/") and _wagtail_page_request(request):
            return redirect_to_dutch(request, language)
        return response

    @staticmethod
    def _consume_markers(request):
        """Turn the switcher's markers into a notice and a remembered choice, then drop them."""
        rest = request.GET.copy()
        if rest.get(FALLBACK_PARAM) == FALLBACK_VALUE:
            messages.info(request, _("Deze pagina is nog niet vertaald. U ziet de dichtstbijzijnde pagina in uw taal."))
            del rest[FALLBACK_PARAM]
        chosen = rest.pop(CHOICE_PARAM, [""])[-1]
        response = HttpResponseRedirect(with_query(request.path, rest.urlencode()))
        if chosen == translation.get_language():  # a marker for another language than the URL's is ignored
            remember_choice(request, response, chosen)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        language = translation.get_language()
        if not is_carer_only(language) or not request.path.startswith(f"/{language}/"):
            return None
        if getattr(view_func, "__module__", "") == "wagtail.views" or view_is_carer_facing(view_func):
            return None
        return redirect_to_dutch(request, language)


def switcher_links(request, page=None) -> list[dict]:
    """Links for the language switcher: the same page in each language, query string kept.

    On a Wagtail page: its live translation, or else the nearest translated ancestor (the link
    then carries the fallback marker, which turns into a notice). On any other view: the same
    URL under the other language prefix. Carer-only languages appear only on carers' pages.

    On a page, which translations exist and their URLs are the same for every visitor until
    the page tree changes, so they are kept under the content version (``versioned``, per page,
    language and host: three queries saved); the query string, the current page's own URL and
    the carer's choice marker are added per request.
    """
    from wagtail.models import Page

    from .chrome_cache import versioned

    current = translation.get_language()
    query = request.GET.urlencode() if request is not None else ""
    is_page = isinstance(page, Page)
    if is_page:
        carer_page = page_is_carer_facing(page)
    else:
        match = getattr(request, "resolver_match", None)
        carer_page = bool(match and view_is_carer_facing(match.func))
    offered = languages_for(carer_page)
    # A switch on a carers' page is a carer's choice (not on the home page, shared with teachers).
    marks_choice = carer_page and (not is_page or getattr(page, "carer_nav", True))
    if is_page and page.pk:
        host = request.get_host() if request is not None else ""
        targets = versioned(f"switcher:{page.pk}:{current}:{host}", lambda: _page_targets(request, page, offered, current))
    else:
        targets = {}
    links = []
    for code, name in offered:
        fallback = False
        if code == current:
            url = request.get_full_path() if request is not None else "/"
        elif is_page:
            if code not in targets:
                continue  # nothing of this site exists in that carer language yet
            url, fallback = targets[code]
        else:
            url = translate_url(request.path, code) if request is not None else "/"
        if code != current:
            url = with_query(url or "/", "" if fallback else query, fallback=fallback, choice=code if marks_choice else "")
        links.append({"code": code, "name": name, "url": url, "current": code == current, "fallback": fallback})
    return links


def _page_targets(request, page, offered, current) -> dict:
    """``{code: (url, fallback)}`` for the switcher on ``page``: its live translation, else the
    nearest translated ancestor (``fallback``); a carer-only language without either is left out."""
    translations = {p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")}
    targets = {}
    for code, _name in offered:
        if code == current:
            continue
        if code in translations:
            with translation.override(code):
                targets[code] = (translations[code].get_url(request), False)
            continue
        ancestor, _exact = nearest_translation(page, code)
        if ancestor is None and is_carer_only(code):
            continue
        with translation.override(code):
            targets[code] = (ancestor.get_url(request) if ancestor else translate_url("/", code), True)
    return targets


def is_carer_visitor(request) -> bool:
    """Whether this visitor is a carer (has a household), asked through the ``carer_visitor``
    hook: the kernel knows no households, the app that keeps them answers."""
    from wagtail import hooks

    return any(fn(request) for fn in hooks.get_hooks("carer_visitor"))


def is_carer_context(request, page=None) -> bool:
    """A visitor without an account on a carers' page: the header shows only carer links.

    In Arabic, Turkish or Polish every page is a carers' page. A page shared by both audiences
    (the home page) says ``carer_nav = False`` and keeps the full navigation in Dutch and English.
    """
    if request is None or request.user.is_authenticated:
        return False
    if is_carer_only(translation.get_language()):
        return True
    if not is_carer_visitor(request):
        return False  # a teacher or a newcomer on a public carers' page keeps the full navigation
    if page is not None:
        return page_is_carer_facing(page) and getattr(page, "carer_nav", True)
    match = getattr(request, "resolver_match", None)
    return bool(match and view_is_carer_facing(match.func))


def remember_language(response, language_code: str):
    """Store the carer's language choice on the device (Django's language cookie, a year).

    Carers have no account, so the device remembers: the code page offers the way back into
    the modules in this language, also when the carer later opens a Dutch link.
    """
    if language_code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language_code, max_age=365 * 24 * 3600, samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE, httponly=True,
        )
    return response


def remember_choice(request, response, language_code: str):
    """The visitor picked ``language_code``: the device remembers it, and so does whatever app
    keeps carers (hook ``carer_language_chosen(request, language_code)``; ``schools`` stores
    it on the household)."""
    from wagtail import hooks

    for fn in hooks.get_hooks("carer_language_chosen"):
        fn(request, language_code)
    return remember_language(response, language_code)


def remembered_language(request) -> str:
    """The language this device chose on the code page, else the page's language."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "") if request is not None else ""
    return code if code in dict(settings.LANGUAGES) else translation.get_language()


def url_in_language(url_name: str, language_code: str) -> str:
    from django.urls import reverse

    with translation.override(language_code):
        return reverse(url_name)


TRANSLATORS_GROUP = "Vertalers"
TRANSLATOR_PAGE_ACTIONS = ("change_page", "publish_page")


def grant_translators(translated_root) -> None:
    """Let the "Vertalers" edit and publish one translated tree (never the Dutch one).

    Wagtail's page permissions follow the tree and every language has its own tree, so
    translators get exactly the languages whose root page they are granted here.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    if translated_root.locale.language_code == settings.LANGUAGE_CODE:
        raise ValueError("Vertalers krijgen geen rechten op de Nederlandse pagina's.")
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    for codename in TRANSLATOR_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=translated_root,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
