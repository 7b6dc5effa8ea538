"""Perspectives found missing or wrong by held-out probe 12 (fresh news: a fishing dispute, an EU
funding row, a deforestation report, an election audit, a shipyard strike, an Arctic grounding, an
extradition, an outbreak briefing, an antitrust fine, ceasefire talks). Every sentence here is made
up and none is from the probe."""

from __future__ import annotations

from core.gazetteer import gazetteer
from tests.perspective_case import run_perspectives as _run


def _one(text: str, anchor: str, speaker: str, mention: str, role: str | None = None) -> str | None:
    return _run(text, (anchor, speaker, mention, role))[speaker].perspective


# ------------------------------------------------------------------ listed non-governmental organisations

def test_well_known_ngos_are_perspectives_of_their_own() -> None:
    g = gazetteer()
    assert {"oxfam", "greenpeace", "international-rescue-committee", "transparency-international",
            "doctors-without-borders"} <= g.ngos
    text = "LIMA — Oxfam Peru said the mining law would hurt farmers in the Andes."
    assert _one(text, "the mining law", "Oxfam Peru", "Oxfam Peru") == "oxfam"
    text = "The Norwegian Refugee Council said 4,000 families had fled Goma."
    assert _one(text, "4,000 families", "Norwegian Refugee Council",
                "The Norwegian Refugee Council") == "norwegian-refugee-council"


def test_a_country_director_of_an_ngo_works_there_for_the_ngo() -> None:
    text = ("NAIROBI — Save the Children said schools in Turkana had closed. \"Children are going "
            "hungry,\" said Mary Otieno, the group's Kenya country director.")
    got = _run(text, ("schools in Turkana", "Save the Children", "Save the Children", None),
               ("Children are going hungry", "Mary Otieno", "Mary Otieno",
                "the group's Kenya country director"))
    assert got["Save the Children"].perspective == "save-the-children"
    assert got["Mary Otieno"].perspective == "save-the-children"


def test_the_group_stops_at_an_unlisted_body_in_between() -> None:
    # the nearest body is an unlisted lobby: "the group's president" is its officer, not Oxfam's
    text = ("Oxfam said the harvest had failed. The Grain Growers Council, a farm lobby group, said "
            "exports would fall. The group's president, Tomas Vidal, said prices would rise.")
    got = _run(text, ("the harvest had failed", "Oxfam", "Oxfam", None),
               ("exports would fall", "Grain Growers Council", "The Grain Growers Council",
                "a farm lobby group"),
               ("prices would rise", "Tomas Vidal", "Tomas Vidal", "The group's president"))
    assert got["Oxfam"].perspective == "oxfam"
    assert got["Tomas Vidal"].perspective is None


def test_its_coordinator_after_a_listed_ngo_whose_name_looks_like_a_person() -> None:
    text = ("Doctors Without Borders said its clinic in Maiduguri was full. Its field coordinator "
            "said staff had not slept for days.")
    got = _run(text, ("its clinic in", "Doctors Without Borders", "Doctors Without Borders", None),
               ("staff had not slept", "Its field coordinator", "Its field coordinator", None))
    assert got["Its field coordinator"].perspective == "doctors-without-borders"


# ------------------------------------------------------------------ back references

def test_its_foreign_ministry_is_the_country_that_spoke_last() -> None:
    text = ("Qatar's foreign ministry said the meeting would go ahead. Turkey, which hosts the "
            "talks, welcomed the plan. Its foreign ministry said Ankara supported every effort.")
    got = _run(text, ("the meeting would go ahead", "Qatar's foreign ministry",
                      "Qatar's foreign ministry", None),
               ("welcomed the plan", "Turkey", "Turkey", None),
               ("Ankara supported every effort", "Its foreign ministry", "Its foreign ministry", None))
    assert got["Qatar's foreign ministry"].perspective == "qatar"
    assert got["Its foreign ministry"].perspective == "turkey"


def test_a_role_without_its_article_points_back_to_the_agency() -> None:
    text = ("The Danish Maritime Authority said the ferry had been inspected. \"We found no "
            "damage,\" its deputy head said. Jens Holm, the authority's chief inspector, said the "
            "hull was sound.")
    got = _run(text, ("the ferry had been", "Danish Maritime Authority",
                      "The Danish Maritime Authority", None),
               ("the hull was sound", "Jens Holm", "Jens Holm", "authority's chief inspector"))
    assert got["Danish Maritime Authority"].perspective == "denmark"
    assert got["Jens Holm"].perspective == "denmark"


def test_the_agency_may_be_an_organization() -> None:
    text = ("The World Health Organization said the vaccine stock was low. Anna Berg, the agency's "
            "lead on cholera, said more doses would come in June.")
    got = _run(text, ("the vaccine stock", "World Health Organization",
                      "The World Health Organization", None),
               ("more doses would come", "Anna Berg", "Anna Berg", "the agency's lead on cholera"))
    assert got["Anna Berg"].perspective == "world-health-organization"


def test_the_head_of_the_unions_branch() -> None:
    text = ("The Korean Railway Workers' Union said the strike would go on. \"We will not back "
            "down,\" said Lee Min-ho, the head of the union's Daejeon branch.")
    got = _run(text, ("the strike would go on", "Korean Railway Workers' Union",
                      "The Korean Railway Workers' Union", None),
               ("We will not back down", "Lee Min-ho", "Lee Min-ho",
                "the head of the union's Daejeon branch"))
    assert got["Lee Min-ho"].perspective == "unions"


# ------------------------------------------------------------------ no think tank

def test_an_institute_described_as_a_nonprofit_is_no_think_tank() -> None:
    text = ("The Meridian Malaria Institute, a Boston-based nonprofit, said it had sent 10,000 bed "
            "nets to Malawi.")
    assert _one(text, "it had sent", "Meridian Malaria Institute",
                "The Meridian Malaria Institute", "a Boston-based nonprofit") is None
    text = ("The Harlow Institute, a research group that studies trade, said tariffs would cut "
            "growth.")
    assert _one(text, "tariffs would cut", "Harlow Institute", "The Harlow Institute",
                "a research group that studies trade") == "analysts"
