"""``{% page_body_cache page "name" %}...{% endpage_body_cache %}``: see ``home.fragment_cache``.

Put only what is the same for every visitor inside (no CSRF token, no user's name or progress).
"""

from django import template
from django.utils.safestring import mark_safe

from home.fragment_cache import cached_body

register = template.Library()


class PageBodyCacheNode(template.Node):
    def __init__(self, nodelist, page, name):
        self.nodelist, self.page, self.name = nodelist, page, name

    def render(self, context):
        page = self.page.resolve(context)
        name = self.name.resolve(context)
        return mark_safe(cached_body(context.get("request"), page, name, lambda: self.nodelist.render(context)))  # noqa: S308 (rendered template output)


@register.tag
def page_body_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a page and a fragment name")
    nodelist = parser.parse(("endpage_body_cache",))
    parser.delete_first_token()
    return PageBodyCacheNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
