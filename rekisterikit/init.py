"""``rekisterikit init``: a new statement file from a few questions, the fastest way from nothing to a real statement.

It asks for the shop's name, business id, e-mail, languages and what the shop uses (payments, delivery, newsletter,
Google Analytics, the Meta pixel), and writes a statement in which everything rekisterikit can know is filled in:
the purposes with their legal bases, data categories, sources, retention, rights and cookies. What only the shop
can answer (its address, the names of its payment provider, carriers, host and accountant) is a ``# TODO``
comment where it goes; ``rekisterikit check`` reports those items and nothing else.

Every question has an option (``--name``, ``--business-id`` …); ``--yes`` takes the defaults for the rest without
asking, for scripts and tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["EXIT_CODES", "Answers", "add_arguments", "run", "statement_toml"]

#: The exit statuses ``init --help`` lists.
EXIT_CODES = {0: "the statement file was written", 2: "an answer is invalid, or the file exists without --force"}

_LANGUAGES = ("fi", "sv", "en")
_FEATURES = {
    "payments": "Does the shop take payments online (a payment service provider)?",
    "delivery": "Does the shop deliver goods by a carrier?",
    "newsletter": "Does the shop send an e-mail newsletter?",
    "analytics": "Does the site use Google Analytics?",
    "meta_pixel": "Does the site use the Meta (Facebook) pixel?",
}
_FEATURE_HELP = {
    "payments": "the shop takes payments online through a payment service provider",
    "delivery": "the shop delivers goods by a carrier",
    "newsletter": "the shop sends an e-mail newsletter",
    "analytics": "the site uses Google Analytics",
    "meta_pixel": "the site uses the Meta (Facebook) pixel",
}
T = dict[str, str]


class Answers:
    """What the shop answered: identity, languages and the features it uses."""

    def __init__(self, *, name: str, business_id: str | None, email: str, languages: Sequence[str],
                 website: str | None = None, features: Mapping[str, bool] | None = None) -> None:
        self.name = name
        self.business_id = business_id
        self.email = email
        self.website = website
        self.languages = tuple(languages)
        self.features = {key: bool((features or {}).get(key, False)) for key in _FEATURES}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``init`` arguments."""
    parser.add_argument("-o", "--output", metavar="FILE", default="statement.toml",
                        help="the file to write (default: statement.toml; - for standard output)")
    parser.add_argument("-f", "--force", action="store_true", help="overwrite the file if it exists")
    parser.add_argument("-y", "--yes", action="store_true",
                        help="ask nothing: take the options given and the defaults for the rest (--name and "
                             "--email are then required)")
    parser.add_argument("--name", help="the controller: the shop's company or trader name")
    parser.add_argument("--business-id", metavar="Y-TUNNUS", help="the business id, e.g. 1234567-1 (optional)")
    parser.add_argument("--email", help="the e-mail address for privacy questions")
    parser.add_argument("--website", metavar="URL", help="the shop's address, e.g. https://shop.example (optional)")
    parser.add_argument("--languages", metavar="LANGS", default=None,
                        help="the statement's languages, the default first, e.g. fi,en (default: fi,en); without fi "
                             "or sv, init warns: a shop selling in Finland publishes in Finnish or Swedish "
                             "(RK-LANGUAGE-NOT-NATIONAL)")
    for key, help_text in _FEATURE_HELP.items():
        default = "yes" if _defaults()[key] else "no"
        parser.add_argument(f"--{key.replace('_', '-')}", dest=key, action=argparse.BooleanOptionalAction,
                            default=None, help=f"{help_text} (default: {default})")


def _defaults() -> dict[str, bool]:
    return {"payments": True, "delivery": True, "newsletter": False, "analytics": False, "meta_pixel": False}


def _parse_languages(value: str) -> tuple[str, ...]:
    languages = tuple(dict.fromkeys(x.strip().lower() for x in value.replace(" ", ",").split(",") if x.strip()))
    unknown = [x for x in languages if x not in _LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"unknown language(s) {', '.join(unknown) or '(none)'} (expected fi, sv, en, e.g. fi,en)")
    return languages


def _check_business_id(value: str) -> str | None:
    from rekisterikit.model import BusinessId

    if not value.strip():
        return None
    return str(BusinessId(value.strip()))


