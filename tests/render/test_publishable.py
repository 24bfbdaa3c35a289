"""Each defect a lawyer found in the library's own wording (issue "Publishable as is") stays fixed: read on the
rendered corrected examples in fi, sv and en, and on small statements."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from rekisterikit import Statement, load, loads
from rekisterikit.cli import main
from rekisterikit.laws import FINNISH_ACTS, cite_act, format_section
from rekisterikit.render import render

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "statements"
CORRECTED = sorted(p.stem for p in EXAMPLES.glob("*-corrected.toml"))
#: The corrected examples with Google and Meta: transfers on the DPF, Meta as joint controller, _ga and _fbp.
WITH_META = ["kalvokeskus-corrected", "monalisa-corrected"]


@cache
def _statement(name: str) -> Statement:
    return load(EXAMPLES / f"{name}.toml")


@cache
def _text(name: str, lang: str) -> str:
    return " ".join(str(render(_statement(name), locale=lang, format="text")).split())


@pytest.mark.parametrize("name", CORRECTED)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_false_13_2_e_sentence(name: str, lang: str) -> None:
    """1. Nothing says the customer is obliged by law, or that a contract requires data nobody is asked for."""
    banned = {"fi": ["Laki velvoittaa sinut antamaan", "Tiedot tarvitaan", "Tietoja vaaditaan sopimuksen"],
              "sv": ["Du är skyldig enligt lag att lämna uppgifterna", "Uppgifterna krävs enligt ett avtal"],
              "en": ["The law requires you to give the data", "The data is required by a contract"]}[lang]
    assert [] == [b for b in banned if b in _text(name, lang)]


def test_13_2_e_follows_the_article() -> None:
    """1. The wording is the article's: statutory requirement, precondition of a contract, not asked from you."""
    fi, sv, en = (_text("kalvokeskus-corrected", lang) for lang in ("fi", "sv", "en"))
    assert "Tietojen antaminen on edellytys sopimuksen tekemiselle kanssamme." in fi
    assert "Att lämna uppgifterna är ett krav som är nödvändigt för att ingå ett avtal med oss." in sv
    assert "We do not ask you for data for this purpose: it uses data you have already given" in en
    assert "If you do not provide the data: Server logs" not in en
    statutory = loads('[controller]\nname = "K"\n[[registers]]\nkey = "r"\nname = "R"\n[[registers.purposes]]\n'
                      'key = "p"\ndescription = "P"\nprovision = "statutory"\nprovision_obliged = true\n')
    text = str(render(statutory, locale="fi", format="text"))
    assert "lakisääteinen vaatimus" in text
    assert "Olet velvollinen antamaan tiedot." in text


@pytest.mark.parametrize("name", WITH_META)
def test_dpf_is_a_transfer_basis_not_a_safeguard(name: str) -> None:
    """2. The DPF is a transfer basis with the recipient's certification; only SCCs come with a copy."""
    en, fi, sv = (_text(name, lang) for lang in ("en", "fi", "sv"))
    assert "Transfer basis:" in en
    assert "Certification of the recipient:" in en
    assert "Siirtoperuste:" in fi
    assert "Överföringsgrund:" in sv
    assert "Copy of the safeguards" not in en
    assert "Jäljennös suojatoimista" not in fi


def test_scc_comes_with_how_to_get_a_copy() -> None:
    """2. Standard contractual clauses are safeguards with how to obtain a copy."""
    en = _text("monalisa-corrected", "en")
    assert "Safeguards: Standard contractual clauses" in en
    assert "How to get a copy of the safeguards:" in en


@pytest.mark.parametrize("name", CORRECTED)
def test_retention_labels_do_not_overstate_the_law(name: str) -> None:
    """3. The Accounting Act is a duty to keep; the Limitation Act only a criterion."""
    en, fi, sv = (_text(name, lang) for lang in ("en", "fi", "sv"))
    assert "Statutory duty to keep the data: Accounting Act (1336/1997), chapter 2, section 10" in en
    assert "Criterion for the period: Act on the Limitation of Debts (728/2003)" in en
    assert "Lagstadgad skyldighet att bevara uppgifterna: bokföringslagen (1336/1997) 2 kap. 10 §" in sv
    assert "Required by: Laki velan vanhentumisesta" not in en
    assert "Lakisääteinen peruste" not in fi
    assert "Grund för hur lagringstiden bestäms: lagen om preskription av skulder (728/2003)" in sv


