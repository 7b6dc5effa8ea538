"""Perspectives outside US politics (review 11): national agencies, regulators, militaries and
UN bodies from the gazetteer; parties of parliamentary democracies; a country's UN ambassador;
a fronted capital ('In Moscow, …'); descriptions that point back to a body named just before;
and the rule that a speaker's side never comes from what their own claim says. All sentences
are made up."""

from __future__ import annotations

import pytest

from tests.perspective_case import run_perspectives as _run

# ------------------------------------------------------------------ gazetteer bodies


@pytest.mark.parametrize(("text", "anchor", "speaker", "mention", "role", "expected"), [
    ("CDC Director Ann Roe said the vaccine was safe.", "the vaccine was safe",
     "Ann Roe", "CDC Director Ann Roe", "CDC Director", "united-states"),
    ("Austria's markets fell. Germany's financial regulator BaFin said it had opened a probe.",
     "it had opened a probe", "Germany's financial regulator BaFin",
     "Germany's financial regulator BaFin", None, "germany"),
    ("Aid was short, according to the International Organization for Migration.",
     "Aid was short", "the International Organization for Migration",
     "the International Organization for Migration", None, "united-nations"),
    ("The National Prosecuting Authority said it had many witnesses.", "it had many witnesses",
     "The National Prosecuting Authority", "The National Prosecuting Authority", None,
     "south-africa"),
    ("In a statement, the ISPR said the posts were hit.", "the posts were hit",
     "ISPR", "the ISPR", None, "pakistan"),
    ("Hamas said the strike was a massacre.", "the strike was a massacre",
     "Hamas", "Hamas", None, "hamas"),
    ("The Hamas-run health ministry said 20 people were killed.", "20 people were killed",
     "the Hamas-run health ministry", "The Hamas-run health ministry", None, "hamas"),
    ("UNHCR said the camps were full.", "the camps were full", "UNHCR", "UNHCR", None,
     "united-nations"),
    ("The Bank of England said rates would hold.", "rates would hold",
     "The Bank of England", "The Bank of England", None, "united-kingdom"),
])
def test_national_agencies_and_international_bodies(text: str, anchor: str, speaker: str,
                                                    mention: str, role: str | None,
                                                    expected: str) -> None:
    got = _run(text, (anchor, speaker, mention, role))[speaker]
    assert got.perspective == expected, got.perspective_reason


def test_an_acronym_spells_a_body_the_document_names() -> None:
    text = ("JOHANNESBURG — The National Prosecuting Authority said it had many witnesses. "
            "NPA spokesperson Ann Dube told the radio that the case was strong.")
    got = _run(text, ("it had many witnesses", "The National Prosecuting Authority",
                      "The National Prosecuting Authority", None),
               ("the case was strong", "Ann Dube", "NPA spokesperson Ann Dube", "NPA spokesperson"))
    assert got["Ann Dube"].perspective == "south-africa", got["Ann Dube"].perspective_reason


# ------------------------------------------------------------------ earlier mentions


def test_descriptions_point_back_to_the_body_named_before() -> None:
    text = ("The Indian Army said the posts were shelled. \"We replied,\" an army spokesman in "
            "Jammu said. The Israel Defense Forces said it struck a depot. The military said "
            "civilians were warned.")
    got = _run(text, ("the posts were shelled", "Indian Army", "The Indian Army", None),
               ("We replied", "an army spokesman in Jammu", "an army spokesman in Jammu", None),
               ("it struck a depot", "The Israel Defense Forces", "The Israel Defense Forces", None),
               ("civilians were warned", "the military", "The military", None))
    assert got["an army spokesman in Jammu"].perspective == "india"
    assert got["the military"].perspective == "israel"
    assert "points back" in (got["the military"].perspective_reason or "")


def test_a_description_with_no_body_before_stays_unknown() -> None:
    text = "A farmer said the rain came late. The spokesman said nothing had changed."
    got = _run(text, ("the rain came late", "Tom Ode", "A farmer", "A farmer"),
               ("nothing had changed", "the spokesman", "The spokesman", None))
    assert got["the spokesman"].perspective is None


# ------------------------------------------------------------------ parties


UK = ("LONDON — Labour's deputy leader Ann Hale said the government was rotten. Sir Tom Reed, "
      "the Conservative MP for Dunmore, told the BBC the affair looked bad. Business Secretary "
      "Kay Moss said the firm offered the best value. Liberal Democrat leader Sir Ed Vane said "
      "the public deserved answers. A conservative commentator, Joe Pike, said it was fine.")


