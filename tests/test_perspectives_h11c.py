"""Perspectives found missing or wrong by held-out probe 11c: national agencies and officials of
non-US countries in stories clearly about them (a fire service, an electoral commission, a
security secretary, a state governor), US senators and agencies in US stories, labour unions by
name and description, outlets that must match a whole name, the addressee of a statement, the
German Greens and Nigeria's parties, a demonym right before an anonymous group, 'a spokesperson
for the premier', 'who heads <think tank>'. All sentences are made up."""

from __future__ import annotations

from core.gazetteer import gazetteer
from tests.perspective_case import run_perspectives as _run


def _one(text: str, anchor: str, speaker: str, mention: str, role: str | None = None) -> str | None:
    return _run(text, (anchor, speaker, mention, role))[speaker].perspective


# ------------------------------------------------------------------ non-US agencies and officials

def test_australian_fire_service_and_its_commissioner() -> None:
    text = ("PERTH — The Rural Fire Service said the blaze had doubled in size. Jo Marsh, the RFS "
            "commissioner, warned that winds would pick up in Perth and Adelaide.")
    got = _run(text, ("the blaze had doubled", "Rural Fire Service", "The Rural Fire Service", None),
               ("winds would pick up", "Jo Marsh", "Jo Marsh", "the RFS commissioner"))
    assert got["Rural Fire Service"].perspective == "australia"
    assert got["Jo Marsh"].perspective == "australia"


def test_electoral_commission_is_no_newspaper() -> None:
    text = ("ABUJA — The Independent National Electoral Commission said the count in Lagos and "
            "Kano had been transparent.")
    assert _one(text, "the count in", "Independent National Electoral Commission",
                "The Independent National Electoral Commission") == "nigeria"


def test_the_independent_alone_is_still_the_newspaper() -> None:
    scanned = gazetteer().scan("The Independent reported the vote. The Independent National "
                               "Electoral Commission said; an independent candidate said")
    assert [(h.entry.term, h.entry.category) for h in scanned] == [
        ("The Independent", "outlet"), ("Independent National Electoral Commission", "body")]


def test_security_secretary_in_a_mexican_story() -> None:
    text = ("MEXICO CITY — Security Secretary Pablo Ruiz said the suspect had been arrested in "
            "Culiacán. Mexico has extradited dozens of suspects this year, Mexican officials say.")
    assert _one(text, "the suspect had been", "Pablo Ruiz", "Security Secretary Pablo Ruiz",
                "Security Secretary") == "mexico"


def test_state_governor_in_a_mexican_story_is_mexico() -> None:
    text = ("Mexico's army sent troops to Sinaloa. Sinaloa's governor, Luis Mora, promised an "
            "inquiry. Mexico and Mexican prosecutors have faced criticism.")
    assert _one(text, "promised an inquiry", "Luis Mora", "Luis Mora", "Sinaloa's governor") == "mexico"


def test_governor_in_a_us_story_stays_for_the_state_rule() -> None:
    text = ("WASHINGTON — The governor, Ann Roe, said the budget was balanced. Congress in "
            "Washington and the United States Treasury disagreed.")
    assert _one(text, "the budget was", "Ann Roe", "Ann Roe", "The governor") is None


# ------------------------------------------------------------------ US stories

def test_senator_in_a_us_story_is_congress() -> None:
    text = ("WASHINGTON — Sen. Tom Hale said drug prices in the United States were too high. "
            "American patients pay more than anyone, he said in Washington.")
    assert _one(text, "drug prices", "Tom Hale", "Sen. Tom Hale", "Sen.") == "united-states-congress"


def test_clipped_fda_and_the_agency() -> None:
    text = ("WASHINGTON — The Food and Drug Administration warned patients against copies. The "
            "agency said it had received reports of harm across the United States.")
    got = _run(text, ("patients against", "Drug Administration", "Drug Administration", None),
               ("it had received", "the agency", "agency", None))
    assert got["Drug Administration"].perspective == "united-states"


def test_federal_investigators_in_a_us_story() -> None:
    text = ("CHICAGO — Federal investigators said the jet had lost power over Chicago. The crash "
            "was the worst in the United States in years, American officials said.")
    assert _one(text, "the jet had lost", "Federal investigators", "Federal investigators") \
        == "united-states"


def test_us_story_quoting_a_foreign_minister_keeps_his_country() -> None:
    text = ("WASHINGTON — Egypt's foreign minister, Sami Adel, said talks would resume. "
            "American and U.S. officials in Washington welcomed the news.")
    assert _one(text, "talks would resume", "Sami Adel", "Sami Adel",
                "Egypt's foreign minister") == "egypt"


# ------------------------------------------------------------------ unions

def test_pilots_association_and_the_unions_president() -> None:
    text = ("The Air Line Pilots Association said crews had raised concerns. Mia Ford, the "
            "union's president, said management had ignored them.")
    got = _run(text, ("crews had raised", "Air Line Pilots Association", "The Air Line Pilots Association", None),
               ("management had", "Mia Ford", "Mia Ford", "the union's president"))
    assert got["Air Line Pilots Association"].perspective == "unions"
    assert got["Mia Ford"].perspective == "unions"


