"""Admin form for H5P activities: the package is validated in ``clean`` (nothing written yet)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import H5PActivity
from .validation import PackageInvalid, validate_package


class H5PActivityForm(WagtailAdminModelForm):
    package_file = forms.FileField(
        label=_("H5P-bestand (.h5p)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
        help_text=_(
            "Exporteer de oefening uit Lumi, Moodle, WordPress of h5p.org inclusief bibliotheken. "
            "Bij een nieuwe versie blijven de plekken waar de oefening staat en de resultaten bewaard."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.package_info = None
        if "grading_method" in self.fields:
            self.fields["grading_method"].required = False
        creating = self.instance.pk is None
        self.fields["package_file"].required = creating
        if creating:
            # Title and slug come from the package when left empty.
            for name in ("title", "slug"):
                if name in self.fields:
                    self.fields[name].required = False
                    self.fields[name].help_text = _("Leeg laten: wordt uit het pakket overgenomen.")

    def clean_grading_method(self):
        """Left out of a post (older forms, scripts): the model's default, highest attempt."""
        return self.cleaned_data.get("grading_method") or H5PActivity._meta.get_field("grading_method").default

    def clean_package_file(self):
        upload = self.cleaned_data.get("package_file")
        if not upload:
            return upload
        try:
            self.package_info = validate_package(upload.file, filename=upload.name)
        except PackageInvalid as exc:
            raise forms.ValidationError(exc.message, code="invalid_package") from exc
        return upload
