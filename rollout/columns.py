"""Columns and summary lines shared by the screen and the spreadsheet, so both show the same."""

from django.utils.translation import gettext_lazy as _

OBSTACLE_LABELS = {
    "obstacle_time": _("tijd"), "obstacle_curriculum": _("past niet in het lesprogramma"), "obstacle_training": _("training"),
    "obstacle_parents": _("ouders bereiken"), "obstacle_other": _("anders"),
}

READINESS = [
    ("rank", _("Plaats")), ("name", _("School")), ("brin", _("BRIN")), ("municipality", _("Gemeente")), ("status", _("Status")),
    ("score", _("Punten (0-5)")), ("kickoff_held", _("Kick-off gehouden")), ("plan", _("Implementatieplan")),
    ("groepen", _("Groepen")), ("teachers", _("Leerkrachten")), ("trained", _("Getraind")),
    ("lessons_given", _("Lessen gegeven")), ("feedback", _("Lesfeedback")), ("obstacles", _("Belemmeringen")),
]

REVISION = [("number", _("Les")), ("title", _("Titel")), ("responses", _("Antwoorden")), ("mean_grade", _("Rapportcijfer")),
            ("reasons", _("Waarom"))]


def readiness_value(row, key):
    if key == "obstacles":
        return [str(OBSTACLE_LABELS[name]) for name in row["obstacles"]]
    return row[key]


def revision_value(row, key):
    return row[key]


# (label, key in the per-year figures, nested key) for the dashboard summary and the export.
SUMMARY = [
    (_("Leerkrachten van de groepen"), "teachers", None),
    (_("Leerkrachten getraind"), "trained", None),
    (_("Leerkrachten die lessen gaven"), "delivered", None),
    (_("Getraind en gaven lessen"), "trained_delivered", None),
    (_("Getraind, nog geen les gegeven"), "trained_not_delivered", None),
    (_("Scholen met groepen"), "schools", None),
    (_("Groepen"), "groepen", None),
    (_("Groepen met minstens één les"), "groepen_given", None),
    (_("Leerlingen bereikt"), "pupils_reached", None),
    (_("Lessen gegeven (per groep één keer geteld)"), "lessons_given", None),
    (_("Lessen in het programma (alle groepen)"), "lessons_in_programme", None),
    (_("Gegeven van het programma (%)"), "programme_share", None),
    (_("Geplande lessen"), "planned", None),
    (_("Geplande lessen gegeven"), "planned_given", None),
    (_("Gegeven van gepland (%)"), "fidelity", None),
    (_("Huishoudens begonnen aan een thuismodule"), "started", None),
    (_("Huishoudens die een thuismodule afrondden"), "finished", None),
    (_("Gemiddeld rapportcijfer lessen"), "lesson_grade", None),
    (_("Gemiddeld rapportcijfer thuismodules"), "module_grade", None),
    (_("H5P: leerkrachten met een poging"), "h5p", ("user", "learners")),
    (_("H5P: leerkrachten die afrondden (%)"), "h5p", ("user", "share")),
    (_("H5P: huishoudens met een poging"), "h5p", ("household", "learners")),
    (_("H5P: huishoudens die afrondden (%)"), "h5p", ("household", "share")),
]


def summary_rows(figures) -> list[dict]:
    def value(per_year, key, nested):
        found = per_year[key]
        if nested:
            found = found[nested[0]][nested[1]]
        return found

    return [{"label": label, "key": key, "before": value(figures["before"], key, nested), "current": value(figures["current"], key, nested)}
            for label, key, nested in SUMMARY]
