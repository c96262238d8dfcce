"""Audit-log actions of the schools app (Wagtail's ``log()``; shown in the admin's history).

Registered through the ``register_log_actions`` hook in ``wagtail_hooks``, so an entry reads in
Dutch in Wagtail's "Logboek" instead of as a raw action name.
"""

from django.utils.translation import gettext_lazy as _

TEACHER_DEACTIVATED = "schools.teacher_deactivated"
TEACHER_REACTIVATED = "schools.teacher_reactivated"
INVITATION_RENEWED = "schools.invitation_renewed"
PLANNING_CHANGED = "schools.planning_changed"
CALENDAR_ROTATED = "schools.calendar_rotated"

ACTIONS = {
    TEACHER_DEACTIVATED: (_("Leerkracht gedeactiveerd"), _("Account van de leerkracht gedeactiveerd (uitgelogd; registraties blijven)")),
    TEACHER_REACTIVATED: (_("Leerkracht geheractiveerd"), _("Account van de leerkracht weer actief")),
    INVITATION_RENEWED: (_("Uitnodiging opnieuw verstuurd"), _("Nieuwe uitnodigingslink verstuurd (de vorige werkt niet meer)")),
    PLANNING_CHANGED: (_("Planning gewijzigd"), _("Geplande lesdata van de groep gewijzigd")),
    CALENDAR_ROTATED: (_("Agendalink vernieuwd"), _("Nieuwe geheime agendalink gemaakt (de vorige werkt niet meer)")),
}


def register_log_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
