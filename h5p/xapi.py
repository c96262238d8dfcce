"""Reading what browsers post: xAPI statements and resume state (everything in them is untrusted).

The request body is parsed and checked here once; the endpoints hand the resulting
``Submission`` (or state text) to ``services`` as they are. Every refusal is a
``StatementInvalid`` with a Dutch reason and an HTTP status, and nothing is stored.

Rules the player's JavaScript needs too (which verbs end an attempt, how large a resume state
may be) are defined here and handed to the page (``player_rules``), never written twice.
"""

import json
import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.dateparse import parse_duration
from django.utils.translation import gettext as _

from . import conf

# A parentless statement with one of these verbs and a result is a finished attempt (Moodle).
ATTEMPT_VERBS = ("answered", "completed")
# Real H5P statements nest about 8 levels deep; far deeper is an attack on the parser.
MAX_DEPTH = 32
MAX_BODY_BYTES = 512 * 1024
# Longer than any session at a screen; a bigger value is a bug or an attack (and overflows
# the database's interval type).
MAX_DURATION = timedelta(days=366)
# H5P rounds scaled to 4 decimals; allow for that and for other players' rounding.
SCALED_TOLERANCE = 0.01


class StatementInvalid(ValueError):
    """Carries a Dutch reason that the endpoint returns with ``status`` (400 unless said)."""

    def __init__(self, reason, status=400):
        super().__init__(reason)
        self.status = status


def player_rules():
    """What the bridge and player scripts read from the page instead of hard-coding it."""
    return {"attemptVerbs": list(ATTEMPT_VERBS), "maxStateBytes": conf.get("H5P_MAX_STATE_BYTES")}


@dataclass(frozen=True)
class Statement:
    """One checked statement and the result fields the service stores."""

    raw: dict
    verb: str
    object_id: str
    has_parent: bool
    has_result: bool
    score: dict = field(default_factory=dict)  # raw, max, scaled (scaled recomputed if absent)
    success: bool | None = None
    completion: bool | None = None
    duration: timedelta | None = None
    response: str = ""
    question: str = ""
    interaction_type: str = ""
    correct_pattern: str = ""

    @property
    def starts_attempt(self):
        return not self.has_parent and self.verb in ATTEMPT_VERBS and self.has_result

    @property
    def is_question(self):
        """Single-question content (TrueFalse, Drag the Words...) sends one parentless statement
        that is itself the question: it describes an interaction."""
        return bool(self.interaction_type)


@dataclass(frozen=True)
class Submission:
    statement: Statement
    children: list = field(default_factory=list)


def _no_constants(name):
    """NaN and Infinity are not JSON (Python accepts them; PostgreSQL's jsonb does not)."""
    raise ValueError(name)