@pytest.mark.parametrize("name", WITH_META)
def test_joint_controller_arrangement_is_given(name: str) -> None:
    """4. Meta as joint controller comes with the essence of the arrangement and where it is (GDPR 26(2))."""
    en = _text(name, "en")
    assert "Essence of the arrangement between the joint controllers:" in en
    assert "https://www.facebook.com/legal/controller_addendum" in en


@pytest.mark.parametrize("name", CORRECTED)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_finnish_law_or_authority_names_in_other_languages(name: str, lang: str) -> None:
    """5. Kirjanpitolaki, Laki velan vanhentumisesta and Verohallinto do not appear in the sv and en notices."""
    text = _text(name, lang)
    assert [] == [w for w in ("Kirjanpitolaki", "Laki velan vanhentumisesta", "Verohallinto",
                              "luottotietorekisteri", "2 luku 10 §") if w in text]
    assert ("Skatteförvaltningen" if lang == "sv" else "Finnish Tax Administration") in text


def test_catalogue_cites_in_each_language() -> None:
    """5. A catalogued act renders with its language's name and section formatting; every act has a source."""
    assert "Kirjanpitolaki (1336/1997) 2 luku 10 §" == cite_act("kirjanpitolaki", "2:10", "fi")
    assert "bokföringslagen (1336/1997) 2 kap. 10 §" == cite_act("kirjanpitolaki", "2:10", "sv")
    assert "Accounting Act (1336/1997), chapter 2, section 10" == cite_act("kirjanpitolaki", "2:10", "en")
    assert ("10 §", "10 §", "section 10") == tuple(format_section("10", lang) for lang in ("fi", "sv", "en"))
    assert all(set(a.sources) == {"fi", "sv", "en"} and all(s["source"] for s in a.sources.values())
               for a in FINNISH_ACTS.values())


@pytest.mark.parametrize("name", WITH_META)
def test_cookie_providers_who_receive_data_are_named(name: str) -> None:
    """6. _ga and _fbp: Google and Meta are named as receiving the data, whatever the domain (Planet49)."""
    en = _text(name, "en")
    assert "Google Ireland Limited receives the data (first-party cookie)" in en
    assert "Meta Platforms Ireland Limited receives the data" in en


@pytest.mark.parametrize("name", CORRECTED)
def test_wording(name: str) -> None:
    """8. Processors are not "luovutus"; the legitimate interest is given per purpose; "Lue lisää"; no "?:";
    Toiminnalliset; no "1 vuotta"."""
    fi = _text(name, "fi")
    assert "Tietoja luovutetaan seuraaville vastaanottajille" not in fi
    assert "Luovutuksen tarkoitus" not in fi
    assert "Tietojasi käsittelevät puolestamme tai saavat meiltä seuraavat vastaanottajat." in fi
    assert "tässä kuvatun oikeutetun etumme vuoksi" not in fi
    assert "Lue oikeudestasi" not in fi
    if "Oikeutettu etu (" in fi:  # the legal bases used are explained
        assert "etu kerrotaan kunkin tarkoituksen kohdalla" in fi
        assert "Lue lisää oikeudestasi vastustaa" in fi
    assert "?:" not in fi
    assert "1 vuotta" not in fi


def test_one_year_in_finnish() -> None:
    """8. Plural rules, not concatenation: "1 vuosi", "2 vuotta"."""
    one = loads('[controller]\nname = "K"\n[children]\noffered_to_children = false\nminimum_age = 1\n')
    assert "1 vuosi" in str(render(one, locale="fi", format="text"))


