"""A small programme tree for the lessons tests (never the whole demo)."""

import pytest

from . import factories as f


@pytest.fixture
def tree(db):
    home = f.site_home()
    klas = f.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = f.programme(home, "thuis", "thuis", "Thuismodules")
    cursus = f.programme(home, "cursus", "cursus", "Cursus voor leerkrachten")
    module1 = f.home_module(thuis, 1, "Een positieve blik")
    module2 = f.home_module(thuis, 2, "Samen sterker")
    lessons = [f.class_lesson(klas, n, f"Les nummer {n}", home_module=module1 if n == 1 else None) for n in (2, 1, 3)]
    courses = [f.course_module(cursus, n) for n in (1, 2)]
    return {
        "home": home, "klas": klas, "thuis": thuis, "cursus": cursus,
        "lessons": sorted(lessons, key=lambda p: p.number), "modules": [module1, module2], "courses": courses,
    }
