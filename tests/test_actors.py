"""The actor dictionary (conflictwire.events.fields.actors)."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pytest

from conflictwire.events.fields import actors as actors_module
from conflictwire.events.fields.actors import ENV_VAR, ActorDictionary, get_actor_dictionary

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return get_actor_dictionary()


def _names(d: ActorDictionary, text: str, country: str | None) -> list[tuple[str, str, int]]:
    return [(m.text, m.actor.name, m.actor.inter) for m in d.find_actors(text, country=country)]


def test_state_forces_are_external_abroad_and_state_at_home(actors: ActorDictionary) -> None:
    found = _names(actors, "Russian forces shelled Ukrainian positions near Bakhmut.", "Ukraine")
    assert found == [
        ("Russian forces", "Military Forces of Russia", 8),
        ("Ukrainian positions", "Military Forces of Ukraine", 1),
    ]
    home = actors.match("Russian troops", country="Russia")
    assert home is not None and home.inter == 1


@pytest.mark.parametrize(
    ("phrase", "country", "name", "inter"),
    [
        ("the Russian military", "Ukraine", "Military Forces of Russia", 8),
        ("Belarusian rockets", "Ukraine", "Military Forces of Belarus", 8),
        ("SNA", "Somalia", "Military Forces of Somalia", 1),
        ("government security forces", "Somalia", "Military Forces of Somalia", 1),
        ("police officers", "Somalia", "Police Forces of Somalia", 1),
        ("Puntland Maritime Police Force", "Somalia", "Police Forces of Somalia", 1),
        ("al-Shabab fighters", "Somalia", "Al Shabaab", 2),
        ("ISIS militants", "Somalia", "Islamic State Somalia Province", 2),
        ("US forces", "Somalia", "Military Forces of the United States", 8),
        (
            "AUSSOM UPDF troops",
            "Somalia",
            "AUSSOM: Africa Union Support and Stabilisation Mission in Somalia",
            8,
        ),
        ("gunmen", "Somalia", "Unidentified Armed Group (Somalia)", 3),
        ("unidentified clan militia", "Somalia", "Unidentified Clan Militia (Somalia)", 4),
        ("civilians", "Ukraine", "Civilians (Ukraine)", 7),
        ("a woman", "Ukraine", "Civilians (Ukraine)", 7),
        ("demonstrators", "Somalia", "Protesters (Somalia)", 6),
        ("rioters", "Ukraine", "Rioters (Ukraine)", 5),
    ],
)
def test_surface_forms(
    actors: ActorDictionary, phrase: str, country: str, name: str, inter: int
) -> None:
    actor = actors.match(phrase, country=country)
    assert actor is not None
    assert (actor.name, actor.inter) == (name, inter)


def test_lowercase_us_is_not_the_united_states(actors: ActorDictionary) -> None:
    assert all("United States" not in n for _, n, _ in _names(actors, "Tell us forces moved", None))


def test_a_place_is_not_an_actor(actors: ActorDictionary) -> None:
    found = _names(actors, "Drones struck a depot in Russia; Russia launched 48 missiles.", None)
    assert [t for t, _, _ in found] == ["Russia"]
    assert actors.find_actors("Russia launched 48 missiles", country="Ukraine")[0].start == 0


def test_clan_militias_get_their_lineage(actors: ActorDictionary) -> None:
    text = "Habar Gedir Sacad and Leelkase clan militias clashed over grazing land."
    names = [n for _, n, _ in _names(actors, text, "Somalia")]
    assert names == [
        "Hawiye-Habar Gedir-Sacad Sub-Clan Militia (Somalia)",
        "Darod-Leelkayse Sub-Clan Militia (Somalia)",
    ]
    elders = actors.match("Abgal clan elders", country="Somalia")
    assert elders is not None and elders.name == "Hawiye-Abgal Sub-Clan Group (Somalia)"
    assert elders.inter == 4


def test_mentions_do_not_overlap_and_quote_the_text(actors: ActorDictionary) -> None:
    text = "Al Shabaab ambushed AUSSOM ENDF troops and government soldiers near Baidoa."
    found = actors.find_actors(text, country="Somalia")
    assert next(m.actor.name for m in found) == "Al Shabaab"
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text for m in found)


def test_unknown_country_gives_unparenthesized_groups(actors: ActorDictionary) -> None:
    actor = actors.match("civilians", country=None)
    assert actor is not None and actor.name == "Civilians"


def test_user_file_extends_and_bad_rows_are_named(caplog: pytest.LogCaptureFixture) -> None:
    path = FIXTURES / "actors_user.tsv"
    actors_module._dictionary.cache_clear()  # load afresh so the warnings are emitted here
    with caplog.at_level(logging.WARNING):
        d = get_actor_dictionary(str(path))
    actor = d.match("the Example Brigade", country="Iraq")
    assert actor is not None and (actor.name, actor.inter) == ("Kataib Example Brigade", 3)
    zsu = d.match("ZSU units", country="Ukraine")
    assert zsu is not None and zsu.name == "Military Forces of Ukraine"
    warnings = " ".join(r.getMessage() for r in caplog.records)
    assert "actors_user.tsv:5" in warnings  # too few columns
    assert "actors_user.tsv:6" in warnings  # no name, inter not a number
    assert "actors_user.tsv:7" in warnings  # inter 11
    assert d.match("bad inter", country="Iraq") is None


def test_environment_variable_names_the_user_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(FIXTURES / "actors_user.tsv"))
    d = get_actor_dictionary()
    assert d.match("Kataib Example", country="Iraq") is not None
    monkeypatch.delenv(ENV_VAR)
    assert get_actor_dictionary().match("Kataib Example", country="Iraq") is None


def test_json_user_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        '{"actors": [{"name": "Harbour Guard", "inter": 3, "country": "Somalia",'
        ' "kind": "militia", "patterns": ["harbour guards?"]},'
        ' {"name": "", "inter": 3, "patterns": ["x"]}]}',
        encoding="utf-8",
    )
    d = get_actor_dictionary(str(path))
    actor = d.match("the harbour guards", country="Somalia")
    assert actor is not None and actor.name == "Harbour Guard"


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        (
            "an Afghan and coalition security force killed",
            "Afghanistan",
            "Military Forces of Afghanistan",
        ),
        ("an Afghan-led force detained", "Afghanistan", "Military Forces of Afghanistan"),
        ("the security force arrested", "Afghanistan", "Military Forces of Afghanistan"),
        ("Ukrainian sappers defused mines", "Ukraine", "Military Forces of Ukraine"),
        ("emergency service specialists defused a shell", "Ukraine", "Police Forces of Ukraine"),
        ("Kiev forces shelled the town", "Ukraine", "Military Forces of Ukraine"),
    ],
)
def test_forces_named_by_their_role(
    actors: ActorDictionary, text: str, country: str, name: str
) -> None:
    assert [n for _, n, _ in _names(actors, text, country)][:1] == [name]
