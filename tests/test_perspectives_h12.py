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


# ------------------------------------------------------------------ state agencies and offices

def test_a_states_agency_or_coast_guard_with_its_country_named() -> None:
    text = "Vietnam's fisheries agency said 12 boats had been detained near the Paracels."
    assert _one(text, "12 boats", "Vietnam's fisheries agency", "Vietnam's fisheries agency") == "vietnam"
    text = "The Philippine Coast Guard said a Chinese vessel had fired a water cannon."
    assert _one(text, "a Chinese vessel", "Philippine Coast Guard",
                "The Philippine Coast Guard") == "philippines"
    # an authority on a country is an expert, no state body
    text = "Lin Wei, a leading authority on Chinese trade policy, said the tariffs would stay."
    assert _one(text, "the tariffs would stay", "Lin Wei", "Lin Wei",
                "a leading authority on Chinese trade policy") != "china"
    # where an agency sits is not whose it is
    text = "Mara Voss, who runs a Paris-based modelling agency, said the show would go on."
    assert _one(text, "the show would go on", "Mara Voss", "Mara Voss",
                "who runs a Paris-based modelling agency") is None
    text = "Japan's Kyodo news agency said the talks had been postponed."
    assert _one(text, "the talks had been", "Kyodo news agency", "Japan's Kyodo news agency") == "press"


def test_a_ministry_for_an_adjective_and_affairs_is_a_state_body() -> None:
    text = "The ministry for Baltic affairs in Riga said the funds had been spent lawfully."
    assert _one(text, "the funds had been", "the ministry for Baltic affairs in Riga",
                "The ministry for Baltic affairs in Riga") == "latvia"


def test_presidential_office_and_official_take_the_storys_country() -> None:
    text = ("MANILA — Rice prices rose again in the Philippines. The presidential office said "
            "imports would be doubled. A senior presidential official said the stock was enough.")
    got = _run(text, ("imports would be doubled", "the presidential office", "The presidential office", None),
               ("the stock was enough", "a senior presidential official",
                "A senior presidential official", None))
    assert got["the presidential office"].perspective == "philippines"
    assert got["a senior presidential official"].perspective == "philippines"


def test_an_electoral_commission_defined_by_its_initials() -> None:
    text = ("LUSAKA — The Zambian vote count ended on Friday. The National Electoral and Voter "
            "Commission (NEVC) said turnout was 61%. NEVC chairwoman Ruth Banda said the count "
            "in Lusaka had been clean.")
    got = _run(text, ("turnout was 61%", "Voter Commission", "Voter Commission (NEVC)", None),
               ("the count in Lusaka", "Ruth Banda", "NEVC chairwoman Ruth Banda", "NEVC chairwoman"))
    assert got["Voter Commission"].perspective == "zambia"
    assert got["Ruth Banda"].perspective == "zambia"
    # what the commission files is no voice of it
    text = ("NEW YORK — Donations to the mayor rose in Brooklyn and Manhattan, a Daily Ledger "
            "review of Federal Election Commission filings showed.")
    assert _one(text, "Donations to the mayor", "a Daily Ledger review of Federal Election "
                "Commission filings", "a Daily Ledger review of Federal Election Commission "
                "filings") is None


def test_a_commissioner_in_a_story_about_the_eu() -> None:
    text = ("BRUSSELS — The European Commission opened a case against Poland's tax rules. "
            "Taxation Commissioner Ana Lind said the rules broke the single market.")
    assert _one(text, "the rules broke", "Ana Lind", "Taxation Commissioner Ana Lind",
                "Taxation Commissioner") == "european-union"
    # a UN or police commissioner is no member of the European Commission
    text = ("GENEVA — The European Union asked for a vote. High Commissioner Ana Lind said the "
            "camps were full.")
    assert _one(text, "the camps were full", "Ana Lind", "High Commissioner Ana Lind",
                "High Commissioner") != "european-union"
    # no EU in the story: a state's agriculture commissioner
    text = "AUSTIN — Agriculture Commissioner Ana Lind said the drought would cut the cotton crop."
    assert _one(text, "the drought would", "Ana Lind", "Agriculture Commissioner Ana Lind",
                "Agriculture Commissioner") is None


def test_a_government_role_takes_the_country_that_opens_the_sentence_before() -> None:
    text = ("Seoul and Tokyo traded accusations. Japan said the radar lock was hostile. Seoul "
            "denied it. Defence ministry spokesman Kim Dae-jin said the radar had not been aimed.")
    assert _one(text, "the radar had not", "Kim Dae-jin", "Defence ministry spokesman Kim Dae-jin",
                "Defence ministry spokesman") == "south-korea"
    # a cabinet title of a country whose ministers are secretaries, a paragraph later
    text = ("Kenya's interior ministry said 40 suspects had been sent to Uganda.\n\nForeign "
            "Affairs Secretary Jane Mwangi said Uganda had asked for them.")
    assert _one(text, "Uganda had asked", "Jane Mwangi", "Foreign Affairs Secretary Jane Mwangi",
                "Foreign Affairs Secretary") == "kenya"
    # two countries open the sentence: no telling
    text = ("Peru and Chile signed the accord. Mining minister Luis Roca said exports would rise.")
    assert _one(text, "exports would rise", "Luis Roca", "Mining minister Luis Roca",
                "Mining minister") is None