def _check_email(value: str) -> str:
    from rekisterikit.model.values import validate_email

    value = value.strip()
    if not value:
        raise ValueError("an e-mail address is needed: the statement must say how to reach the controller")
    validate_email(None, None, value)
    return value


def _check_name(value: str) -> str:
    if not value.strip():
        raise ValueError("the controller's name is needed")
    return value.strip()


def _check_website(value: str) -> str | None:
    from rekisterikit.model.values import validate_url

    if not value.strip():
        return None
    validate_url(None, None, value.strip())
    return value.strip()


def _ask(prompt: str, default: str, check: Callable[[str], Any]) -> Any:
    """Ask on standard error (standard output may be the statement, with ``-o -``) until the answer is valid.

    At the end of the input the default is taken; if it is not valid either, the :class:`ValueError` says why.
    """
    while True:
        shown = f" [{default}]" if default else ""
        print(f"{prompt}{shown}: ", end="", file=sys.stderr, flush=True)
        try:
            raw = input()
        except EOFError:
            print(file=sys.stderr)
            return check(default)
        try:
            return check(raw.strip() or default)
        except ValueError as exc:
            print(f"  {exc}", file=sys.stderr)


def _yes_no(value: str) -> bool:
    answer = value.strip().lower()
    if answer in ("y", "yes", "k", "kyllä", "j", "ja"):
        return True
    if answer in ("n", "no", "e", "ei", "nej"):
        return False
    raise ValueError("answer y or n")


def _answers(args: argparse.Namespace) -> Answers:
    """The answers from the options, asking for the missing ones unless --yes."""
    defaults = _defaults()
    ask = not args.yes

    def value(option: Any, prompt: str, default: str, check: Callable[[str], Any]) -> Any:
        if option is not None:
            return check(option)
        if ask:
            return _ask(prompt, default, check)
        return check(default)

    name = value(args.name, "Controller (the shop's company or trader name)", "", _check_name)
    business_id = value(args.business_id, "Business id (Y-tunnus), empty if none", "", _check_business_id)
    email = value(args.email, "E-mail for privacy questions", "", _check_email)
    website = value(args.website, "Website address, empty to leave out", "", _check_website)
    languages = value(args.languages, "Languages, the default first (fi, sv, en)", "fi,en", _parse_languages)
    features = {}
    for key, question in _FEATURES.items():
        option = getattr(args, key)
        features[key] = option if option is not None else (
            _ask(question + " (y/n)", "y" if defaults[key] else "n", _yes_no) if ask else defaults[key])
    return Answers(name=name, business_id=business_id, email=email, website=website, languages=languages,
                   features=features)


# --- the statement -------------------------------------------------------------------------------------------------


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    def __init__(self, languages: Sequence[str]) -> None:
        self.languages = tuple(languages)
        self.lines: list[str] = []

    def __call__(self, *lines: str) -> None:
        self.lines.extend(lines)

    def text(self, key: str, texts: T) -> None:
        if len(self.languages) == 1:
            self.lines.append(f"{key.rsplit('.', 1)[-1]} = {_q(texts[self.languages[0]])}")
            return
        self.lines.append(f"[{key}]")
        self.lines.extend(f"{lang} = {_q(texts[lang])}" for lang in self.languages)

    def keys(self, key: str, values: Sequence[str]) -> None:
        self.lines.append(f"{key} = [{', '.join(_q(v) for v in values)}]")