def _check_tree(value, depth=0):
    """Depth, lone surrogates and NUL: what JSON allows but no database stores."""
    if depth > MAX_DEPTH:
        raise StatementInvalid(_("De gegevens zijn te diep genest."))
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_tree(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_tree(item, depth + 1)


def _check_text(text):
    if "\x00" in text:
        raise StatementInvalid(_("De gegevens mogen geen NUL-tekens bevatten."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
        raise StatementInvalid(_("De gegevens bevatten een ongeldig teken (een losse surrogaat).")) from exc


def load_json(body, limit=MAX_BODY_BYTES):
    """Parse a request body as JSON under the checks above, or raise ``StatementInvalid``."""
    if len(body) > limit:
        raise StatementInvalid(_("De gegevens zijn te groot."), 413)
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise StatementInvalid(_("De inhoud is geen geldige JSON.")) from exc
    _check_tree(data)
    return data


def parse_submission(body):
    """A POSTed ``{"statement": {...}, "children": [...]}`` -> ``Submission``."""
    return _submission(load_json(body))  # load_json has walked the tree once already


def parse_payload(payload):
    """An already decoded payload -> ``Submission`` (also used by code that builds statements)."""
    _check_tree(payload)
    return _submission(payload)


def _submission(payload):
    if not isinstance(payload, dict) or "statement" not in payload:
        raise StatementInvalid(_("Verwacht een JSON-object met “statement”."))
    children = payload.get("children") or []
    if not isinstance(children, list):
        raise StatementInvalid(_("“children” moet een lijst zijn."))
    if len(children) > conf.get("H5P_MAX_CHILDREN"):
        raise StatementInvalid(_("Te veel deelvragen in één statement."))
    flat = [child.get("statement", child) if isinstance(child, dict) else child for child in children]
    statement = check_statement(payload["statement"])
    return Submission(statement, [check_statement(child) for child in flat])


def parse_state(body):
    """A POSTed ``{"state": "<text>"}`` -> the text, at most ``H5P_MAX_STATE_BYTES``."""
    limit = conf.get("H5P_MAX_STATE_BYTES")
    too_big = _("De tussenstand is groter dan %(kb)d KB.") % {"kb": limit // 1024}
    if len(body) > limit + 1024:
        raise StatementInvalid(too_big, 413)
    payload = load_json(body, limit + 1024)
    data = payload.get("state") if isinstance(payload, dict) else None
    if not isinstance(data, str):
        raise StatementInvalid(_("Verwacht een JSON-object met “state” als tekst."))
    if len(data.encode("utf-8")) > limit:
        raise StatementInvalid(too_big, 413)
    return data


def verb_of(statement):
    return statement["verb"]["id"].rstrip("/").rsplit("/", 1)[-1][:40]


def _number(value, name):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementInvalid(_("result.score.%(name)s moet een getal zijn.") % {"name": name})
    return float(value)


def _score(score):
    """Refuse impossible scores; compute ``scaled`` from raw/max when it is missing.

    A sent ``scaled`` that disagrees with raw/max is refused rather than silently replaced:
    the content type that sent it is broken or hostile, and the coordinator should not see a
    figure it never produced.
    """
    if not isinstance(score, dict):
        raise StatementInvalid(_("result.score moet een object zijn."))
    raw, mx, mn, scaled = (_number(score.get(k), k) for k in ("raw", "max", "min", "scaled"))
    mn = 0.0 if mn is None else mn
    if mx is not None and mx < 0:
        raise StatementInvalid(_("result.score.max mag niet negatief zijn."))
    if mx is not None and mn > mx:
        raise StatementInvalid(_("result.score.min is groter dan result.score.max."))
    if raw is not None and raw < mn:
        raise StatementInvalid(_("result.score.raw is kleiner dan result.score.min."))
    if raw is not None and mx is not None and raw > mx:
        raise StatementInvalid(_("result.score.raw is groter dan result.score.max."))
    if scaled is not None and not 0 <= scaled <= 1:
        raise StatementInvalid(_("result.score.scaled moet tussen 0 en 1 liggen."))
    if raw is not None and mx:
        expected = round(raw / mx, 4)
        if scaled is not None and abs(scaled - expected) > SCALED_TOLERANCE:
            raise StatementInvalid(_("result.score.scaled klopt niet met raw gedeeld door max."))
        scaled = expected if scaled is None else scaled
    return {"raw": raw, "max": mx, "scaled": scaled}


def _duration(value):
    if value is None:
        return None
    try:
        parsed = parse_duration(value) if isinstance(value, str) and value.startswith("P") else None
    except (OverflowError, ValueError):
        parsed = None
    if parsed is None:
        raise StatementInvalid(_("result.duration is geen ISO 8601-duur (zoals PT12S)."))
    if not timedelta(0) <= parsed <= MAX_DURATION:
        raise StatementInvalid(_("result.duration is onmogelijk lang."))
    return parsed


def _texts(definition, key):
    texts = definition.get(key)
    if texts is None:
        return ""
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise StatementInvalid(_("object.definition.%(key)s moet een taalkaart met teksten zijn.") % {"key": key})
    if not texts:
        return ""
    return (texts.get("nl") or texts.get("en-US") or next(iter(texts.values())))[:500]


def check_statement(statement):
    """Validate one statement and return it as a ``Statement`` (or raise)."""
    if not isinstance(statement, dict):
        raise StatementInvalid(_("Een statement moet een JSON-object zijn."))
    if len(json.dumps(statement)) > conf.get("H5P_MAX_STATEMENT_BYTES"):
        limit = conf.get("H5P_MAX_STATEMENT_BYTES")
        raise StatementInvalid(_("Een statement is groter dan %(kb)d KB.") % {"kb": limit // 1024})
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str) or not verb["id"].startswith(("http://", "https://")):
        raise StatementInvalid(_("verb.id ontbreekt of is geen IRI."))
    obj = statement.get("object")
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not obj["id"] or len(obj["id"]) > 2000:
        raise StatementInvalid(_("object.id ontbreekt."))
    definition = obj.get("definition") or {}
    if not isinstance(definition, dict):
        raise StatementInvalid(_("object.definition moet een object zijn."))
    interaction = definition.get("interactionType") or ""
    if not isinstance(interaction, str):
        raise StatementInvalid(_("object.definition.interactionType moet tekst zijn."))
    question = _texts(definition, "description") or _texts(definition, "name")
    patterns = definition.get("correctResponsesPattern") or []
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise StatementInvalid(_("object.definition.correctResponsesPattern moet een lijst teksten zijn."))
    context = statement.get("context", {})
    if context is not None and not isinstance(context, dict):
        raise StatementInvalid(_("context moet een object zijn."))
    activities = (context or {}).get("contextActivities")
    if activities is not None and not isinstance(activities, dict):
        raise StatementInvalid(_("context.contextActivities moet een object zijn."))
    parent = (activities or {}).get("parent")
    if parent is not None and not isinstance(parent, list | dict):
        raise StatementInvalid(_("context.contextActivities.parent is ongeldig."))
    common = {
        "raw": statement,
        "verb": verb_of(statement),
        "object_id": obj["id"][:500],
        "has_parent": bool(parent),
        "question": question,
        "interaction_type": interaction[:40],
        "correct_pattern": " | ".join(patterns)[:2000],
    }
    result = statement.get("result")
    if result is None:
        return Statement(has_result=False, **common)
    if not isinstance(result, dict):
        raise StatementInvalid(_("result moet een object zijn."))
    flags = {}
    for key in ("success", "completion"):
        value = result.get(key)
        if value is not None and not isinstance(value, bool):
            raise StatementInvalid(_("result.%(key)s moet waar of onwaar zijn.") % {"key": key})
        flags[key] = value
    response = result.get("response")
    if response is not None and not isinstance(response, str):
        raise StatementInvalid(_("result.response moet tekst zijn."))
    score = result.get("score")
    return Statement(
        has_result=True,
        score=_score(score) if score is not None else {},
        duration=_duration(result.get("duration")),
        response=(response or "")[:2000],
        **flags,
        **common,
    )
