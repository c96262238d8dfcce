"""A small programme tree for the lessons tests (never the whole demo), from the suite's one
page-tree builder (``tests/pages.py``). The lessons are created out of number order (2, 1, 3)
so listings are seen to sort by number, not by tree position; lesson 1 links module 1."""

import pytest

from tests.pages import programme_tree


@pytest.fixture
def tree(db):
    return programme_tree(
        lessons=[(n, f"Les nummer {n}") for n in (2, 1, 3)],
        modules=[(1, "Een positieve blik"), (2, "Samen sterker")],
        home_module_of={1: 0},
    )