# ------------------------------------------------------------------ the opposition

def _labels(text: str) -> set[str]:
    from core.models import Document
    from core.pipeline import analyze_documents

    analysis = analyze_documents([Document(id="d", path="x.txt", text=text, sha256="x")])
    return {p.label for p in analysis.perspectives}


def test_a_countrys_opposition_is_a_side_of_its_own() -> None:
    text = ("HARARE — Zimbabwe's main opposition alliance said the poll had been rigged. "
            "Opposition leader Tendai Moyo said the results were fiction. Information Minister "
            "Grace Dube said the vote in Harare was fair.")
    got = _run(text, ("the poll had been rigged", "Zimbabwe's main opposition alliance",
                      "Zimbabwe's main opposition alliance", None),
               ("the results were", "Tendai Moyo", "Opposition leader Tendai Moyo", "Opposition leader"),
               ("the vote in Harare", "Grace Dube", "Information Minister Grace Dube",
                "Information Minister"))
    assert got["Zimbabwe's main opposition alliance"].perspective == "zimbabwe-opposition"
    assert got["Tendai Moyo"].perspective == "zimbabwe-opposition"
    assert got["Grace Dube"].perspective == "zimbabwe"
    assert "Zimbabwean opposition" in _labels(text)


def test_the_opposition_party_named_is_its_own_side() -> None:
    text = "LIMA — The opposition party Fuerza Nueva said the budget hid a deficit."
    assert _one(text, "the budget hid", "the opposition party Fuerza Nueva",
                "The opposition party Fuerza Nueva") == "party-fuerza-nueva"


def test_no_opposition_in_opposition_research_or_a_former_leader() -> None:
    text = "Dana Cole, who runs opposition research for the campaign, said the ad was fair."
    assert _one(text, "the ad was fair", "Dana Cole", "Dana Cole",
                "who runs opposition research for the campaign") is None
    text = "NAIROBI — Former opposition leader Paul Kimani said the count in Nairobi was slow."
    assert _one(text, "the count in", "Paul Kimani", "Former opposition leader Paul Kimani",
                "Former opposition leader") != "kenya-opposition"


# ------------------------------------------------------------------ armed groups

def test_an_armed_group_described_as_such_is_a_side_of_its_own() -> None:
    text = ("GOMA — Fighting resumed between the army and the rebel group Congo Liberation Front "
            "on Sunday. CLF spokesman Joseph Ilunga said the fighters had taken two villages. A "
            "commander of the Congo Liberation Front said they would hold them.")
    got = _run(text, ("the fighters had taken", "Joseph Ilunga", "CLF spokesman Joseph Ilunga",
                      "CLF spokesman"),
               ("they would hold them", "a commander of the Congo Liberation Front",
                "A commander of the Congo Liberation Front", None))
    assert got["Joseph Ilunga"].perspective == "armed-congo-liberation-front"
    assert got["a commander of the Congo Liberation Front"].perspective == "armed-congo-liberation-front"
    assert "Congo Liberation Front" in _labels(text)


def test_a_group_not_described_as_armed_stays_unknown() -> None:
    text = ("The Congo Liberation Front, a new party, said the vote should be delayed. CLF "
            "spokesman Joseph Ilunga said the lists were wrong.")
    got = _run(text, ("the lists were wrong", "Joseph Ilunga", "CLF spokesman Joseph Ilunga",
                      "CLF spokesman"))
    assert got["Joseph Ilunga"].perspective is None


# ------------------------------------------------------------------ guards found on PolNeAR train

def test_a_clause_after_a_name_is_no_apposition() -> None:
    text = ("To bar Mr. Grant from entry, Ocampo cited a memorandum issued by the Peruvian "
            "immigration agency. Grant said the ban was a stunt.")
    assert _one(text, "the ban was a stunt", "Grant", "Grant") is None


def test_a_capitalised_possessor_is_no_description() -> None:
    text = ("Senator Ruiz's office in Bogota said the bill was dead. Ruiz's office said the vote "
            "would wait.")
    got = _run(text, ("the bill was dead", "Senator Ruiz's office in Bogota",
                      "Senator Ruiz's office in Bogota", None),
               ("the vote would wait", "Ruiz's office", "Ruiz's office", "Ruiz's office"))
    assert got["Ruiz's office"].perspective is None


def test_the_company_is_no_ngo_named_before() -> None:
    text = ("Oxfam said the dam had displaced 3,000 families. The company said it had paid "
            "compensation. The charity's director, Ines Caro, said the payments were too small.")
    got = _run(text, ("the dam had displaced", "Oxfam", "Oxfam", None),
               ("it had paid compensation", "the company", "The company", None),
               ("the payments were too small", "Ines Caro", "Ines Caro", "The charity's director"))
    assert got["the company"].perspective is None
    assert got["Ines Caro"].perspective == "oxfam"
