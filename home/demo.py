"""Demo content of the kernel: the Dutch home page, its English translation, the statements and
the footer text."""

import datetime

from wagtail.models import Locale, Page, Site

from .demo_tools import SAMPLE_NOTE_EN, SAMPLE_NOTE_NL, publish_child, publish_translation
from .models import HomePage, StandardPage

PRIVACY_NL = [
    ("heading", "Welke gegevens wij verwerken"),
    ("paragraph", "<p>Van leerkrachten en coördinatoren bewaren we naam en werk-e-mailadres, omdat zij een account hebben. "
     "Van leerlingen bewaren we <b>geen</b> persoonsgegevens: een groep is voor ons alleen een naam, de leerjaren en het aantal leerlingen.</p>"),
    ("paragraph", "<p>Ouders en verzorgers blijven anoniem. Zij gebruiken een code van de groep van hun kind; "
     "we tellen alleen hoeveel huishoudens een thuismodule zijn begonnen. We vragen nooit om een naam of e-mailadres.</p>"),
    ("heading", "Hoe lang wij gegevens bewaren"),
    ("paragraph", "<p>Vrije tekst in feedback kan persoonlijke informatie bevatten. Die tekst bewaren we maximaal één schooljaar na afloop; daarna wordt hij verwijderd. "
     "Overzichten met minder dan vijf antwoorden van ouders tonen we niet, zodat niemand herkenbaar is.</p>"),
    ("heading", "Uw rechten"),
    ("paragraph", "<p>U kunt ons vragen welke gegevens we van u hebben, en die laten verbeteren of verwijderen. Neem daarvoor contact op met de coördinator van uw gemeente.</p>"),
]

ACCESSIBILITY_NL = [
    ("paragraph", "<p>Wij willen dat iedereen deze site kan gebruiken, ook met een schermlezer, alleen een toetsenbord of een vergroot scherm. "
     "De site is gebouwd volgens de richtlijnen WCAG 2.2 op niveau AA (de norm EN 301 549 vraagt WCAG 2.1 AA).</p>"),
    ("heading", "Wat we doen"),
    ("paragraph", "<ul><li>Elke pagina heeft een duidelijke kopstructuur en een link om direct naar de inhoud te gaan.</li>"
     "<li>Alles werkt met het toetsenbord, met een zichtbare focus.</li>"
     "<li>Afbeeldingen hebben een tekstalternatief; video's hebben ondertiteling of een uitgeschreven tekst.</li>"
     "<li>Bij elke wijziging controleren geautomatiseerde tests de pagina's op toegankelijkheid.</li></ul>"),
    ("heading", "Bekende beperkingen"),
    ("paragraph", "<p>Sommige interactieve H5P-oefeningen zijn door anderen gemaakt. Niet elke oefening werkt even goed met een schermlezer; bij elke oefening staat de lesinhoud ook als gewone tekst.</p>"),
    ("heading", "Contact"),
    ("paragraph", "<p>Loopt u tegen een probleem aan? Laat het de coördinator van uw gemeente weten; we reageren binnen vijf werkdagen.</p>"),
]


def _stream(items):
    return [(kind, value) for kind, value in items]


def _footer_texts(site):
    """The footer line (an editable site setting) in every language the catalogue translates it to."""
    from django.conf import settings
    from django.utils import translation

    from .models import DEFAULT_FOOTER_TEXT, FooterSettings, FooterText

    footer = FooterSettings.for_site(site)
    with translation.override(settings.LANGUAGE_CODE):
        dutch = str(DEFAULT_FOOTER_TEXT)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            text = str(DEFAULT_FOOTER_TEXT)
        if code == settings.LANGUAGE_CODE or text != dutch:  # an untranslated language shows the Dutch row anyway
            FooterText.objects.update_or_create(setting=footer, language=code, defaults={"text": text})


def load(stdout):
    root = Page.get_first_root_node()
    nl = Locale.objects.get(language_code="nl")
    home = HomePage(
        title="Veerkrachtig op school en thuis",
        slug="home-nl",
        locale=nl,
        intro="BOUNCE online helpt basisscholen om kinderen in groep 7 en 8 sterker te maken: "
        "in de klas met lessen, thuis met korte modules voor ouders en verzorgers. " + SAMPLE_NOTE_NL,
        teachers_title="Voor leerkrachten",
        teachers_text="<p>Tien lessen over talenten, sterk staan, gevoelens en samenleven, klaar om te geven op het digibord. "
        "Houd bij welke lessen u gaf en laat weten hoe het ging.</p>",
        carers_title="Voor ouders en verzorgers",
        carers_text="<p>Korte thuismodules van tien tot vijftien minuten, op uw telefoon. U hebt alleen de code van de groep van uw kind nodig. "
        "We vragen nooit uw naam.</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    # Point the default site at the new home page and remove Wagtail's welcome page.
    welcome = Page.objects.filter(depth=2, content_type__app_label="wagtailcore").first()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "BOUNCE online"
    site.save()
    if welcome:
        welcome.delete()
    _footer_texts(site)

    reviewed = datetime.date(2026, 11, 1)
    privacy = publish_child(home, StandardPage(
        title="Privacyverklaring", slug="privacy", intro="Zo gaan wij om met gegevens. " + SAMPLE_NOTE_NL,
        body=_stream(PRIVACY_NL), last_reviewed=reviewed, show_in_footer=True,
    ))
    accessibility = publish_child(home, StandardPage(
        title="Toegankelijkheidsverklaring", slug="toegankelijkheid", intro="Hoe toegankelijk deze site is. " + SAMPLE_NOTE_NL,
        body=_stream(ACCESSIBILITY_NL), last_reviewed=reviewed, show_in_footer=True,
    ))

    home_en = publish_translation(
        home, "en", title="Resilient at school and at home", slug="home-en",
        intro="BOUNCE online helps primary schools make children in groep 7 and 8 stronger: lessons in class, "
        "short modules at home for parents and carers. " + SAMPLE_NOTE_EN,
        teachers_title="For teachers",
        teachers_text="<p>Ten lessons on talents, standing strong, feelings and living together, ready for the whiteboard.</p>",
        carers_title="For parents and carers",
        carers_text="<p>Short modules of ten to fifteen minutes on your phone, with the code of your child's groep. We never ask your name.</p>",
    )
    publish_translation(
        privacy, "en", title="Privacy statement", slug="privacy",
        intro="How we handle data. " + SAMPLE_NOTE_EN,
        body=_stream([("paragraph", "<p>We store no personal data about pupils. Parents and carers stay anonymous; "
                       "teachers and coordinators have an account with name and work e-mail. Free-text feedback is deleted "
                       "after at most one school year.</p>")]),
    )
    publish_translation(
        accessibility, "en", title="Accessibility statement", slug="accessibility",
        intro="How accessible this site is. " + SAMPLE_NOTE_EN,
        body=_stream([("paragraph", "<p>This site is built to WCAG 2.2 level AA and is checked automatically on every change. "
                       "Report any problem to your municipality's coordinator.</p>")]),
    )
    return home, home_en