def test_uk_parties_and_a_cabinet_secretary() -> None:
    got = _run(UK, ("the government was rotten", "Ann Hale", "Labour's deputy leader Ann Hale",
                    "Labour's deputy leader"),
               ("the affair looked bad", "Sir Tom Reed", "Sir Tom Reed",
                "the Conservative MP for Dunmore"),
               ("the firm offered the best value", "Kay Moss", "Business Secretary Kay Moss",
                "Business Secretary"),
               ("the public deserved answers", "Sir Ed Vane", "Liberal Democrat leader Sir Ed Vane",
                "Liberal Democrat leader"),
               ("it was fine", "Joe Pike", "Joe Pike", "A conservative commentator"))
    assert got["Ann Hale"].perspective == "labour-party"
    assert got["Sir Tom Reed"].perspective == "conservative-party"
    assert got["Kay Moss"].perspective == "united-kingdom"
    assert got["Sir Ed Vane"].perspective == "liberal-democrats"
    assert got["Joe Pike"].perspective not in {"conservative-party", "conservative-party-of-canada"}


@pytest.mark.parametrize(("text", "anchor", "speaker", "mention", "role", "expected"), [
    # an adjective, not a party, in any case
    ("LONDON — Conservative commentators said the plan was weak.", "the plan was weak",
     "Conservative commentators", "Conservative commentators", None, None),
    # a name other countries' parties share needs documents about the country
    ("WASHINGTON — Conservative leaders in Congress said the bill was dead.", "the bill was dead",
     "Conservative leaders in Congress", "Conservative leaders in Congress", None,
     "united-states-congress"),
    ("OTTAWA — Conservative leader Ann Roy said the budget failed Canadians.",
     "the budget failed Canadians", "Ann Roy", "Conservative leader Ann Roy",
     "Conservative leader", "conservative-party-of-canada"),
    ("NEW DELHI — BJP spokesman Raj Mehta said the vote was fair.", "the vote was fair",
     "Raj Mehta", "BJP spokesman Raj Mehta", "BJP spokesman", "bjp"),
    ("BERLIN — SPD leader Lars Klein said the coalition would hold.", "the coalition would hold",
     "Lars Klein", "SPD leader Lars Klein", "SPD leader", "spd"),
    # a party's minister speaks for the government
    ("LONDON — Labour Health Secretary Ann Cole said waiting lists were falling.",
     "waiting lists were falling", "Ann Cole", "Labour Health Secretary Ann Cole",
     "Labour Health Secretary", "united-kingdom"),
    # another country's labour ministry is no party
    ("NEW DELHI — India's Labour Ministry said wages rose.", "wages rose",
     "India's Labour Ministry", "India's Labour Ministry", None, "india"),
])
def test_party_names_need_a_party_role_and_a_country(text: str, anchor: str, speaker: str,
                                                     mention: str, role: str | None,
                                                     expected: str | None) -> None:
    got = _run(text, (anchor, speaker, mention, role))[speaker]
    if expected is None:
        assert got.perspective is None or "party" not in got.perspective, got.perspective_reason
    else:
        assert got.perspective == expected, got.perspective_reason


# ------------------------------------------------------------------ UN ambassadors, content


def test_a_countrys_un_ambassador_speaks_for_the_country_not_the_quote() -> None:
    text = ("\"This is a shameful veto,\" Britain's U.N. Ambassador Ann West said. \"Russia has "
            "chosen to block the council.\" Russia's deputy U.N. ambassador, Ivan Petrov, said "
            "the draft was biased. U.N. envoy Karl Berg said talks would resume.")
    got = _run(text, ("Russia has chosen to block the council", "Ann West",
                      "Britain's U.N. Ambassador Ann West", "Britain's U.N. Ambassador"),
               ("the draft was biased", "Ivan Petrov", "Ivan Petrov",
                "Russia's deputy U.N. ambassador"),
               ("talks would resume", "Karl Berg", "U.N. envoy Karl Berg", "U.N. envoy"))
    assert got["Ann West"].perspective == "united-kingdom"
    assert got["Ivan Petrov"].perspective == "russia"
    assert got["Karl Berg"].perspective == "united-nations"


def test_a_country_named_in_the_claim_is_not_the_speakers() -> None:
    text = "The foreign minister said Pakistan would not comment on the report."
    got = _run(text, ("Pakistan would not comment on the report", "the foreign minister",
                      "The foreign minister", None))
    assert got["the foreign minister"].perspective is None


def test_i_think_makes_no_one_an_analyst() -> None:
    text = "\"I think my father is rethinking this,\" said Sam Hale, who joined the march."
    got = _run(text, ("I think my father is rethinking this", "Sam Hale", "Sam Hale", None))
    assert got["Sam Hale"].perspective != "analysts"


# ------------------------------------------------------------------ places


def test_a_fronted_capital_is_where_the_minister_speaks_from() -> None:
    text = ("KYIV, Ukraine — Drones struck a plant near Kyiv. Ukraine's power grid in Kyiv and "
            "Kharkiv was hit. In Moscow, Foreign Minister Ivan Sokol said the strikes hit "
            "military sites.")
    got = _run(text, ("the strikes hit military sites", "Ivan Sokol",
                      "Foreign Minister Ivan Sokol", "Foreign Minister"))
    assert got["Ivan Sokol"].perspective == "russia", got["Ivan Sokol"].perspective_reason