def test_teachers_federation_and_the_federation() -> None:
    text = ("The Elementary Teachers' Federation of Ontario said cuts would hurt pupils. The "
            "federation said it would appeal.")
    got = _run(text, ("cuts would hurt", "Elementary Teachers' Federation of Ontario",
                      "The Elementary Teachers' Federation of Ontario", None),
               ("it would appeal", "the federation", "The federation", None))
    assert got["Elementary Teachers' Federation of Ontario"].perspective == "unions"
    assert got["the federation"].perspective == "unions"


def test_press_editors_union_is_a_union() -> None:
    text = "The National Union of Press Editors said two reporters had been threatened."
    assert _one(text, "two reporters", "National Union of Press Editors",
                "The National Union of Press Editors") == "unions"


def test_no_labour_union() -> None:
    # 'a union of states', the European Union, the Union of Concerned Scientists, an employers' association
    text = "The group described the bloc as a union of states, the delegate said."
    assert _one(text, "the bloc as", "the delegate", "the delegate", "a union of states") != "unions"
    assert _one("The European Union said the deal held.", "the deal", "European Union",
                "The European Union") == "european-union"
    assert _one("The Union of Concerned Scientists said the plant was unsafe.", "the plant",
                "Union of Concerned Scientists", "The Union of Concerned Scientists") != "unions"
    assert _one("The National Association of Manufacturers said tariffs hurt.", "tariffs",
                "National Association of Manufacturers",
                "The National Association of Manufacturers") != "unions"


# ------------------------------------------------------------------ press

def test_told_reporters_is_no_press() -> None:
    text = ("The European Union observation mission said the count was slow. Its chief observer, "
            "Tom Reid, told reporters the mission had seen vote-buying.")
    got = _run(text, ("the count was", "European Union observation mission",
                      "The European Union observation mission", None),
               ("the mission had seen", "Tom Reid", "Tom Reid", "Its chief observer"))
    assert got["Tom Reid"].perspective == "european-union"
    alone = _one("Tom Reid told reporters the count was slow.", "the count", "Tom Reid", "Tom Reid",
                 "Tom Reid, told reporters")
    assert alone is None


def test_a_reporter_is_still_press() -> None:
    assert _one("Ann Lee, a reporter for the paper, said she was threatened.", "she was", "Ann Lee",
                "Ann Lee", "a reporter for the paper") == "press"


# ------------------------------------------------------------------ parties

def test_german_greens_in_a_german_story() -> None:
    text = ("BERLIN — Greens co-leader Lena Voss accused the Free Democrats of playing games in "
            "Berlin. Germany's coalition is split, German officials say.")
    assert _one(text, "of playing games", "Lena Voss", "Greens co-leader Lena Voss",
                "Greens co-leader") == "greens-germany"


def test_greens_outside_germany_and_green_as_a_colour() -> None:
    text = ("SYDNEY — Greens co-leader Amy Hart said Sydney needed trains. Australia's "
            "government in Canberra disagreed.")
    assert _one(text, "Sydney needed", "Amy Hart", "Greens co-leader Amy Hart",
                "Greens co-leader") != "greens-germany"
    text = "BERLIN — The green party tent leader, Jan Ott, said the festival in Berlin was full."
    assert _one(text, "the festival", "Jan Ott", "Jan Ott", "The green party tent leader") \
        != "greens-germany"


def test_nigerian_parties() -> None:
    text = ("KANO — Musa Bello, the candidate of the New Nigeria Peoples Party, said his agents "
            "in Kano were chased. Nigeria's police in Abuja denied it.")
    assert _one(text, "his agents", "Musa Bello", "Musa Bello",
                "the candidate of the New Nigeria Peoples Party") == "nnpp-nigeria"
    text = ("KANO — An APC spokesman said the vote in Kano was fair. Nigeria's electoral "
            "officials in Abuja agreed.")
    assert _one(text, "the vote in", "An APC spokesman", "An APC spokesman") == "apc-nigeria"


# ------------------------------------------------------------------ descriptions

def test_demonym_before_an_anonymous_group() -> None:
    text = "Two Egyptian officials familiar with the talks said Cairo had proposed a pause."
    assert _one(text, "Cairo had", "officials familiar with the talks",
                "officials familiar with the talks") == "egypt"


def test_spokesperson_for_the_premier() -> None:
    text = ("SYDNEY — A spokesperson for the premier rejected the criticism, saying the burns "
            "were cancelled. Sydney and Melbourne residents were angry.")
    assert _one(text, "the burns were", "a spokesperson", "A spokesperson") == "australia"


def test_who_heads_a_think_tank() -> None:
    text = "Karl Brandt, who heads the Kiel Institute in Kiel, warned that growth would stall."
    assert _one(text, "growth would", "Karl Brandt", "Karl Brandt") == "analysts"


def test_sen_abbreviation_outside_a_us_story_stays_open() -> None:
    text = ("SYDNEY — Sen. Tom Hale said fire crews in Sydney needed help. Australia's "
            "government in Canberra agreed.")
    assert _one(text, "fire crews", "Tom Hale", "Sen. Tom Hale", "Sen.") is None
