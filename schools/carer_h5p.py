"""Carers are adults and read "u": the H5P interface strings rewritten for them in Dutch.

H5P packages (and this site's own embed texts) address the learner with "je", which suits pupils
in class. On a carers' page in Dutch the h5p app applies this table (setting
``H5P_INTERFACE_REWRITES``, ``h5p.l10n``): whole interface strings of the libraries used in the
demo and of the common H5P question types, nothing of the author's own questions. Other
languages get the package's own translations instead, so the table is Dutch only. One place,
data only: add a line when a new content type brings a "je" string.
"""

from home.languages import page_is_carer_facing

FORMAL_DUTCH = {
    # BOUNCE.Zelfcheck (the demo activities)
    "Je score: :score van :max.": "Uw score: :score van :max.",
    "Dank je wel voor je antwoorden.": "Dank u wel voor uw antwoorden.",
    # Button labels of H5P's question types in Dutch (imperative "je" form -> neutral); not checked
    # against a real package here: the demo carries none. Extend from a package's language/nl.json.
    "Controleer": "Controleren",
    "Probeer opnieuw": "Opnieuw proberen",
    "Toon oplossing": "Oplossing tonen",
    # The embed's own texts (h5p.embed.messages)
    "Je resultaat is bewaard.": "Uw resultaat is bewaard.",
    "Je resultaat kon niet worden bewaard.": "Uw resultaat kon niet worden bewaard.",
    "De oefening wordt geladen zodra je ernaartoe scrolt.": "De oefening wordt geladen zodra u ernaartoe scrolt.",
    "Je antwoorden worden bewaard zonder je naam. Scores zijn zelf gerapporteerd en alleen bedoeld om zelf te oefenen.":
        "Uw antwoorden worden bewaard zonder uw naam. Scores zijn zelf gerapporteerd en alleen bedoeld om zelf te oefenen.",
}


def formal_dutch(page_context, language: str) -> dict:
    """For ``H5P_INTERFACE_REWRITES``: the "u" table on a Dutch carers' page, else nothing."""
    page = page_context.get("page") if hasattr(page_context, "get") else None
    if language != "nl" or page is None or not page_is_carer_facing(page):
        return {}
    return FORMAL_DUTCH
