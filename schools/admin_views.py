"""Coordinators' admin views: the rollout viewsets' index, create and edit views (registered in
``wagtail_hooks``), and inviting a teacher for one groep."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from . import selectors, services
from .models import Groep, LessonDelivery, School


class GroepInviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Werk-e-mailadres"))
    first_name = forms.CharField(label=gettext_lazy("Voornaam"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Achternaam"), max_length=150)


def invite_for_groep(request, pk):
    if not (request.user.has_perm("accounts.add_invitation") and request.user.has_perm("schools.change_groep")):
        raise PermissionDenied
    groep = get_object_or_404(Groep.objects.select_related("school"), pk=pk)
    form = GroepInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.invite_teacher_for_groep(groep, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            from wagtail.admin import messages

            email = form.cleaned_data["email"]
            if outcome == "added":
                messages.success(request, _("%(email)s heeft al een account en is aan %(groep)s toegevoegd.") % {"email": email, "groep": groep.name})
            else:
                messages.success(request, _("Uitnodiging verstuurd naar %(email)s; na het aanmaken van het account hoort deze leerkracht bij %(groep)s.")
                                 % {"email": email, "groep": groep.name})
            return redirect("groepen:index")
    return TemplateResponse(request, "schools/admin/groep_invite.html", {"form": form, "groep": groep})


# Views of the rollout viewsets (registered in wagtail_hooks) -----------------------------------


class SchoolIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(groep_count=Count("groepen", distinct=True))


class SchoolCreateView(generic.CreateView):
    def save_instance(self):
        school = super().save_instance()
        services.record_status_change(school, "", self.request.user)
        return school


class SchoolEditView(generic.EditView):
    def save_instance(self):
        old_status = School.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        school = super().save_instance()
        services.record_status_change(school, old_status, self.request.user)
        return school


class GroepIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("school", "programme").annotate(
            delivered=Count("deliveries__lesson", distinct=True)
        )
        return selectors.with_training_and_reach(queryset)


class DeliveryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.register_queryset(super().get_base_queryset())

    def get_queryset(self):
        """Exports read plain values (filters, search and ordering still apply)."""
        queryset = super().get_queryset()
        return selectors.register_export_values(queryset) if self.is_export else queryset

    def to_row_dict(self, item):
        if isinstance(item, dict):
            return selectors.register_export_row(item, self.list_export)
        return super().to_row_dict(item)


class _DeliveryWriteMixin:
    """Coordinators' register forms write through ``services`` like the teachers' forms: the
    same rules, the race as a Dutch form error (coordinators have no edit window)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)

    def _fields(self):
        return {name: value for name, value in self.form.cleaned_data.items() if name in services.DELIVERY_FIELDS}


class DeliveryCreateView(_DeliveryWriteMixin, generic.CreateView):
    def save_instance(self):
        fields = self._fields()
        return services.log_delivery(
            groep=fields.pop("groep"), lesson=fields.pop("lesson"), teacher=fields.pop("teacher", None), **fields
        )


class DeliveryEditView(_DeliveryWriteMixin, generic.EditView):
    def save_instance(self):
        delivery = LessonDelivery.objects.get(pk=self.object.pk)
        return services.update_delivery(delivery, within_edit_window=False, **self._fields())
