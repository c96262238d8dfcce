"""The admin home panel: this school year's headline figures, trained versus delivered first."""

from laces.components import Component

from schools import schoolyear

from . import cache, selectors


class RolloutPanel(Component):
    name = "rollout"
    order = 50
    template_name = "rollout/panels/summary.html"

    def get_context_data(self, parent_context):
        year = schoolyear.current_school_year()
        figures = cache.cached("panel", lambda: {
            "teachers": selectors.teacher_figures([year])[year], "groepen": selectors.groep_figures([year])[year],
            "statuses": selectors.status_counts(year),
        }, year)
        return {"year_label": schoolyear.label(year), "request": parent_context.get("request"), **figures}
