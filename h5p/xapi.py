"""Shape checks for the xAPI statements browsers post (everything in them is untrusted)."""

import math

from django.utils.dateparse import parse_duration
from django.utils.translation import gettext as _

from . import conf

ATTEMPT_VERBS = {"answered", "completed"}


class StatementInvalid(ValueError):
    """Carries a Dutch reason that the endpoint returns with status 400."""


def verb_of(statement):
    return statement["verb"]["id"].rstrip("/").rsplit("/", 1)[-1][:40]


def has_parent(statement):
    parent = ((statement.get("context") or {}).get("contextActivities") or {}).get("parent")
    return bool(parent)


def _number(value, name):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementInvalid(_("result.score.%(name)s moet een getal zijn.") % {"name": name})
    return float(value)


def check_statement(statement):
    """Validate one statement and return its parsed result fields (or raise)."""
    if not isinstance(statement, dict):
        raise StatementInvalid(_("Een statement moet een JSON-object zijn."))
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str) or not verb["id"].startswith(("http://", "https://")):
        raise StatementInvalid(_("verb.id ontbreekt of is geen IRI."))
    obj = statement.get("object")
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not obj["id"] or len(obj["id"]) > 2000:
        raise StatementInvalid(_("object.id ontbreekt."))
    context = statement.get("context", {})
    if context is not None and not isinstance(context, dict):
        raise StatementInvalid(_("context moet een object zijn."))
    activities = (context or {}).get("contextActivities")
    if activities is not None and not isinstance(activities, dict):
        raise StatementInvalid(_("context.contextActivities moet een object zijn."))
    parent = (activities or {}).get("parent")
    if parent is not None and not isinstance(parent, list | dict):
        raise StatementInvalid(_("context.contextActivities.parent is ongeldig."))
    result = statement.get("result")
    parsed = {"score": None}
    if result is None:
        return parsed
    if not isinstance(result, dict):
        raise StatementInvalid(_("result moet een object zijn."))
    score = result.get("score")
    if score is not None:
        if not isinstance(score, dict):
            raise StatementInvalid(_("result.score moet een object zijn."))
        raw, mx, mn, scaled = (_number(score.get(k), k) for k in ("raw", "max", "min", "scaled"))
        if scaled is not None and not -1 <= scaled <= 1:
            raise StatementInvalid(_("result.score.scaled moet tussen -1 en 1 liggen."))
        if mx is not None and mx < 0:
            raise StatementInvalid(_("result.score.max mag niet negatief zijn."))
        if raw is not None and mx is not None and raw > mx:
            raise StatementInvalid(_("result.score.raw is groter dan result.score.max."))
        if scaled is None and raw is not None and mx:
            scaled = round(raw / mx, 4)
        parsed["score"] = {"raw": raw, "max": mx, "scaled": scaled}
    for key in ("success", "completion"):
        value = result.get(key)
        if value is not None and not isinstance(value, bool):
            raise StatementInvalid(_("result.%(key)s moet waar of onwaar zijn.") % {"key": key})
        parsed[key] = value
    duration = result.get("duration")
    parsed["duration"] = None
    if duration is not None:
        parsed["duration"] = parse_duration(duration) if isinstance(duration, str) and duration.startswith("P") else None
        if parsed["duration"] is None:
            raise StatementInvalid(_("result.duration is geen ISO 8601-duur (zoals PT12S)."))
    response = result.get("response")
    if response is not None and not isinstance(response, str):
        raise StatementInvalid(_("result.response moet tekst zijn."))
    parsed["response"] = (response or "")[:2000]
    return parsed


def check_payload(payload):
    """``{"statement": {...}, "children": [...]}`` -> (statement, children), checked."""
    if not isinstance(payload, dict) or "statement" not in payload:
        raise StatementInvalid(_("Verwacht een JSON-object met “statement”."))
    statement = payload["statement"]
    check_statement(statement)
    children = payload.get("children") or []
    if not isinstance(children, list):
        raise StatementInvalid(_("“children” moet een lijst zijn."))
    if len(children) > conf.get("H5P_MAX_CHILDREN"):
        raise StatementInvalid(_("Te veel deelvragen in één statement."))
    flat = []
    for child in children:
        child = child.get("statement", child) if isinstance(child, dict) else child
        check_statement(child)
        flat.append(child)
    return statement, flat


def description_of(statement):
    definition = (statement.get("object") or {}).get("definition") or {}
    for key in ("description", "name"):
        texts = definition.get(key)
        if isinstance(texts, dict) and texts:
            value = texts.get("nl") or texts.get("en-US") or next(iter(texts.values()))
            if isinstance(value, str):
                return value[:500]
    return ""
