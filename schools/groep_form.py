"""The groep's admin form: its teachers as a checkbox list with the school's own teachers first
(filterable, with an "uitnodigen" shortcut), and its programme as a plain select of the live
class programmes instead of a page-chooser drill-down."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm


class TeacherCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in groups; ``teacher-filter.js`` adds a search box above a long list."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "teacher-checkboxes", "data-filter-label": _("Zoek een leerkracht"), **(attrs or {})}, choices)

    class Media:
        js = ["js/teacher-filter.js"]
        css = {"all": ["css/admin-forms.css"]}  # the help text's invitation link, underlined


def teacher_choices(school_id, selected_ids=()):
    """(queryset, grouped choices): active teachers (plus those already chosen); those with a
    groep at ``school_id`` under "Leerkrachten van deze school", the others after them."""
    User = get_user_model()
    queryset = User.objects.filter(
        Q(groups__name=settings.TEACHERS_GROUP, is_active=True) | Q(pk__in=list(selected_ids))
    ).distinct().order_by("last_name", "first_name", "email")
    at_school = set()
    if school_id:
        at_school = set(User.objects.filter(groepen__school_id=school_id).values_list("pk", flat=True))
    own, others = [], []
    for user in queryset:
        label = f"{user.get_full_name() or user.email} ({user.email})"
        (own if user.pk in at_school else others).append((user.pk, label))
    groups = []
    if own:
        groups.append((_("Leerkrachten van deze school"), own))
    if others:
        groups.append((_("Andere leerkrachten") if own else _("Leerkrachten"), others))
    return queryset, groups


class GroepAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "teachers" in self.fields:
            self._set_up_teachers()
        if "programme" in self.fields:
            self._set_up_programme()

    def _school_id(self):
        raw = self.data.get(self.add_prefix("school")) if self.is_bound else None
        if raw and str(raw).isdigit():
            return int(raw)
        return self.instance.school_id or self.initial.get("school")

    def _set_up_teachers(self):
        field = self.fields["teachers"]
        selected = list(self.instance.teachers.values_list("pk", flat=True)) if self.instance.pk else []
        field.queryset, groups = teacher_choices(self._school_id(), selected)
        field.widget = TeacherCheckboxes()
        field.widget.choices = groups
        if self.instance.pk:
            invite_url = reverse("schools_admin_invite_for_groep", args=[self.instance.pk])
            field.help_text = format_html(
                '{} <a href="{}">{}</a>', _("Staat de leerkracht er nog niet bij?"), invite_url, _("Leerkracht uitnodigen voor deze groep")
            )
        else:
            field.help_text = format_html(
                '{} <a href="{}">{}</a>', _("Staat de leerkracht er nog niet bij? Sla de groep eerst op, of"),
                reverse("invitations:add"), _("nodig de leerkracht uit")
            )

    def _set_up_programme(self):
        from lessons.models import ProgrammeIndexPage, ProgrammeType

        field = self.fields["programme"]
        condition = Q(live=True, programme_type=ProgrammeType.CLASS)
        if self.instance.programme_id:
            condition |= Q(pk=self.instance.programme_id)
        field.queryset = ProgrammeIndexPage.objects.filter(condition).select_related("locale").order_by("path")
        field.widget = forms.Select()
        field.widget.choices = field.choices
        field.label_from_instance = lambda page: f"{page.title} ({page.locale.get_display_name()})"
        field.empty_label = _("Kies een programma")
