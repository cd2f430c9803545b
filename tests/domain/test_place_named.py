"""A compound as a list or a family writes it, found among the registry's places
(`store.domain.rules.identifiers.place_named`, which intakes and inquiries both use)."""

from __future__ import annotations

from store.domain import Place, build
from store.domain.rules.identifiers import place_named


def _places() -> list[Place]:
    return [build(Place, {"name": "Golden Bay compound", "other_names": ["Bay 9"]}),
            build(Place, {"name": "Blue Lotus compound", "other_names": ["Lotus Park"]}),
            build(Place, {"name": "KK Park"}),
            build(Place, {"name": "Jinbei 4"}), build(Place, {"name": "Jinbei 4 complex"})]


def test_a_name_as_written_or_without_the_word_compound() -> None:
    places = _places()
    assert place_named("golden bay compound", places) is places[0]
    assert place_named("Golden  Bay", places) is places[0]  # the list leaves "compound" off
    assert place_named("Kompleks Golden Bay", places) is places[0]
    assert place_named("LOTUS PARK", places) is places[1]  # another of its names
    assert place_named("KK Park Compound", places) is places[2]


def test_nothing_when_none_or_several_are_meant() -> None:
    places = _places()
    assert place_named("", places) is None
    assert place_named("Golden", places) is None  # a part of a name is not the name
    assert place_named("Park", places) is None
    # "Jinbei 4" is one place's name exactly: that one; without the word, two would be meant.
    assert place_named("Jinbei 4", places) is places[3]
    assert place_named("Jinbei 4 compound", places) is None
