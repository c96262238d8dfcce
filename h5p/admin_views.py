"""Snippet views for H5P activities: uploads go through the import service (all-or-nothing)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from .embed import embed_context
from .services import import_package
from .validation import PackageInvalid


class _PackageSaveMixin:
    def _import(self, activity=None):
        form = self.form
        upload = form.cleaned_data.get("package_file")
        if not upload:
            return None
        package = import_package(
            upload.file,
            filename=upload.name,
            info=form.package_info,
            activity=activity,
            title=form.cleaned_data.get("title"),
            slug=form.cleaned_data.get("slug") or None,
            user=self.request.user,
        )
        if package.skipped_files:
            messages.info(
                self.request,
                _("Overgeslagen (losse bestanden in de hoofdmap, niet nodig om af te spelen): %(files)s")
                % {"files": ", ".join(package.skipped_files)},
            )
        return package


class ActivityCreateView(_PackageSaveMixin, CreateView):
    def save_instance(self):
        package = self._import()
        activity = package.activity
        activity.description = self.form.cleaned_data.get("description", "")
        activity.save(update_fields=["description"])
        log(instance=activity, action="wagtail.create", user=self.request.user)
        return activity

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PackageInvalid as exc:  # e.g. a nested archive found while streaming
            form.add_error("package_file", exc.message)
            self.produced_error_message = _("Het H5P-pakket is niet opgeslagen. Zie hieronder waarom.")
            return self.form_invalid(form)


class ActivityEditView(_PackageSaveMixin, EditView):
    def save_instance(self):
        activity = super().save_instance()
        package = self._import(activity=activity)
        if package is not None:
            messages.success(self.request, _("Versie %(v)d is geüpload.") % {"v": package.version})
            activity.refresh_from_db()
        return activity

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PackageInvalid as exc:
            form.add_error("package_file", exc.message)
            self.produced_error_message = _("Het H5P-pakket is niet opgeslagen. Zie hieronder waarom.")
            return self.form_invalid(form)


class ActivityInspectView(InspectView):
    template_name = "h5p/admin/inspect.html"

    def get_fields(self):
        return ["title", "slug", "description"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        context.update(embed_context(activity, preview=True))
        context["package"] = activity.current_package
        context["versions"] = activity.packages.select_related("uploaded_by").order_by("-version")
        context["usage"] = ReferenceIndex.get_grouped_references_to(activity)
        context["attempt_count"] = activity.attempts.count()
        return context