_CATEGORIES: dict[str, tuple[T, T]] = {
    "yhteystiedot": ({"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact details"},
                     {"fi": "Nimi, toimitus- ja laskutusosoite, sähköpostiosoite ja puhelinnumero.",
                      "sv": "Namn, leverans- och faktureringsadress, e-postadress och telefonnummer.",
                      "en": "Name, delivery and billing address, e-mail address and telephone number."}),
    "tilaustiedot": ({"fi": "Tilaustiedot", "sv": "Beställningsuppgifter", "en": "Order data"},
                     {"fi": "Tilatut tuotteet, hinnat, toimitus- ja maksutapa, tilaushistoria sekä palautukset.",
                      "sv": "Beställda produkter, priser, leverans- och betalningssätt, beställningshistorik och "
                            "returer.",
                      "en": "Products ordered, prices, delivery and payment method, order history and returns."}),
    "maksutiedot": ({"fi": "Maksutiedot", "sv": "Betalningsuppgifter", "en": "Payment data"},
                    {"fi": "Maksun tunniste, summa, ajankohta ja tila. Korttitietoja käsittelee vain "
                           "maksunvälittäjä.",
                     "sv": "Betalningens referens, belopp, tidpunkt och status. Kortuppgifter behandlas endast av "
                           "betalningsförmedlaren.",
                     "en": "Payment reference, amount, time and status. Card details are processed only by the "
                           "payment service provider."}),
    "viestit": ({"fi": "Asiakaspalveluviestit", "sv": "Kundtjänstmeddelanden", "en": "Customer-service messages"},
                {"fi": "Lähettämäsi viestit ja niihin antamamme vastaukset.",
                 "sv": "Meddelanden som du skickar och våra svar.",
                 "en": "Messages you send us and our replies."}),
    "markkinointiluvat": ({"fi": "Markkinointiluvat", "sv": "Samtycken till marknadsföring",
                           "en": "Marketing consents"},
                          {"fi": "Uutiskirjeen tilaus sekä suostumuksen ja sen perumisen ajankohdat.",
                           "sv": "Prenumerationen på nyhetsbrevet och tidpunkterna för samtycket och "
                                 "återkallelsen.",
                           "en": "Newsletter subscription and when consent was given and withdrawn."}),
    "selaustiedot": ({"fi": "Laite- ja selaustiedot", "sv": "Enhets- och surfuppgifter",
                      "en": "Device and browsing data"},
                     {"fi": "IP-osoite, selain- ja laitetiedot, evästetunnisteet ja vieraillut sivut.",
                      "sv": "IP-adress, webbläsar- och enhetsuppgifter, kakidentifierare och besökta sidor.",
                      "en": "IP address, browser and device data, cookie identifiers and pages visited."}),
}


def _purpose(w: _Writer, *, key: str, kind: str, basis: str, categories: Sequence[str], provision: str,
             description: T, consequence: T, extra: Sequence[str] = (), interest: T | None = None) -> None:
    w("", "[[registers.purposes]]", f"key = {_q(key)}", f"kind = {_q(kind)}", f"legal_basis = {_q(basis)}", *extra)
    w.keys("data_categories", categories)
    w(f"provision = {_q(provision)}")
    w.text("registers.purposes.description", description)
    if interest is not None:
        w.text("registers.purposes.legitimate_interest", interest)
    w.text("registers.purposes.provision_consequence", consequence)


def _recipient(w: _Writer, *, todo: str | None, name: str | None, role: str, country: str,
               purposes: Sequence[str], category: T, description: T, arrangement: T | None = None,
               arrangement_url: str | None = None) -> None:
    w("", "[[registers.recipients]]")
    if todo:
        w(f"# TODO: {todo}")
    if name:
        w(f"name = {_q(name)}")
    w(f"role = {_q(role)}", f"country = {_q(country)}")
    w.keys("purposes", purposes)
    if arrangement_url:
        w(f"arrangement_url = {_q(arrangement_url)}")
    w.text("registers.recipients.category", category)
    w.text("registers.recipients.description", description)
    if arrangement is not None:
        w.text("registers.recipients.arrangement", arrangement)


def _retention(w: _Writer, *, purposes: Sequence[str], period: str | None, start: str, criteria: T,
               reference: str | None = None) -> None:
    """A retention rule; ``reference`` is a whole line (``required_by = { law = … }`` or ``based_on = …``)."""
    w("", "[[registers.retention]]")
    w.keys("purposes", purposes)
    if period:
        w(f"period = {_q(period)}")
    w(f"start = {_q(start)}")
    if reference:
        w(reference)
    w.text("registers.retention.criteria", criteria)


def _cookie(w: _Writer, *, name: str, provider: str, party: str, category: str, duration: str, country: str,
            basis: str, purpose: T, domain: str | None = None) -> None:
    w("", "[[cookies]]", f"name = {_q(name)}", f"provider = {_q(provider)}", f"party = {_q(party)}")
    if domain:
        w(f"domain = {_q(domain)}")
    w(f"category = {_q(category)}", f"duration = {_q(duration)}", f"country = {_q(country)}",
      f"legal_basis = {_q(basis)}")
    w.text("cookies.purpose", purpose)


