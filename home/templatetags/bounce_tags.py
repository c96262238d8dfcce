"""Template tags for the site chrome: language switcher, menu and footer (links and text)."""

from django import template
from django.templatetags.cache import CacheNode
from django.utils import translation

register = template.Library()

ADMIN_ACCESS_SECONDS = 60


def may_access_admin(user) -> bool:
    """Whether ``user`` may open the Wagtail admin, kept per user under the roles version
    (``home.roles.kept_for_user``) and for at most a minute: Django reads a user's permissions
    with two queries on every request, which a teacher's lesson page paid only to learn that it
    shows no userbar. A changed group or permission shows (or hides) the userbar at once, any
    other change within a minute; the admin itself always checks afresh."""
    from home.roles import kept_for_user

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return kept_for_user(user, "admin-access", lambda: user.has_perm("wagtailadmin.access_admin"), ADMIN_ACCESS_SECONDS)


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar, for users who may edit only (``may_access_admin``), so other visitors
    pay no permission queries for it."""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    request = context.get("request")
    if request is None or not may_access_admin(getattr(request, "user", None)):
        return ""
    return wagtailuserbar(context)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it can be read in (rules in ``home.languages``)."""
    from home.languages import switcher_links

    return {"links": switcher_links(context.get("request"), context.get("page")), "current": translation.get_language()}


@register.simple_tag
def translation_coverage(page):
    """How much of the Dutch page's parts this translation has, and the Dutch page's URL."""
    from home.languages import translation_coverage as coverage

    return coverage(page)


@register.simple_tag(takes_context=True)
def carer_context(context):
    """True on carers' pages for visitors without an account (``home.languages``)."""
    from home.languages import is_carer_context

    return is_carer_context(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """General pages flagged for the footer (privacy, accessibility), in the current language.

    Filtered on the locale's language code in the same query (no ``Locale.get_active()`` read of
    its own), which pays for the footer text's one query on a cold footer cache."""
    from wagtail.coreutils import get_supported_content_language_variant

    from home.models import StandardPage

    language = get_supported_content_language_variant(translation.get_language())
    return list(
        StandardPage.objects.live().filter(show_in_footer=True, locale__language_code=language)
        .order_by("path").only("title", "url_path")
    )


@register.simple_tag(takes_context=True)
def nav_items(context):
    """The main-menu links the apps contribute (``register_nav_items``, ``home.navigation``)."""
    from home.navigation import nav_items as items

    return items(context.get("request"), context.get("page"))


@register.simple_tag
def nav_brand_url(items):
    """Where the logo leads this visitor (``home.navigation.brand_url``)."""
    from home.navigation import brand_url

    return brand_url(items)


@register.simple_tag(takes_context=True)
def footer_items(context):
    """The footer links the apps contribute (``register_footer_items``, ``home.navigation``)."""
    from home.navigation import footer_items as items

    return items(context.get("request"))


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer line coordinators edit (``home.models.FooterSettings``) in the current language,
    else in Dutch, else the built-in line. One query, only when the footer cache is cold."""
    from wagtail.models import Site

    from home.models import DEFAULT_FOOTER_TEXT, FooterSettings

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return FooterSettings.text_for(site, translation.get_language()) or DEFAULT_FOOTER_TEXT


@register.simple_tag
def chrome_version():
    """The content version that keys the cached header and footer (``home.chrome_cache``)."""
    from home.chrome_cache import content_version

    return content_version()


MODULE_ICONS = range(1, 6)  # static/img/modules/module-<n>.svg, one calm icon per at-home module


@register.simple_tag
def module_icon(number):
    """The URL of the at-home module's icon, or "" for a module without one."""
    from django.templatetags.static import static

    return static(f"img/modules/module-{number}.svg") if number in MODULE_ICONS else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher's links, for the language choice on the carers' code page."""
    from home.languages import switcher_links

    return switcher_links(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def url_in_remembered_language(context, url_name):
    """``url_name`` in the language this device chose on the code page (``home.languages``)."""
    from home.languages import remembered_language, url_in_language

    return url_in_language(url_name, remembered_language(context.get("request")))


class SharedCacheNode(CacheNode):
    """Django's ``{% cache %}``, for a fragment with a CSRF token in it (``home.csrf_fragments``):
    rendered with the mark as the token, and served with the visitor's own."""

    def render(self, context):
        from home.csrf_fragments import fill, token_mark

        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        with context.push(csrf_token=token_mark()):
            html = super().render(context)
        return fill(request, html)


@register.tag("shared_cache")
def do_shared_cache(parser, token):
    """``{% shared_cache timeout name vary... %}...{% endshared_cache %}``: like ``{% cache %}``
    (same arguments but ``using``; the ``template_fragments`` cache), for fragments with a form."""
    nodelist = parser.parse(("endshared_cache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("shared_cache takes a timeout and a fragment name")
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return SharedCacheNode(nodelist, parser.compile_filter(bits[1]), bits[2], vary_on, None)
