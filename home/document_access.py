"""Teacher material among the documents: worksheets of class lessons are not for anyone.

Wagtail serves every document to anyone who knows its URL. A document is *teacher material*
when the live pages that use it (Wagtail's reference index) are all pages that declare
``teachers_only`` (class lessons, the course); then only teachers and coordinators may
download it. A document also used on a public page (a carers' module, the home page) stays
public, as does one no page uses. Decided per download, so moving a worksheet from a lesson
to a carers' module needs no collection housekeeping. The kernel knows no app: it only reads
the ``teachers_only`` attribute a page class may declare.
"""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from .roles import is_teacher


def is_teacher_material(document) -> bool:
    """True when live pages use ``document`` and every one of them is teachers-only."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document).filter(base_content_type=page_type).values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).specific(defer=True)
    using = [bool(getattr(page, "teachers_only", False)) for page in pages]
    return bool(using) and all(using)


@hooks.register("before_serve_document")
def keep_teacher_material_for_teachers(document, request):
    """Anonymous visitors are sent to the login; signed-in accounts without a role get a 403."""
    if not is_teacher_material(document):
        return None
    if is_teacher(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(_("Dit document is lesmateriaal voor leerkrachten."))
