"""Demo H5P activities, built in code from the project's own content type (no binary blobs)."""

import io

from .builder import build_package, sample_content
from .models import H5PActivity
from .services import import_package

DEMO = [
    (
        "demo-reflectie",
        "Reflectie: wat helpt jou? (voorbeeldinhoud)",
        sample_content(
            intro="Voorbeeldinhoud. Er zijn geen foute antwoorden: kies wat het best bij je past.",
            behaviour={"showScore": False},  # a reflection: no score after "no wrong answers"
            questions=[
                {"id": "r1", "text": "Wat doe jij als je je zorgen maakt?", "options": ["Ik praat erover", "Ik ga iets leuks doen", "Ik schrijf het op"]},
                {"id": "r2", "text": "Bij wie kun jij terecht?", "options": ["Thuis", "Op school", "Bij een vriend of vriendin"]},
            ],
        ),
    ),
    (
        "demo-zelfcheck",
        "Zelfcheck: samen sterk (voorbeeldinhoud)",
        sample_content(
            intro="Voorbeeldinhoud. Kies bij elke vraag het antwoord dat volgens jou klopt.",
            questions=[
                {"id": "z1", "text": "Iemand zegt iets gemeens over een groep. Wat helpt?", "options": ["Meelachen", "Vragen wat er echt aan de hand is"], "correct": 1},
                {"id": "z2", "text": "Je bent het ergens niet mee eens. Wat doe je?", "options": ["Rustig zeggen wat je denkt", "Weglopen en niets zeggen"], "correct": 0},
                {"id": "z3", "text": "Een filmpje online klinkt heel zeker. Wat doe je?", "options": ["Meteen doorsturen", "Eerst nagaan of het klopt"], "correct": 1},
            ],
        ),
    ),
]


def load(stdout):
    for slug, title, content in DEMO:
        if H5PActivity.objects.filter(slug=slug).exists():
            continue
        data = build_package(title=title, content=content, translated=True)  # plays in the carer's language
        package = import_package(io.BytesIO(data), filename=f"{slug}.h5p", title=title, slug=slug)
        stdout.write(f"H5P: {package.activity.title} ({slug})\n")


def summary():
    return [f"H5P-activiteiten: {H5PActivity.objects.count()} (o.a. demo-reflectie, demo-zelfcheck)"]
