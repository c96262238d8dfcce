"""Identity: the palette in static/css/tokens.css meets WCAG 2.2 AA contrast for every
text/background pair the stylesheets use, the logo and icons are SVG made in code, and the
favicon is linked from every page."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "static"

# (text token, background token): the pairs the stylesheets put together.
PAIRS = [
    ("text", "background"), ("text-muted", "background"), ("text-muted", "surface"), ("text", "surface"),
    ("primary", "background"), ("primary", "surface"), ("primary", "surface-brand"), ("primary-strong", "background"),
    ("on-primary", "primary"), ("on-primary", "primary-strong"), ("text", "accent"), ("text", "accent-surface"),
    ("error", "error-surface"), ("error", "background"), ("success", "success-surface"), ("success", "background"),
    ("text", "surface-brand"), ("text-muted", "surface-brand"),
]


def tokens():
    css = (STATIC / "css" / "tokens.css").read_text()
    raw = dict(re.findall(r"--bounce-color-([\w-]+):\s*([^;]+);", css))

    def resolve(name):
        value = raw[name].strip()
        ref = re.fullmatch(r"var\(--bounce-color-([\w-]+)\)", value)
        return resolve(ref.group(1)) if ref else value

    return {name: resolve(name) for name in raw}


def luminance(hex_colour):
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-failing grey


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_palette_pairs_meet_aa_contrast(text, background):
    palette = tokens()
    ratio = contrast(palette[text], palette[background])
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"


def test_stylesheets_take_colours_from_the_tokens():
    site = (STATIC / "css" / "site.css").read_text()
    assert '@import url("tokens.css")' in site
    assert "--colour-primary: var(--bounce-color-primary)" in site


@pytest.mark.parametrize("path", ["img/logo.svg", "img/favicon.svg", *(f"img/modules/module-{n}.svg" for n in range(1, 6))])
def test_identity_images_are_svg_text(path):
    text = (STATIC / path).read_text()
    assert text.lstrip().startswith("<svg") and "<script" not in text


@pytest.mark.django_db
def test_every_page_links_the_favicon(client):
    from tests.lessons import factories as lf

    lf.site_home()
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon" in html