def test_render_refuses_a_language_the_statement_does_not_publish(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """9. render --locale sv on a fi/en statement exits 2 naming the languages it has."""
    path = tmp_path / "fien.toml"
    path.write_text('languages = ["fi", "en"]\n[controller]\nname = "K"\n', encoding="utf-8")
    assert 2 == main(["render", "--locale", "sv", str(path)])
    assert "fi, en" in capsys.readouterr().err
    assert 0 == main(["render", "--locale", "en", str(path)])


def test_all_five_seed_shops_have_a_corrected_statement() -> None:
    """Every seed shop has a corrected, complete fi/sv/en statement."""
    assert {"kalvokeskus", "monalisa", "ompelijan-paratiisi", "confetti", "webstrella"} == {
        n.removesuffix("-corrected") for n in CORRECTED}
    assert all(("fi", "sv", "en") == tuple(str(x) for x in _statement(n).languages) for n in CORRECTED)


def test_legal_review_page_lists_every_name_and_its_source() -> None:
    """docs/legal-review.md names every catalogued act and authority in fi, sv and en, with its source."""
    from rekisterikit.laws import AUTHORITIES

    page = (Path(__file__).resolve().parents[2] / "docs" / "legal-review.md").read_text(encoding="utf-8")
    for entry in (*FINNISH_ACTS.values(), *AUTHORITIES.values()):
        assert f"`{entry.key}`" in page
        assert all(f"{entry.name.get(lang)} — {entry.sources[lang]['source']}" in page for lang in ("fi", "sv", "en"))


@pytest.mark.parametrize("name", CORRECTED)
def test_shop_texts_do_not_repeat_the_standard_clauses(name: str) -> None:
    """8. rights.text and cookie_policy.text add to the standard clauses beside them; they do not repeat that
    requests are free, answered within a month, or that cookies can be refused as easily as accepted."""
    s = _statement(name)
    texts = [t for t in (s.rights.text, s.cookie_policy.text) if t is not None]
    repeated = ("maksuton", "kuukauden kuluessa", "yhtä helposti", "avgiftsfri", "inom en månad", "lika lätt",
                "free of charge", "within one month", "as easily as")
    assert [] == [w for t in texts for v in t.texts() for w in repeated if w in v]


def test_a_free_text_law_must_be_localized() -> None:
    """5. A law written as plain text still loads, and check reports it when a published language lacks it."""
    from rekisterikit.validate import validate

    statement = loads('languages = ["fi", "sv"]\n[controller]\nname = "K"\n[[registers]]\nkey = "r"\nname = '
                      '{ fi = "R", sv = "R" }\n[[registers.purposes]]\nkey = "p"\n'
                      'description = { fi = "P", sv = "P" }\n'
                      'legal_basis = "legal_obligation"\nlegal_obligation = "Arvonlisäverolaki 1501/1993"\n')
    paths = {f.path for f in validate(statement).findings if f.rule == "RK-LANGUAGE-MISSING"}
    assert "$.registers[0].purposes[0].legal_obligation.text" in paths


def test_no_assumption_is_published() -> None:
    """The corrected statements keep their assumptions in comments, never in the published text."""
    words = ("assumption", "oletus", "antagande")
    assert [] == [(n, lang) for n in CORRECTED for lang in ("fi", "sv", "en")
                  if any(w in _text(n, lang).casefold() for w in words)]


def test_the_controllers_registered_name_and_legal_form_are_published() -> None:
    """A brand with its registered name and legal form (what RK-CONTROLLER-LEGAL-NAME asks for) publishes both in
    every language, so fixing the finding changes what the reader sees (GDPR 13(1)(a))."""
    import attrs

    from rekisterikit.render import render

    s = _statement("confetti-corrected")
    s = attrs.evolve(s, controller=attrs.evolve(s.controller, legal_name="Juhlatarvike Esimerkki Oy",
                                                 legal_form="osakeyhtiö"))
    for locale, labels in (("fi", ("Rekisteröity nimi", "Yritysmuoto")), ("sv", ("Registrerat namn", "Företagsform")),
                           ("en", ("Registered name", "Legal form"))):
        text = render(s, locale=locale, format="text")
        assert all(label in text for label in labels)
        assert "Juhlatarvike Esimerkki Oy" in text
        assert "osakeyhtiö" in text