def test_an_advocacy_group_in_the_capital_is_no_government() -> None:
    text = ("Tom Vale, executive vice president of the League to Save Pensions, an advocacy "
            "group in Washington, said the plan would hurt retirees.")
    got = _run(text, ("the plan would hurt retirees", "Tom Vale", "Tom Vale",
                      "executive vice president of the League to Save Pensions, an advocacy "
                      "group in Washington"))
    assert got["Tom Vale"].perspective is None, got["Tom Vale"].perspective_reason


# ------------------------------------------------------------------ people, US stories


def test_the_dated_list_of_office_holders_decides_only_when_the_text_does_not() -> None:
    text = ("Secretary-General Antonio Guterres is disappointed, his spokesman Stephane Dujarric "
            "told reporters. Recep Tayyip Erdoğan said Türkiye was ready to mediate. Jan Kowal "
            "said the talks would fail.")
    got = _run(text, ("Secretary-General Antonio Guterres is disappointed", "Stephane Dujarric",
                      "his spokesman Stephane Dujarric", "his spokesman"),
               ("Türkiye was ready to mediate", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", None),
               ("the talks would fail", "Jan Kowal", "Jan Kowal", None))
    assert got["Stephane Dujarric"].perspective == "united-nations"
    assert "as of 2025" in (got["Stephane Dujarric"].perspective_reason or "")
    assert got["Recep Tayyip Erdoğan"].perspective == "turkey"
    assert got["Jan Kowal"].perspective is None


def test_people_who_share_a_surname_are_read_by_their_first_name() -> None:
    text = ("The feud pits Gov. Ed Hale, a former congressman, against Tom Hale, 31, an organizer "
            "for the Ohio State Employees Union. \"I think my dad is wrong,\" Tom Hale said. "
            "\"We will see,\" Gov. Ed Hale said.")
    got = _run(text, ("I think my dad is wrong", "Tom Hale", "Tom Hale", None),
               ("We will see", "Ed Hale", "Gov. Ed Hale", "Gov."))
    assert got["Tom Hale"].perspective == "unions", got["Tom Hale"].perspective_reason


def test_a_governor_named_with_his_states_lawmakers() -> None:
    text = ("Indiana lawmakers and Gov. Mike Dunn vowed to clarify the law. \"We will fix it,\" "
            "Dunn said.")
    got = _run(text, ("We will fix it", "Mike Dunn", "Dunn", None))
    assert got["Mike Dunn"].perspective == "united-states-indiana", got["Mike Dunn"].perspective_reason


def test_a_us_citys_mayor_and_a_companys_spokesman() -> None:
    text = ("Little Rock's mayor urged a veto. A spokesman for American Media Inc. said the story "
            "was false. A spokesman said the firm would appeal.")
    got = _run(text, ("urged a veto", "Little Rock's mayor", "Little Rock's mayor", None),
               ("the story was false", "a spokesman for American Media Inc.",
                "A spokesman for American Media Inc.", None),
               ("the firm would appeal", "a spokesman", "A spokesman", None))
    assert got["Little Rock's mayor"].perspective == "united-states"
    assert got["a spokesman for American Media Inc."].perspective is None
    assert got["a spokesman"].perspective is None


def test_party_roles_in_any_case_and_a_party_president() -> None:
    text = ("NEW DELHI — Congress president Ravi Kher said the farmers were betrayed. LONDON is far. "
            "India's Labour Ministry said wages rose. Prosecutors said the case was strong.")
    got = _run(text, ("the farmers were betrayed", "Ravi Kher", "Congress president Ravi Kher",
                      "Congress president"),
               ("the case was strong", "Prosecutors", "Prosecutors", None))
    assert got["Ravi Kher"].perspective == "indian-national-congress", got["Ravi Kher"].perspective_reason
    assert got["Prosecutors"].perspective == "india"


def test_a_former_minister_introduced_with_lower_case_words() -> None:
    text = ("JOHANNESBURG — The trial of former transport minister Sibu Dlamini opened. \"I am "
            "innocent,\" Dlamini said.")
    got = _run(text, ("I am innocent", "Dlamini", "Dlamini", None))
    assert got["Dlamini"].perspective != "south-africa", got["Dlamini"].perspective_reason



def test_labour_outside_britain_is_no_uk_party() -> None:
    text = ("ABUJA, Nigeria — Nigeria Labour Congress president Joe Ajaero said workers would "
            "strike. Labour union leaders said the minimum wage was too low.")
    out = _run(text, ("workers would strike", "Joe Ajaero",
                      "Nigeria Labour Congress president Joe Ajaero",
                      "Nigeria Labour Congress president"),
               ("the minimum wage", "Labour union leaders", "Labour union leaders", None))
    assert out["Joe Ajaero"].perspective != "labour-party"
    assert out["Labour union leaders"].perspective != "labour-party"