def statement_toml(answers: Answers, *, today: dt.date | None = None) -> str:
    """The statement file ``init`` writes for ``answers``."""
    f = answers.features
    w = _Writer(answers.languages)
    shop = answers.name
    w(f"# The privacy statement (tietosuojaseloste) of {shop}, started with `rekisterikit init`.",
      "# Check it with `rekisterikit check` and publish it with `rekisterikit render`. Each TODO comment below is",
      "# something only the shop can answer; the file format is described in rekisterikit's docs (file-format).",
      "")
    if not {"fi", "sv"} & set(answers.languages):
        w("# TODO: a shop selling in Finland should publish its statement in Finnish or Swedish as well (GDPR 12(1);",
          "# `check` reports RK-LANGUAGE-NOT-NATIONAL): add fi or sv here.")
    w.keys("languages", answers.languages)
    w(f"updated = {(today or dt.date.today()).isoformat()}", "")
    w.text("title", {"fi": f"Tietosuojaseloste – {shop}", "sv": f"Dataskyddsbeskrivning – {shop}",
                     "en": f"Privacy notice – {shop}"})
    w.text("changes", {
        "fi": "Päivitämme selostetta, kun käsittely muuttuu; päivityspäivä näkyy selosteen alussa. Jos aiomme "
              "käsitellä tietoja uuteen tarkoitukseen, kerromme siitä ja muut tarvittavat tiedot ennen kuin "
              "käsittely alkaa.",
        "sv": "Vi uppdaterar beskrivningen när behandlingen ändras; datumet står i början av beskrivningen. Om vi "
              "ska behandla uppgifterna för ett nytt ändamål informerar vi om det och om övrig relevant "
              "information innan behandlingen börjar.",
        "en": "We update this notice when our processing changes; the date is shown at the top. If we are to "
              "process data for a new purpose, we tell you about it, with the other relevant information, before "
              "that processing starts."})
    if f["meta_pixel"]:
        w("# TODO: assess whether you must appoint a data protection officer (GDPR 37): large-scale profiling "
          "needs one; if so, add a [dpo] table with the officer's contact details")
    w("", "[controller]", f"name = {_q(shop)}")
    if answers.business_id:
        w(f"business_id = {_q(answers.business_id)}")
    else:
        w("# TODO: the business id (Y-tunnus), if the shop has one: business_id = \"…\"")
    w(f"email = {_q(answers.email)}")
    if answers.website:
        w(f"website = {_q(answers.website)}")
    w("# TODO: the controller's postal address: address = { street = \"…\", postal_code = \"…\", city = \"…\" }")
    w("", "[children]", "offered_to_children = false", "")
    us = [*(["Google Ireland Limited (Google Analytics)"] if f["analytics"] else []),
          *(["Meta Platforms Ireland Limited"] if f["meta_pixel"] else [])]
    w("[[registers]]", 'key = "asiakkaat"')
    if not us:
        w("transfers = []  # no transfer outside the EU/EEA")
    w.text("registers.name", {"fi": f"{shop}: asiakasrekisteri", "sv": f"{shop}: kundregister",
                              "en": f"{shop}: customer register"})
    w.text("registers.security", {
        "fi": "Sivuston ja selaimen välinen liikenne on salattu (TLS). Tietoja käsittelevät vain ne, jotka "
              "tarvitsevat niitä tehtävissään, henkilökohtaisilla tunnuksilla.",
        "sv": "Trafiken mellan webbplatsen och webbläsaren är krypterad (TLS). Uppgifterna behandlas endast av dem "
              "som behöver dem i sitt arbete, med personliga inloggningsuppgifter.",
        "en": "Traffic between the website and your browser is encrypted (TLS). Data is processed only by those "
              "who need it for their work, with personal credentials."})
    w("", "[registers.automated_decisions]", "used = false")

    categories = ["yhteystiedot", "tilaustiedot", *(["maksutiedot"] if f["payments"] else []), "viestit",
                  *(["markkinointiluvat"] if f["newsletter"] else []),
                  *(["selaustiedot"] if f["analytics"] or f["meta_pixel"] else [])]
    for key in categories:
        name, description = _CATEGORIES[key]
        w("", "[[registers.data_categories]]", f"key = {_q(key)}")
        w.text("registers.data_categories.name", name)
        w.text("registers.data_categories.description", description)

    order_categories = ["yhteystiedot", "tilaustiedot", *(["maksutiedot"] if f["payments"] else [])]
    _purpose(w, key="tilaukset", kind="order", basis="contract", categories=order_categories,
             provision="contract_precondition",
             description={"fi": "Tilausten vastaanottaminen, toimittaminen ja veloittaminen sekä palautusten "
                                "käsittely.",
                          "sv": "Att ta emot, leverera och ta betalt för beställningar samt hantera returer.",
                          "en": "Taking, delivering and charging for orders, and handling returns."},
             consequence={"fi": "Ilman nimeä, osoitetta ja sähköpostiosoitetta emme voi ottaa tilausta vastaan "
                                "tai toimittaa sitä.",
                          "sv": "Utan namn, adress och e-postadress kan vi inte ta emot eller leverera "
                                "beställningen.",
                          "en": "Without your name, address and e-mail address we cannot accept or deliver your "
                                "order."})
    _purpose(w, key="asiakaspalvelu", kind="customer_service", basis="contract",
             categories=["yhteystiedot", "tilaustiedot", "viestit"], provision="voluntary",
             description={"fi": "Tilauksiin ja palautuksiin liittyviin kysymyksiin vastaaminen.",
                          "sv": "Att besvara frågor om beställningar och returer.",
                          "en": "Answering questions about orders and returns."},
             consequence={"fi": "Ilman yhteystietoja emme voi vastata viestiisi.",
                          "sv": "Utan kontaktuppgifter kan vi inte svara på ditt meddelande.",
                          "en": "Without contact details we cannot reply to your message."})
    _purpose(w, key="kirjanpito", kind="accounting", basis="legal_obligation",
             categories=order_categories, provision="contract_precondition",
             extra=['legal_obligation = { law = "kirjanpitolaki", section = "2:10" }'],
             description={"fi": "Kirjanpito: myyntien ja maksujen kirjaaminen ja tositteiden säilyttäminen.",
                          "sv": "Bokföring: att bokföra försäljning och betalningar och bevara verifikationerna.",
                          "en": "Bookkeeping: recording sales and payments and keeping the vouchers."},
             consequence={"fi": "Kirjanpitolaki velvoittaa kirjaamaan jokaisen myynnin; tilausta ei voi tehdä "
                                "ilman näitä tietoja.",
                          "sv": "Bokföringslagen kräver att varje försäljning bokförs; en beställning kan inte "
                                "göras utan dessa uppgifter.",
                          "en": "The Accounting Act requires every sale to be recorded; an order cannot be placed "
                                "without this data."})
    if f["newsletter"]:
        _purpose(w, key="uutiskirje", kind="newsletter", basis="consent",
                 categories=["yhteystiedot", "markkinointiluvat"], provision="voluntary",
                 extra=['direct_marketing = ["email"]', 'marketing_audience = "consumers"'],
                 description={"fi": "Uutiskirje sähköpostitse: tarjoukset ja uutuustuotteet.",
                              "sv": "Nyhetsbrev per e-post: erbjudanden och nya produkter.",
                              "en": "E-mail newsletter: offers and new products."},
                 consequence={"fi": "Uutiskirjeen tilaaminen on vapaaehtoista, eikä se ole ostamisen ehto.",
                              "sv": "Det är frivilligt att prenumerera på nyhetsbrevet och det är inget villkor "
                                    "för att handla.",
                              "en": "Subscribing is optional and not a condition of buying."})
    if f["analytics"]:
        _purpose(w, key="analytiikka", kind="analytics", basis="consent", categories=["selaustiedot"],
                 provision="voluntary",
                 description={"fi": "Sivuston käytön tilastointi Google Analyticsilla sivuston parantamiseksi.",
                              "sv": "Statistik över användningen av webbplatsen med Google Analytics för att "
                                    "förbättra webbplatsen.",
                              "en": "Statistics on the use of the website with Google Analytics, to improve the "
                                    "site."},
                 consequence={"fi": "Jos et hyväksy tilastointievästeitä, käyntiäsi ei tilastoida. Sivusto toimii "
                                    "silti kokonaan.",
                              "sv": "Om du inte godkänner statistikkakor registreras ditt besök inte. Webbplatsen "
                                    "fungerar ändå fullt ut.",
                              "en": "If you do not accept statistics cookies, your visit is not counted. The site "
                                    "still works fully."})
    if f["meta_pixel"]:
        _purpose(w, key="mainonta", kind="advertising", basis="consent", categories=["selaustiedot"],
                 provision="voluntary", extra=["profiling = true"],
                 description={"fi": "Kohdennettu mainonta Metan palveluissa (Facebook, Instagram) Metan pikselin "
                                    "avulla.",
                              "sv": "Riktad reklam i Metas tjänster (Facebook, Instagram) med hjälp av Metas "
                                    "pixel.",
                              "en": "Targeted advertising on Meta's services (Facebook, Instagram) with the Meta "
                                    "pixel."},
                 consequence={"fi": "Jos et hyväksy markkinointievästeitä, mainontaa ei kohdenneta käyntisi "
                                    "perusteella.",
                              "sv": "Om du inte godkänner marknadsföringskakor riktas reklamen inte utifrån ditt "
                                    "besök.",
                              "en": "If you do not accept marketing cookies, advertising is not targeted on the "
                                    "basis of your visit."})

    w("", "[[registers.sources]]", 'kind = "data_subject"')
    w.keys("data_categories", [c for c in categories if c != "selaustiedot"])
    w.text("registers.sources.name", {"fi": "Sinä itse", "sv": "Du själv", "en": "You"})
    if "selaustiedot" in categories:
        w("", "[[registers.sources]]", 'kind = "device"', 'data_categories = ["selaustiedot"]')
        w.text("registers.sources.name", {"fi": "Selaimesi ja laitteesi", "sv": "Din webbläsare och enhet",
                                          "en": "Your browser and device"})

    all_purposes = ["tilaukset", "asiakaspalvelu", *(["uutiskirje"] if f["newsletter"] else [])]
    _recipient(w, todo="the company hosting the shop (and the country of its servers): name = \"…\"",
               name=None, role="processor", country="FI", purposes=all_purposes,
               category={"fi": "Verkkokaupan palvelintila", "sv": "Webbutikens serverutrymme",
                         "en": "Web shop hosting"},
               description={"fi": "Verkkokauppa ja asiakastiedot ovat palveluntarjoajan palvelimilla, joka "
                                  "käsittelee tietoja vain lukuumme.",
                            "sv": "Webbutiken och kunduppgifterna finns på leverantörens servrar; leverantören "
                                  "behandlar uppgifterna endast för vår räkning.",
                            "en": "The shop and customer data are on the provider's servers; it processes the "
                                  "data only on our behalf."})
    _recipient(w, todo="the accounting firm: name = \"…\" (or delete this table if you keep your own books)",
               name=None, role="processor", country="FI", purposes=["kirjanpito"],
               category={"fi": "Tilitoimisto", "sv": "Redovisningsbyrå", "en": "Accounting firm"},
               description={"fi": "Hoitaa kirjanpidon lukuumme ja saa tositteet.",
                            "sv": "Sköter bokföringen för vår räkning och får verifikationerna.",
                            "en": "Keeps the books on our behalf and receives the vouchers."})
    if f["payments"]:
        _recipient(w, todo="the payment service provider: name = \"…\"", name=None, role="controller",
                   country="FI", purposes=["tilaukset"],
                   category={"fi": "Maksunvälittäjä", "sv": "Betalningsförmedlare",
                             "en": "Payment service provider"},
                   description={"fi": "Välittää maksut ja käsittelee maksuvälineen tiedot.",
                                "sv": "Förmedlar betalningarna och behandlar betalningsmedlets uppgifter.",
                                "en": "Processes the payments and the payment card details."})
    if f["delivery"]:
        _recipient(w, todo="the carrier: name = \"…\" (one table for each carrier)", name=None, role="controller",
                   country="FI", purposes=["tilaukset"],
                   category={"fi": "Kuljetusyhtiö", "sv": "Transportbolag", "en": "Carrier"},
                   description={"fi": "Saa nimen, toimitusosoitteen ja puhelinnumeron paketin toimittamiseksi.",
                                "sv": "Får namn, leveransadress och telefonnummer för att leverera paketet.",
                                "en": "Receives the name, delivery address and phone number to deliver the "
                                      "parcel."})
    if f["analytics"]:
        _recipient(w, todo=None, name="Google Ireland Limited (Google Analytics)", role="processor", country="IE",
                   purposes=["analytiikka"],
                   category={"fi": "Kävijätilastopalvelu", "sv": "Besöksstatistiktjänst",
                             "en": "Web analytics service"},
                   description={"fi": "Käsittelee laite- ja selaustietoja lukuumme, vain suostumuksellasi.",
                                "sv": "Behandlar enhets- och surfuppgifter för vår räkning, endast med ditt "
                                      "samtycke.",
                                "en": "Processes device and browsing data on our behalf, only with your consent."})
    if f["meta_pixel"]:
        _recipient(w, todo=None, name="Meta Platforms Ireland Limited", role="joint_controller", country="IE",
                   purposes=["mainonta"],
                   category={"fi": "Mainosverkosto (Facebook, Instagram)",
                             "sv": "Annonsnätverk (Facebook, Instagram)",
                             "en": "Advertising network (Facebook, Instagram)"},
                   description={"fi": "Metan pikseli kerää sivustolla tietoja, vain suostumuksellasi; keräämisestä "
                                      "ja siirtämisestä olemme yhteisrekisterinpitäjiä Metan kanssa.",
                                "sv": "Metas pixel samlar in uppgifter på webbplatsen, endast med ditt samtycke; "
                                      "för insamlingen och överföringen är vi gemensamt personuppgiftsansvariga "
                                      "med Meta.",
                                "en": "The Meta pixel collects data on the site, only with your consent; we are "
                                      "joint controllers with Meta for the collection and transmission."},
                   arrangement_url="https://www.facebook.com/legal/controller_addendum",
                   arrangement={"fi": "Vastaamme tietojen keräämisestä ja siirtämisestä Metalle sekä siitä "
                                      "kertomisesta; Meta vastaa omasta käsittelystään siirron jälkeen ja sitä "
                                      "koskevista pyynnöistä.",
                                "sv": "Vi ansvarar för insamlingen och överföringen av uppgifterna till Meta och "
                                      "för informationen om dem; Meta ansvarar för sin egen behandling efter "
                                      "överföringen och för begäranden som gäller den.",
                                "en": "We are responsible for collecting the data, transmitting it to Meta and "
                                      "informing you of it; Meta is responsible for its own processing after the "
                                      "transmission and for requests about it."})
    if us:
        w("", "[[registers.transfers]]", "# The EU-U.S. Data Privacy Framework is under appeal (C-703/25 P); if the "
              "Court annuls it, change the mechanism (standard contractual clauses)", 'country = "US"')
        w.keys("recipients", us)
        w('mechanism = "dpf"', "dpf_certified = true",
          'safeguards_url = "https://www.dataprivacyframework.gov/list"')
        w.text("registers.transfers.description", {
            "fi": "Palveluntarjoaja siirtää tietoja myös yhdysvaltalaiselle emoyhtiölleen, joka on sertifioitunut "
                  "EU:n ja Yhdysvaltojen väliseen tietosuojakehykseen (komission päätös (EU) 2023/1795).",
            "sv": "Leverantören överför uppgifter även till sitt amerikanska moderbolag, som är certifierat enligt "
                  "dataskyddsramen mellan EU och USA (kommissionens beslut (EU) 2023/1795).",
            "en": "The provider also transfers data to its US parent company, which is certified under the EU-U.S. "
                  "Data Privacy Framework (Commission Decision (EU) 2023/1795)."})

    _retention(w, purposes=["tilaukset", "asiakaspalvelu"], period="P3Y", start="end_of_contract",
               reference='based_on = { law = "vanhentumislaki" }',  # the 3-year limitation of claims
               criteria={"fi": "Tilaus- ja asiakaspalvelutiedot säilytetään kolme vuotta tilauksen toimittamisesta.",
                         "sv": "Beställnings- och kundtjänstuppgifter sparas i tre år efter leveransen.",
                         "en": "Order and customer-service data are kept for three years after delivery."})
    _retention(w, purposes=["kirjanpito"], period="P6Y", start="end_of_year_of_financial_period_end",
               reference='required_by = { law = "kirjanpitolaki", section = "2:10" }',
               criteria={"fi": "Tositteet säilytetään kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi "
                               "päättyi.",
                         "sv": "Verifikationer sparas i sex år från utgången av det år då räkenskapsperioden "
                               "upphörde.",
                         "en": "Vouchers are kept for six years from the end of the year in which the financial "
                               "period ended."})
    if f["newsletter"]:
        _retention(w, purposes=["uutiskirje"], period=None, start="consent_withdrawal",
                   criteria={"fi": "Sähköpostiosoite poistetaan jakelusta heti, kun perut tilauksen.",
                             "sv": "E-postadressen tas bort från utskicket genast när du avslutar prenumerationen.",
                             "en": "Your address is removed from the mailing list as soon as you unsubscribe."})
    if f["analytics"]:
        _retention(w, purposes=["analytiikka"], period="P14M", start="collection",
                   criteria={"fi": "Tilastotiedot poistetaan 14 kuukauden kuluttua.",
                             "sv": "Statistikuppgifterna raderas efter 14 månader.",
                             "en": "Statistics data is deleted after 14 months."})
    if f["meta_pixel"]:
        _retention(w, purposes=["mainonta"], period="P180D", start="collection",
                   criteria={"fi": "Mainonnan kohdeyleisöihin otetaan vain viimeisten 180 päivän kävijät.",
                             "sv": "Reklammålgrupperna omfattar endast besökare under de senaste 180 dagarna.",
                             "en": "Advertising audiences include only visitors from the last 180 days."})

    _cookie(w, name="sessionid", provider=shop, party="first", category="necessary", duration="session",
            country="FI", basis="contract",
            purpose={"fi": "Pitää ostoskorin muistissa selainistunnon ajan.",
                     "sv": "Håller varukorgen i minnet under webbläsarsessionen.",
                     "en": "Keeps your shopping cart for the browser session."})
    _cookie(w, name="rk_consent", provider=shop, party="first", category="necessary", duration="P12M",
            country="FI", basis="legal_obligation",
            purpose={"fi": "Tallentaa evästevalintasi, jotta voimme noudattaa sitä ja osoittaa suostumuksen.",
                     "sv": "Sparar dina kakval så att vi kan följa dem och visa samtycket.",
                     "en": "Stores your cookie choices so that we can respect them and demonstrate consent."})
    if f["analytics"]:
        _cookie(w, name="_ga", provider="Google Ireland Limited", party="first", category="statistics",
                duration="P2Y", country="IE", basis="consent",
                purpose={"fi": "Google Analytics: erottaa kävijät toisistaan kävijätilastoja varten.",
                         "sv": "Google Analytics: skiljer besökare åt för besöksstatistiken.",
                         "en": "Google Analytics: distinguishes visitors for visitor statistics."})
    if f["meta_pixel"]:
        _cookie(w, name="_fbp", provider="Meta Platforms Ireland Limited", party="first", category="marketing",
                duration="P3M", country="IE", basis="consent",
                purpose={"fi": "Metan pikseli: tunnistaa selaimen kohdennettua mainontaa varten.",
                         "sv": "Metas pixel: känner igen webbläsaren för riktad reklam.",
                         "en": "Meta pixel: recognises the browser for targeted advertising."})
    w("", "[cookie_policy]", 'consent = "opt_in"', "", "[rights]", 'request_channels = ["email"]')
    w.text("rights.text", {
        "fi": f"Voit käyttää oikeuksiasi lähettämällä sähköpostia osoitteeseen {answers.email}. Pyyntö on "
              "maksuton. Vastaamme viimeistään kuukauden kuluessa.",
        "sv": f"Du kan utöva dina rättigheter genom att skicka e-post till {answers.email}. Begäran är "
              "avgiftsfri. Vi svarar senast inom en månad.",
        "en": f"You can exercise your rights by e-mail to {answers.email}. Requests are free of charge. We reply "
              "within one month at the latest."})
    return "\n".join(w.lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Ask, write the file and say what to do next."""
    from rekisterikit.cliutil import CliFileError, write_output

    if args.output != "-" and not args.force:
        from pathlib import Path

        if Path(args.output).exists():
            print(f"rekisterikit init: {args.output} exists (use --force to overwrite)", file=sys.stderr)
            return 2
    try:
        answers = _answers(args)
    except ValueError as exc:
        print(f"rekisterikit init: {exc}", file=sys.stderr)
        return 2
    text = statement_toml(answers)
    try:
        write_output(args.output, text, force=args.force)
    except CliFileError as exc:
        print(f"rekisterikit init: {exc}", file=sys.stderr)
        return 2
    if args.output != "-" and not getattr(args, "quiet", False):
        todos = sum(1 for line in text.splitlines() if line.lstrip().startswith("# TODO"))
        print(f"rekisterikit init: wrote {args.output} with {todos} TODO(s); next: rekisterikit check {args.output}",
              file=sys.stderr)
        if not {"fi", "sv"} & set(answers.languages):
            print("rekisterikit init: warning: the statement is in neither Finnish nor Swedish; a shop selling in "
                  "Finland should publish it in one of them too (e.g. --languages fi,en)", file=sys.stderr)
    return 0
