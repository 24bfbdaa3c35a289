"""The linter's rules: id, requirement code, severity, provision and message in Finnish, Swedish and English.

Rule ids are ``RK-LINT-…``; the requirement codes are the shared ones of the structured validators, so ``lint`` and
``check`` findings can be compared code by code. A *missing* rule reports a required item the prose does not give
(its path is the section where the item was expected); the other rules flag something the prose says (their
evidence quotes the sentence and its line). Messages may contain ``{placeholders}`` filled per finding.
"""

from __future__ import annotations

from attrs import define

from rekisterikit.findings import Requirement, Severity
from rekisterikit.model.values import LocalizedText

__all__ = ["RULES", "LintRule", "rule"]


@define(frozen=True, kw_only=True)
class LintRule:
    """A linter rule.

    Attributes:
        id: the rule id (``"RK-LINT-RETENTION"``).
        requirement: the requirement code its findings carry.
        severity: the default severity (some rules lower or raise it per finding).
        article: the provision, compact form.
        message: the message in fi, sv and en, with ``{placeholders}``.
        missing: the rule reports an absent item rather than flagging a quoted sentence.
        where: the section kinds where the item is expected, for the path of a missing item.
    """

    id: str
    requirement: Requirement
    severity: Severity
    article: str
    message: LocalizedText
    missing: bool = False
    where: tuple[str, ...] = ()


R = Requirement
E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: note (info)


def _t(fi: str, sv: str, en: str) -> LocalizedText:
    return LocalizedText(fi=fi, sv=sv, en=en)


_RULES = (
    # ------------------------------------------------------------------------------------------- controller
    LintRule(id="RK-LINT-CONTROLLER", requirement=R.CONTROLLER_IDENTITY, severity=E, article="GDPR 13(1)(a)",
             missing=True, where=("controller",), message=_t(
                 "Rekisterinpitäjän nimeä ei löydy selosteesta (GDPR 13(1)(a)).",
                 "Den personuppgiftsansvariges namn saknas i beskrivningen (GDPR 13(1)(a)).",
                 "The statement does not name the controller (GDPR 13(1)(a)).")),
    LintRule(id="RK-LINT-CONTROLLER-TRADE-NAME", requirement=R.CONTROLLER_IDENTITY, severity=W,
             article="GDPR 13(1)(a)", where=("controller",), message=_t(
                 "Rekisterinpitäjä on nimetty vain nimellä {value} ilman yhtiömuotoa tai Y-tunnusta; kerro "
                 "rekisterinpitäjän virallinen nimi (yhtiö tai elinkeinonharjoittaja) (GDPR 13(1)(a)).",
                 "Den personuppgiftsansvarige anges bara som {value} utan bolagsform eller FO-nummer; ange det "
                 "officiella namnet på bolaget eller näringsidkaren (GDPR 13(1)(a)).",
                 "The controller is named only as {value}, with no legal form or business ID; give the legal name of "
                 "the company or trader behind the shop (GDPR 13(1)(a)).")),
    LintRule(id="RK-LINT-CONTACT", requirement=R.CONTROLLER_CONTACT, severity=E, article="GDPR 13(1)(a)",
             missing=True, where=("controller", "contact_person"), message=_t(
                 "Rekisterinpitäjän yhteystiedot (postiosoite, sähköposti tai puhelin) puuttuvat selosteesta; "
                 "viittaus toiselle sivulle ei riitä (GDPR 13(1)(a)).",
                 "Den personuppgiftsansvariges kontaktuppgifter (postadress, e-post eller telefon) saknas; en "
                 "hänvisning till en annan sida räcker inte (GDPR 13(1)(a)).",
                 "The controller's contact details (postal address, e-mail or phone) are missing; a reference to "
                 "another page is not enough (GDPR 13(1)(a)).")),
    LintRule(id="RK-LINT-BUSINESS-ID", requirement=R.BUSINESS_ID, severity=N, article="practice",
             missing=True, where=("controller",), message=_t(
                 "Suositus: ilmoita rekisterinpitäjän Y-tunnus.",
                 "Rekommendation: ange den personuppgiftsansvariges FO-nummer.",
                 "Recommended: give the controller's business ID (Y-tunnus).")),
    LintRule(id="RK-LINT-BUSINESS-ID-INVALID", requirement=R.BUSINESS_ID, severity=W, article="practice",
             missing=True, where=("controller",), message=_t(
                 "Y-tunnus {value} ei ole kelvollinen (tarkistusnumero tai muoto NNNNNNN-T); tarkista se.",
                 "FO-numret {value} är inte giltigt (kontrollsiffra eller formatet NNNNNNN-K); kontrollera det.",
                 "The business ID {value} is not valid (check digit or the format NNNNNNN-C); check it.")),
    LintRule(id="RK-LINT-EU-REPRESENTATIVE", requirement=R.EU_REPRESENTATIVE, severity=E, article="GDPR 13(1)(a), 27",
             missing=True, where=("controller", "representative"), message=_t(
                 "Rekisterinpitäjä näyttää olevan EU:n ulkopuolella, mutta EU-edustajaa ei nimetä (GDPR 13(1)(a), "
                 "27 art.).",
                 "Den personuppgiftsansvarige verkar vara etablerad utanför EU men ingen företrädare i EU anges "
                 "(GDPR 13(1)(a), artikel 27).",
                 "The controller appears to be established outside the EU but no EU representative is named "
                 "(GDPR 13(1)(a), Art. 27).")),
    LintRule(id="RK-LINT-DPO-CONTACT", requirement=R.DPO_CONTACT, severity=E, article="GDPR 13(1)(b), 37(7)",
             missing=True, where=("dpo", "controller"), message=_t(
                 "Seloste mainitsee tietosuojavastaavan, mutta ei tämän yhteystietoja (GDPR 13(1)(b), 37(7)).",
                 "Beskrivningen nämner ett dataskyddsombud men inte dess kontaktuppgifter (GDPR 13(1)(b), 37(7)).",
                 "The statement mentions a data protection officer but not their contact details "
                 "(GDPR 13(1)(b), 37(7)).")),
    # ------------------------------------------------------------------------------------------- purposes
    LintRule(id="RK-LINT-PURPOSES", requirement=R.PURPOSES, severity=E, article="GDPR 13(1)(c)",
             missing=True, where=("purposes",), message=_t(
                 "Henkilötietojen käsittelyn tarkoitukset puuttuvat (GDPR 13(1)(c)).",
                 "Ändamålen med behandlingen av personuppgifter saknas (GDPR 13(1)(c)).",
                 "The purposes of processing are missing (GDPR 13(1)(c)).")),
    LintRule(id="RK-LINT-LEGAL-BASIS", requirement=R.LEGAL_BASIS, severity=E, article="GDPR 13(1)(c), 6(1)",
             missing=True, where=("legal_basis", "purposes"), message=_t(
                 "Käsittelyn oikeusperusteita (suostumus, sopimus, lakisääteinen velvoite, oikeutettu etu) ei "
                 "kerrota; ilmoita peruste jokaiselle käyttötarkoitukselle (GDPR 13(1)(c), 6(1)).",
                 "Den rättsliga grunden (samtycke, avtal, rättslig förpliktelse, berättigat intresse) anges inte; "
                 "ange grunden för varje ändamål (GDPR 13(1)(c), 6.1).",
                 "No legal basis (consent, contract, legal obligation, legitimate interests) is given; state the "
                 "basis of every purpose (GDPR 13(1)(c), 6(1)).")),
    LintRule(id="RK-LINT-BASIS-PER-PURPOSE", requirement=R.LEGAL_BASIS, severity=E, article="GDPR 13(1)(c)",
             message=_t(
                 "Käyttötarkoitukselle \"{term}\" ei kerrota oikeusperustetta, vaikka muille kerrotaan; ilmoita "
                 "peruste jokaiselle käyttötarkoitukselle (GDPR 13(1)(c)).",
                 "För ändamålet \"{term}\" anges ingen rättslig grund, fast den anges för de andra; ange grunden "
                 "för varje ändamål (GDPR 13(1)(c)).",
                 "The purpose \"{term}\" is given no legal basis although the other purposes are; state the basis "
                 "of every purpose (GDPR 13(1)(c)).")),
    LintRule(id="RK-LINT-BASES-UNTIED", requirement=R.LEGAL_BASIS, severity=E, article="GDPR 13(1)(c)",
             where=("legal_basis", "purposes"), message=_t(
                 "Oikeusperusteet on lueteltu yhdessä (esim. \"sopimus, suostumus tai oikeutettu etu\") kertomatta, "
                 "mihin käyttötarkoitukseen kukin perustuu; ilmoita peruste jokaiselle käyttötarkoitukselle "
                 "(GDPR 13(1)(c)).",
                 "De rättsliga grunderna räknas upp tillsammans (t.ex. \"avtal, samtycke och berättigat intresse\") "
                 "utan att det framgår vilket ändamål som grundar sig på vilken; ange grunden för varje ändamål "
                 "(GDPR 13.1 c).",
                 "The legal bases are listed together (e.g. \"contract, consent or legitimate interest\") without "
                 "saying which purpose rests on which; state the basis of every purpose (GDPR 13(1)(c)).")),
    LintRule(id="RK-LINT-BASIS-INVALID", requirement=R.LEGAL_BASIS, severity=E, article="GDPR 6(1)", message=_t(
        "\"{term}\" ei ole tietosuoja-asetuksen mukainen käsittelyperuste (henkilötietolain 8 §:n "
        "asiakassuhde tai asiallinen yhteys); valitse jokin 6(1) artiklan a–f alakohdista.",
        "\"{term}\" är ingen rättslig grund enligt dataskyddsförordningen (kundrelation eller saklig koppling "
        "enligt den upphävda personuppgiftslagen); välj en grund i artikel 6.1 a–f.",
        "\"{term}\" is no legal basis under the GDPR (the customer relationship or relevant connection of the "
        "repealed Personal Data Act); choose one of Art. 6(1)(a)–(f).")),
    LintRule(id="RK-LINT-BASIS-CONTRACT-MARKETING", requirement=R.LEGAL_BASIS, severity=E,
             article="GDPR 6(1)(b); EDPB 2/2019", where=("legal_basis",), message=_t(
                 "Markkinoinnin perusteeksi on kerrottu sopimus, mutta markkinointi ei ole välttämätöntä sopimuksen "
                 "täyttämiseksi (GDPR 6(1)(b); EDPB:n ohjeet 2/2019); käytä suostumusta tai oikeutettua etua.",
                 "Avtalet anges som grund för marknadsföringen, men marknadsföring är inte nödvändig för att fullgöra "
                 "avtalet (GDPR 6(1)(b); EDPB:s riktlinjer 2/2019); använd samtycke eller berättigat intresse.",
                 "The contract is given as the basis of marketing, but marketing is not necessary to perform the "
                 "contract (GDPR 6(1)(b); EDPB Guidelines 2/2019); use consent or legitimate interests.")),
    LintRule(id="RK-LINT-LEGITIMATE-INTEREST", requirement=R.LEGITIMATE_INTERESTS, severity=E,
             article="GDPR 13(1)(d)", missing=True, where=("legal_basis", "purposes"), message=_t(
                 "Seloste vetoaa oikeutettuun etuun kertomatta, mikä etu on kyseessä (GDPR 13(1)(d)).",
                 "Beskrivningen åberopar berättigat intresse utan att säga vilket intresse det gäller "
                 "(GDPR 13(1)(d)).",
                 "The statement relies on legitimate interests without saying what the interest is "
                 "(GDPR 13(1)(d)).")),
    # ------------------------------------------------------------------------------------------- recipients
    LintRule(id="RK-LINT-RECIPIENTS", requirement=R.RECIPIENTS, severity=E, article="GDPR 13(1)(e)",
             missing=True, where=("recipients",), message=_t(
                 "Vastaanottajia tai vastaanottajaryhmiä ei kerrota; jos tietoja ei luovuteta, kerro se "
                 "(GDPR 13(1)(e)).",
                 "Mottagare eller kategorier av mottagare anges inte; om uppgifter inte lämnas ut, säg det "
                 "(GDPR 13(1)(e)).",
                 "No recipients or categories of recipients are given; if nothing is disclosed, say so "
                 "(GDPR 13(1)(e)).")),
    LintRule(id="RK-LINT-RECIPIENTS-VAGUE", requirement=R.RECIPIENTS, severity=W, article="GDPR 13(1)(e); WP260",
             message=_t(
                 "Vastaanottajat kuvataan vain yleisesti (\"{term}\"); nimeä vastaanottajat tai ainakin niiden ryhmä "
                 "toiminnan, toimialan ja sijainnin mukaan (esim. kuljetusliike, maksupalvelu).",
                 "Mottagarna beskrivs bara allmänt (\"{term}\"); ange mottagarna eller åtminstone deras kategori "
                 "efter verksamhet, bransch och plats (t.ex. transportföretag, betaltjänst).",
                 "Recipients are described only in general terms (\"{term}\"); name them, or at least give their "
                 "category by activity, sector and location (e.g. carrier, payment service).")),
    LintRule(id="RK-LINT-TRANSFERS", requirement=R.THIRD_COUNTRY_TRANSFERS, severity=N, article="GDPR 13(1)(f)",
             missing=True, where=("transfers", "recipients"), message=_t(
                 "Seloste ei kerro, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle; kerro myös, jos ei siirretä.",
                 "Beskrivningen säger inte om uppgifter överförs utanför EU eller EES; säg det även om de inte "
                 "överförs.",
                 "The statement does not say whether data is transferred outside the EU/EEA; say so even if it "
                 "is not.")),
    LintRule(id="RK-LINT-TRANSFER-UNDISCLOSED", requirement=R.THIRD_COUNTRY_TRANSFERS, severity=E,
             article="GDPR 13(1)(f)", message=_t(
                 "Seloste nimeää palveluntarjoajan \"{term}\", joka käsittelee tietoja EU:n ja ETA:n ulkopuolella "
                 "(esim. Yhdysvalloissa), mutta ei kerro siirrosta (GDPR 13(1)(f)).",
                 "Beskrivningen nämner tjänsteleverantören \"{term}\" som behandlar uppgifter utanför EU och EES "
                 "(t.ex. i USA) men berättar inte om överföringen (GDPR 13(1)(f)).",
                 "The statement names \"{term}\", which processes data outside the EU/EEA (e.g. in the United "
                 "States), but does not disclose the transfer (GDPR 13(1)(f)).")),
    LintRule(id="RK-LINT-TRANSFER-COUNTRY", requirement=R.THIRD_COUNTRY_TRANSFERS, severity=W,
             article="GDPR 13(1)(f)", message=_t(
                 "Seloste kertoo siirroista EU:n ja ETA:n ulkopuolelle nimeämättä maita; nimeä kolmannet maat.",
                 "Beskrivningen nämner överföringar utanför EU och EES utan att ange länderna; ange tredje länder.",
                 "The statement mentions transfers outside the EU/EEA without naming the countries; name them.")),
    LintRule(id="RK-LINT-TRANSFER-SAFEGUARDS", requirement=R.TRANSFER_SAFEGUARDS, severity=E,
             article="GDPR 13(1)(f), 44–46", missing=True, where=("transfers", "recipients"), message=_t(
                 "Tietoja siirretään EU:n ja ETA:n ulkopuolelle, mutta siirron perustetta (riittävyyspäätös, "
                 "vakiolausekkeet 2021/914 tai muu suojatoimi) ja jäljennöksen saamista ei kerrota "
                 "(GDPR 13(1)(f), 44–46 art.).",
                 "Uppgifter överförs utanför EU och EES men grunden (beslut om adekvat skyddsnivå, "
                 "standardavtalsklausuler 2021/914 eller annan skyddsåtgärd) och hur man får en kopia anges inte "
                 "(GDPR 13(1)(f), artiklarna 44–46).",
                 "Data leaves the EU/EEA but the transfer mechanism (adequacy decision, standard contractual "
                 "clauses 2021/914 or another safeguard) and how to get a copy are not given "
                 "(GDPR 13(1)(f), Arts. 44–46).")),
    LintRule(id="RK-LINT-TRANSFER-COPY", requirement=R.TRANSFER_SAFEGUARDS, severity=E, article="GDPR 13(1)(f)",
             message=_t(
                 "Kerro, miten rekisteröity saa jäljennöksen suojatoimista (esim. vakiolausekkeista) tai missä ne ovat "
                 "saatavilla (GDPR 13(1)(f)).",
                 "Ange hur den registrerade får en kopia av skyddsåtgärderna (t.ex. standardavtalsklausulerna) eller "
                 "var de finns tillgängliga (GDPR 13.1 f).",
                 "Say how to obtain a copy of the safeguards (e.g. the standard contractual clauses) or where they "
                 "are available (GDPR 13(1)(f)).")),
    # ------------------------------------------------------------------------------------------- retention
    LintRule(id="RK-LINT-RETENTION", requirement=R.RETENTION, severity=E, article="GDPR 13(2)(a)",
             missing=True, where=("retention",), message=_t(
                 "Säilytysaika tai sen määrittämisperusteet puuttuvat (GDPR 13(2)(a)).",
                 "Lagringstiden eller kriterierna för att fastställa den saknas (GDPR 13(2)(a)).",
                 "The retention period or the criteria used to determine it are missing (GDPR 13(2)(a)).")),
    LintRule(id="RK-LINT-RETENTION-VAGUE", requirement=R.RETENTION, severity=W, article="GDPR 13(2)(a); WP260",
             message=_t(
                 "Säilytysaika on epämääräinen (\"{term}\"); ilmoita aika tai konkreettiset kriteerit "
                 "käyttötarkoituksittain, myös kirjanpitoaineiston säilytys.",
                 "Lagringstiden är vag (\"{term}\"); ange en tid eller konkreta kriterier per ändamål, även för "
                 "bokföringsmaterial.",
                 "The retention period is vague (\"{term}\"); give a period or concrete criteria per purpose, "
                 "including for accounting records.")),
    # ------------------------------------------------------------------------------------------- rights
    LintRule(id="RK-LINT-RIGHT-ACCESS", requirement=R.RIGHT_ACCESS, severity=E, article="GDPR 13(2)(b), 15",
             missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta saada pääsy omiin tietoihin puuttuu (GDPR 13(2)(b), 15 art.).",
                 "Uppgift om rätten att få tillgång till sina uppgifter saknas (GDPR 13(2)(b), artikel 15).",
                 "The right of access is not explained (GDPR 13(2)(b), Art. 15).")),
    LintRule(id="RK-LINT-RIGHT-RECTIFICATION", requirement=R.RIGHT_RECTIFICATION, severity=E,
             article="GDPR 13(2)(b), 16", missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta tietojen oikaisemiseen puuttuu (GDPR 13(2)(b), 16 art.).",
                 "Uppgift om rätten till rättelse saknas (GDPR 13(2)(b), artikel 16).",
                 "The right to rectification is not explained (GDPR 13(2)(b), Art. 16).")),
    LintRule(id="RK-LINT-RIGHT-ERASURE", requirement=R.RIGHT_ERASURE, severity=E, article="GDPR 13(2)(b), 17",
             missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta tietojen poistamiseen puuttuu (GDPR 13(2)(b), 17 art.).",
                 "Uppgift om rätten till radering saknas (GDPR 13(2)(b), artikel 17).",
                 "The right to erasure is not explained (GDPR 13(2)(b), Art. 17).")),
    LintRule(id="RK-LINT-RIGHT-RESTRICTION", requirement=R.RIGHT_RESTRICTION, severity=E,
             article="GDPR 13(2)(b), 18", missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta käsittelyn rajoittamiseen puuttuu (GDPR 13(2)(b), 18 art.).",
                 "Uppgift om rätten till begränsning av behandlingen saknas (GDPR 13(2)(b), artikel 18).",
                 "The right to restriction of processing is not explained (GDPR 13(2)(b), Art. 18).")),
    LintRule(id="RK-LINT-RIGHT-PORTABILITY", requirement=R.RIGHT_PORTABILITY, severity=E,
             article="GDPR 13(2)(b), 20", missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta siirtää tiedot järjestelmästä toiseen puuttuu (GDPR 13(2)(b), 20 art.).",
                 "Uppgift om rätten till dataportabilitet saknas (GDPR 13(2)(b), artikel 20).",
                 "The right to data portability is not explained (GDPR 13(2)(b), Art. 20).")),
    LintRule(id="RK-LINT-RIGHT-OBJECT", requirement=R.RIGHT_OBJECT, severity=E, article="GDPR 13(2)(b), 21",
             missing=True, where=("rights",), message=_t(
                 "Tieto oikeudesta vastustaa henkilötietojen käsittelyä puuttuu (GDPR 13(2)(b), 21 art.).",
                 "Uppgift om rätten att invända mot behandlingen saknas (GDPR 13(2)(b), artikel 21).",
                 "The right to object is not explained (GDPR 13(2)(b), Art. 21).")),
    LintRule(id="RK-LINT-RIGHT-OBJECT-LIKELY", requirement=R.RIGHT_OBJECT, severity=W, article="GDPR 13(2)(b), 21(1)",
             message=_t(
                 "Käyttötarkoitus (\"{term}\") perustuu yleensä oikeutettuun etuun, jolloin rekisteröidyllä on "
                 "oikeus vastustaa käsittelyä; seloste ei kerro tästä oikeudesta.",
                 "Ändamålet (\"{term}\") grundar sig i regel på berättigat intresse, och då har den registrerade "
                 "rätt att invända; beskrivningen nämner inte den rätten.",
                 "The purpose (\"{term}\") usually rests on legitimate interests, which gives data subjects the "
                 "right to object; the statement does not mention that right.")),
    LintRule(id="RK-LINT-OBJECT-MARKETING-ONLY", requirement=R.RIGHT_OBJECT, severity=E,
             article="GDPR 13(2)(b), 21(1)", where=("rights",), message=_t(
                 "Seloste kertoo vain oikeudesta kieltää suoramarkkinointi, vaikka muuta käsittelyä perustetaan "
                 "oikeutettuun etuun; kerro myös oikeudesta vastustaa sitä käsittelyä (GDPR 21(1) art.).",
                 "Beskrivningen nämner bara rätten att motsätta sig direktmarknadsföring, fast annan behandling "
                 "grundas på berättigat intresse; ange också rätten att invända mot den behandlingen (GDPR artikel "
                 "21.1).",
                 "The statement gives only the right to object to direct marketing, although other processing rests "
                 "on legitimate interests; explain the right to object to that processing too (GDPR Art. 21(1)).")),
    LintRule(id="RK-LINT-OBJECT-SEPARATE", requirement=R.RIGHT_OBJECT, severity=W, article="GDPR 21(4)",
             message=_t(
                 "Vastustamisoikeus mainitaan vain muun tekstin seassa; se on esitettävä selkeästi ja erillään "
                 "muista tiedoista (GDPR 21(4)).",
                 "Rätten att invända nämns bara mitt i annan text; den ska presenteras tydligt och skilt från "
                 "annan information (GDPR 21.4).",
                 "The right to object is mentioned only within other text; it must be presented clearly and "
                 "separately from other information (GDPR 21(4)).")),
    LintRule(id="RK-LINT-WITHDRAW-CONSENT", requirement=R.WITHDRAW_CONSENT, severity=E,
             article="GDPR 13(2)(c), 7(3)", missing=True, where=("rights",), message=_t(
                 "Osa käsittelystä perustuu suostumukseen, mutta oikeudesta peruuttaa suostumus milloin tahansa ei "
                 "kerrota (GDPR 13(2)(c), 7(3)).",
                 "En del av behandlingen grundar sig på samtycke, men rätten att när som helst återkalla samtycket "
                 "nämns inte (GDPR 13(2)(c), 7.3).",
                 "Some processing rests on consent, but the right to withdraw consent at any time is not "
                 "explained (GDPR 13(2)(c), 7(3)).")),
    LintRule(id="RK-LINT-COMPLAINT", requirement=R.COMPLAINT_AUTHORITY, severity=E, article="GDPR 13(2)(d), 77",
             missing=True, where=("rights", "complaint"), message=_t(
                 "Tieto oikeudesta tehdä valitus valvontaviranomaiselle (Suomessa tietosuojavaltuutettu) puuttuu "
                 "(GDPR 13(2)(d), 77 art.).",
                 "Uppgift om rätten att lämna in klagomål till en tillsynsmyndighet (i Finland dataombudsmannen) "
                 "saknas (GDPR 13(2)(d), artikel 77).",
                 "The right to lodge a complaint with a supervisory authority (in Finland the Data Protection "
                 "Ombudsman) is not explained (GDPR 13(2)(d), Art. 77).")),
    # The former addresses of the authority in the lexicon are [M, uncertain]; the current one is [V] (laws.py).
    LintRule(id="RK-LINT-COMPLAINT-ADDRESS", requirement=R.COMPLAINT_AUTHORITY, severity=W, article="GDPR 77",
             message=_t(
                 "Valvontaviranomaisen yhteystieto \"{term}\" on vanhentunut; nykyinen osoite on "
                 "Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja.fi.",
                 "Tillsynsmyndighetens kontaktuppgift \"{term}\" är föråldrad; den nuvarande är Dataombudsmannens "
                 "byrå, PB 800, 00531 Helsingfors, tietosuoja.fi.",
                 "The supervisory authority's contact detail \"{term}\" is out of date; it is now the Office of the "
                 "Data Protection Ombudsman, P.O. Box 800, 00531 Helsinki, tietosuoja.fi.")),
    LintRule(id="RK-LINT-STATUTORY", requirement=R.STATUTORY_REQUIREMENT, severity=E, article="GDPR 13(2)(e)",
             missing=True, where=("data_categories", "purposes"), message=_t(
                 "Kerro, onko tietojen antaminen lakisääteinen tai sopimukseen perustuva vaatimus, onko tiedot "
                 "pakko antaa ja mitä antamatta jättämisestä seuraa (GDPR 13(2)(e)).",
                 "Ange om uppgifterna är ett lagstadgat eller avtalsenligt krav, om de måste lämnas och vad som "
                 "händer om de inte lämnas (GDPR 13(2)(e)).",
                 "Say whether providing the data is a statutory or contractual requirement, whether it is "
                 "obligatory and what happens if it is not provided (GDPR 13(2)(e)).")),
    LintRule(id="RK-LINT-AUTOMATED", requirement=R.AUTOMATED_DECISIONS, severity=N, article="GDPR 13(2)(f)",
             missing=True, where=("automated", "purposes"), message=_t(
                 "Suositus: kerro, tehdäänkö automaattisia päätöksiä tai profilointia, myös jos ei tehdä.",
                 "Rekommendation: ange om automatiserade beslut eller profilering förekommer, även om de inte "
                 "gör det.",
                 "Recommended: say whether automated decisions or profiling take place, even if they do not.")),
    LintRule(id="RK-LINT-AUTOMATED-INFO", requirement=R.AUTOMATED_DECISIONS, severity=W,
             article="GDPR 13(2)(f), 22", message=_t(
                 "Seloste mainitsee profiloinnin tai automaattisen päätöksenteon (\"{term}\") kertomatta sen "
                 "logiikkaa, merkitystä ja seurauksia tai sitä, tehdäänkö sillä 22 artiklan päätöksiä.",
                 "Beskrivningen nämner profilering eller automatiserat beslutsfattande (\"{term}\") utan att ange "
                 "logiken, betydelsen och följderna eller om beslut enligt artikel 22 fattas.",
                 "The statement mentions profiling or automated decisions (\"{term}\") without their logic, "
                 "significance and consequences, or whether Art. 22 decisions are made.")),
    LintRule(id="RK-LINT-DATA-CATEGORIES", requirement=R.DATA_CATEGORIES, severity=N, article="GDPR 14(1)(d)",
             missing=True, where=("data_categories",), message=_t(
                 "Käsiteltävien henkilötietojen ryhmiä ei luetella (pakollinen, kun tietoja saadaan muualta kuin "
                 "rekisteröidyltä, GDPR 14(1)(d)).",
                 "Kategorierna av personuppgifter anges inte (obligatoriskt när uppgifter inte fås från den "
                 "registrerade, GDPR 14.1 d).",
                 "The categories of personal data are not listed (required when data is not obtained from the "
                 "data subject, GDPR 14(1)(d)).")),
    LintRule(id="RK-LINT-SOURCES", requirement=R.SOURCES, severity=E, article="GDPR 14(2)(f)",
             missing=True, where=("sources",), message=_t(
                 "Tietoja saadaan muualta kuin rekisteröidyltä, mutta lähdettä ei kerrota (GDPR 14(2)(f)).",
                 "Uppgifter fås från annat håll än den registrerade men källan anges inte (GDPR 14.2 f).",
                 "Data comes from others than the data subject but the source is not given (GDPR 14(2)(f)).")),
    LintRule(id="RK-LINT-SOURCE-VAGUE", requirement=R.SOURCES, severity=W, article="GDPR 14(2)(f); WP260",
             message=_t(
                 "Tietolähde \"{term}\" on kuvattu vain tyypiltään; nimeä lähde ja kerro, onko se yleisesti "
                 "saatavilla (GDPR 14(2)(f)).",
                 "Uppgiftskällan \"{term}\" beskrivs bara till sin typ; ange källan och om den är allmänt "
                 "tillgänglig (GDPR 14.2 f).",
                 "The source \"{term}\" is described only by its type; name the source and say whether it is "
                 "publicly available (GDPR 14(2)(f)).")),
    # ------------------------------------------------------------------------------------------- cookies
    LintRule(id="RK-LINT-COOKIE-DETAILS", requirement=R.COOKIE_DETAILS, severity=E,
             article="917/2014 205 §; C-673/17", missing=True, where=("cookies",), message=_t(
                 "Evästeet mainitaan, mutta niitä ei yksilöidä: kerro jokaisesta evästeestä nimi, käyttötarkoitus, "
                 "voimassaoloaika, asettaja ja onko se kolmannen osapuolen eväste (laki sähköisen viestinnän "
                 "palveluista 205 §, EUT C-673/17).",
                 "Kakor nämns men specificeras inte: ange för varje kaka namn, ändamål, giltighetstid, vem som "
                 "sätter den och om den är en tredjepartskaka (lagen om tjänster inom elektronisk kommunikation "
                 "205 §, EU-domstolen C-673/17).",
                 "Cookies are mentioned but not itemised: give each cookie's name, purpose, lifetime, provider and "
                 "whether it is third-party (Act 917/2014 s. 205, CJEU C-673/17).")),
    LintRule(id="RK-LINT-COOKIE-CONSENT", requirement=R.COOKIE_CONSENT, severity=E, article="917/2014 205 §",
             message=_t(
                 "Seloste kertoo muista kuin välttämättömistä evästeistä (esim. kävijäseuranta, markkinointi), "
                 "mutta ei ennakkosuostumuksesta; ne edellyttävät käyttäjän suostumusta (laki sähköisen viestinnän "
                 "palveluista 205 §).",
                 "Beskrivningen nämner andra än nödvändiga kakor (t.ex. besöksstatistik, marknadsföring) men inget "
                 "förhandssamtycke; de kräver användarens samtycke (205 § i lagen om tjänster inom elektronisk "
                 "kommunikation).",
                 "The statement describes non-necessary cookies (e.g. visitor tracking, marketing) but no prior "
                 "consent; they need the user's consent (Act 917/2014 s. 205).")),
    LintRule(id="RK-LINT-COOKIE-CONSENT-UNSTATED", requirement=R.COOKIE_CONSENT, severity=W, article="917/2014 205 §",
             message=_t(
                 "Seloste kertoo evästeistä sanomatta, ovatko ne kaikki välttämättömiä, eikä mainitse suostumusta; "
                 "muut kuin välttämättömät evästeet edellyttävät käyttäjän ennakkosuostumusta (laki sähköisen "
                 "viestinnän palveluista 205 §).",
                 "Beskrivningen nämner kakor utan att säga om alla är nödvändiga och utan ett ord om samtycke; andra "
                 "än nödvändiga kakor kräver användarens förhandssamtycke (205 § i lagen om tjänster inom elektronisk "
                 "kommunikation).",
                 "The statement mentions cookies without saying whether they are all strictly necessary, and says "
                 "nothing of consent; non-necessary cookies need the user's prior consent (Act 917/2014 s. 205).")),
    LintRule(id="RK-LINT-COOKIE-IMPLIED", requirement=R.COOKIE_CONSENT, severity=E,
             article="917/2014 205 §; GDPR 4(11); EDPB 05/2020", message=_t(
                 "\"Käyttämällä sivustoa hyväksyt evästeet\" ei ole pätevä suostumus; suostumus edellyttää "
                 "aktiivista valintaa ennen evästeiden asettamista (EDPB 05/2020).",
                 "\"Genom att använda webbplatsen godkänner du kakor\" är inget giltigt samtycke; samtycke kräver "
                 "ett aktivt val innan kakor sätts (EDPB 05/2020).",
                 "\"By using the site you accept cookies\" is no valid consent; consent needs an active choice "
                 "before cookies are set (EDPB 05/2020).")),
    LintRule(id="RK-LINT-COOKIE-BROWSER", requirement=R.COOKIE_CONSENT, severity=E,
             article="917/2014 205 §; Helsinki HaO 2021; Traficom 2021", message=_t(
                 "Selaimen evästeasetukset eivät ole pätevä suostumus (Helsingin hallinto-oikeus 2021, Traficomin "
                 "evästeohje); kysy suostumus ennen muiden kuin välttämättömien evästeiden asettamista.",
                 "Webbläsarens inställningar är inget giltigt samtycke (Helsingfors förvaltningsdomstol 2021, "
                 "Traficoms anvisning om kakor); be om samtycke innan andra än nödvändiga kakor sätts.",
                 "Browser settings are no valid consent (Helsinki Administrative Court 2021, Traficom's cookie "
                 "guidance); ask for consent before setting non-necessary cookies.")),
    LintRule(id="RK-LINT-COOKIE-OPT-OUT", requirement=R.COOKIE_CONSENT, severity=W, article="917/2014 205 §",
             message=_t(
                 "Muut kuin välttämättömät evästeet kuvataan estettävinä jälkikäteen; niitä saa asettaa vasta "
                 "käyttäjän annettua suostumuksen (laki sähköisen viestinnän palveluista 205 §).",
                 "Andra än nödvändiga kakor beskrivs som något man kan blockera i efterhand; de får sättas först "
                 "när användaren har samtyckt (205 § i lagen om tjänster inom elektronisk kommunikation).",
                 "Non-necessary cookies are described as something to block afterwards; they may only be set once "
                 "the user has consented (Act 917/2014 s. 205).")),
    LintRule(id="RK-LINT-COOKIE-PRETICKED", requirement=R.COOKIE_CONSENT, severity=E,
             article="917/2014 205 §; C-673/17", message=_t(
                 "Valmiiksi valitut evästeluokat eivät ole pätevä suostumus (EUT C-673/17 Planet49).",
                 "Förvalda kakkategorier är inget giltigt samtycke (EU-domstolen C-673/17 Planet49).",
                 "Pre-ticked cookie categories are no valid consent (CJEU C-673/17 Planet49).")),
    LintRule(id="RK-LINT-COOKIE-LEGIT-INTEREST", requirement=R.COOKIE_CONSENT, severity=E,
             article="917/2014 205 §", message=_t(
                 "Muita kuin välttämättömiä evästeitä ei voi perustaa oikeutettuun etuun; ne edellyttävät "
                 "suostumusta (laki sähköisen viestinnän palveluista 205 §).",
                 "Andra än nödvändiga kakor kan inte grunda sig på berättigat intresse; de kräver samtycke "
                 "(205 § i lagen om tjänster inom elektronisk kommunikation).",
                 "Non-necessary cookies cannot rest on legitimate interests; they need consent "
                 "(Act 917/2014 s. 205).")),
    # ------------------------------------------------------------------------------------------- marketing & special
    LintRule(id="RK-LINT-DIRECT-MARKETING", requirement=R.DIRECT_MARKETING, severity=W,
             article="917/2014 200 §; GDPR 21(2)", message=_t(
                 "Suoramarkkinointi mainitaan ilman suostumusta tai asiakassuhdepoikkeuksen ehtoja; sähköpostilla "
                 "ja tekstiviestillä kuluttajille markkinointi edellyttää ennakkosuostumusta, ellei poikkeus täyty "
                 "(laki sähköisen viestinnän palveluista 200 §).",
                 "Direktmarknadsföring nämns utan samtycke eller villkoren för undantaget för befintliga kunder; "
                 "marknadsföring till konsumenter per e-post och sms kräver förhandssamtycke om inte undantaget "
                 "gäller (200 § i lagen om tjänster inom elektronisk kommunikation).",
                 "Direct marketing is mentioned without consent or the existing-customer exception; e-mail and SMS "
                 "marketing to consumers needs prior consent unless the exception applies (Act 917/2014 s. 200).")),
    LintRule(id="RK-LINT-SPECIAL-CATEGORIES", requirement=R.SPECIAL_CATEGORIES, severity=E,
             article="GDPR 9(1)–(2)", message=_t(
                 "Seloste viittaa erityisiin henkilötietoryhmiin (\"{term}\") ilman 9(2) artiklan mukaista "
                 "perustetta, esim. nimenomaista suostumusta.",
                 "Beskrivningen nämner särskilda kategorier av personuppgifter (\"{term}\") utan en grund enligt "
                 "artikel 9.2, t.ex. uttryckligt samtycke.",
                 "The statement refers to special categories of data (\"{term}\") without an Art. 9(2) condition "
                 "such as explicit consent.")),
    # The age of 13 is [S]; that it is Tietosuojalaki 1050/2018 5 § is [M] (research notes §2.3), not re-checked.
    LintRule(id="RK-LINT-CHILDREN", requirement=R.CHILDREN, severity=W, article="GDPR 8; Tietosuojalaki 5 §",
             message=_t(
                 "Seloste mainitsee lapset (\"{term}\") kertomatta, miten alle 13-vuotiaiden suostumus hoidetaan "
                 "(GDPR 8 art.; tietosuojalaki 5 §).",
                 "Beskrivningen nämner barn (\"{term}\") utan att säga hur samtycke för barn under 13 år hanteras "
                 "(GDPR artikel 8; dataskyddslagen 5 §).",
                 "The statement mentions children (\"{term}\") without saying how consent for children under 13 is "
                 "handled (GDPR Art. 8; Finnish Data Protection Act s. 5).")),
    LintRule(id="RK-LINT-CREDIT-CHECK", requirement=R.CREDIT_CHECK, severity=E,
             article="Luottotietolaki 527/2007; GDPR 14(2)(f)", message=_t(
                 "Luottotietoja käytetään (\"{term}\"), mutta luottotietorekisteriä ei nimetä; rekisteröidylle on "
                 "kerrottava etukäteen luottotietojen käytöstä ja niiden lähteestä (luottotietolaki 527/2007).",
                 "Kreditupplysningar används (\"{term}\") men kreditupplysningsregistret anges inte; den "
                 "registrerade ska i förväg informeras om användningen och källan (kreditupplysningslagen "
                 "527/2007).",
                 "Credit information is used (\"{term}\") but the credit register is not named; the data subject "
                 "must be told in advance of the use and the source (Credit Information Act 527/2007).")),
    # HetiL 28 § (a signed request) is [M]; GDPR 12(2)-(3) and 12(6) are the GDPR text.
    LintRule(id="RK-LINT-SIGNED-REQUEST", requirement=R.ACCESS_REQUEST_FORM, severity=W,
             article="GDPR 12(2)–(3), 12(6)", message=_t(
                 "Vaatimus kirjallisesta, allekirjoitetusta pyynnöstä on peräisin henkilötietolaista; GDPR:n "
                 "mukaan oikeuksien käyttöä on helpotettava ja pyynnön voi tehdä myös sähköisesti (12 art.).",
                 "Kravet på en skriftlig, undertecknad begäran kommer från den upphävda personuppgiftslagen; "
                 "enligt GDPR ska utövandet underlättas och en begäran kan göras elektroniskt (artikel 12).",
                 "Demanding a signed written request comes from the repealed Personal Data Act; under the GDPR "
                 "exercising rights must be made easy and requests can be made electronically (Art. 12).")),
    LintRule(id="RK-LINT-REQUEST-FEE", requirement=R.ACCESS_REQUEST_FORM, severity=E, article="GDPR 12(5)",
             message=_t(
                 "Oikeuksien käyttäminen on maksutonta; maksun voi periä vain ilmeisen perusteettomista tai "
                 "kohtuuttomista pyynnöistä (GDPR 12(5)).",
                 "Det är avgiftsfritt att utöva rättigheterna; avgift får tas ut endast för uppenbart ogrundade "
                 "eller orimliga begäranden (GDPR 12.5).",
                 "Exercising rights is free of charge; a fee may only be charged for manifestly unfounded or "
                 "excessive requests (GDPR 12(5)).")),
    # Facilitating the exercise of rights is GDPR 12(2), as for RK-LINT-SIGNED-REQUEST.
    LintRule(id="RK-LINT-IN-PERSON-REQUEST", requirement=R.ACCESS_REQUEST_FORM, severity=W,
             article="GDPR 12(2)–(3)", message=_t(
                 "Pyyntö vaaditaan esittämään henkilökohtaisesti paikan päällä; GDPR:n mukaan oikeuksien käyttöä on "
                 "helpotettava, ja pyynnön on voitava tehdä myös kirjallisesti tai sähköisesti (12 art.).",
                 "Begäran måste lämnas personligen på plats; enligt GDPR ska utövandet underlättas och en begäran "
                 "ska kunna göras skriftligt eller elektroniskt (artikel 12).",
                 "The request must be made in person on the premises; under the GDPR exercising rights must be "
                 "made easy and requests can be made in writing or electronically (Art. 12).")),
    LintRule(id="RK-LINT-ONCE-A-YEAR", requirement=R.ACCESS_REQUEST_FORM, severity=W, article="GDPR 12(5)",
             message=_t(
                 "\"Kerran vuodessa maksutta\" on henkilötietolain sääntö; GDPR:n mukaan oikeuksien käyttäminen on "
                 "maksutonta (12(5)).",
                 "\"En gång per år avgiftsfritt\" är en regel i den upphävda personuppgiftslagen; enligt GDPR är "
                 "utövandet avgiftsfritt (12.5).",
                 "\"Once a year free of charge\" is a rule of the repealed Personal Data Act; under the GDPR "
                 "exercising rights is free (12(5)).")),
    # ------------------------------------------------------------------------------------------- outdated law
    LintRule(id="RK-LINT-HETIL", requirement=R.OUTDATED_LAW, severity=E, article="Tietosuojalaki 1050/2018",
             message=_t(
                 "Seloste viittaa kumottuun henkilötietolakiin 523/1999 (\"{term}\"); tietosuojalaki (1050/2018) on "
                 "ollut voimassa 1.1.2019 alkaen. Päivitä viittaukset tietosuoja-asetukseen ja tietosuojalakiin.",
                 "Beskrivningen hänvisar till den upphävda personuppgiftslagen 523/1999 (\"{term}\"); "
                 "dataskyddslagen (1050/2018) gäller sedan 1.1.2019. Uppdatera hänvisningarna till "
                 "dataskyddsförordningen och dataskyddslagen.",
                 "The statement cites the repealed Personal Data Act 523/1999 (\"{term}\"); the Data Protection Act "
                 "(1050/2018) has applied since 1 January 2019. Cite the GDPR and the Data Protection Act instead.")),
    LintRule(id="RK-LINT-ESVTL", requirement=R.OUTDATED_LAW, severity=W, article="917/2014", message=_t(
        "Sähköisen viestinnän tietosuojalaki (516/2004) kumottiin 1.1.2015; viittaa lakiin sähköisen viestinnän "
        "palveluista (917/2014).",
        "Lagen om dataskydd vid elektronisk kommunikation (516/2004) upphävdes 1.1.2015; hänvisa till lagen om "
        "tjänster inom elektronisk kommunikation (917/2014).",
        "The Act on the Protection of Privacy in Electronic Communications (516/2004) was repealed on 1 January "
        "2015; cite the Act on Electronic Communications Services (917/2014).")),
    LintRule(id="RK-LINT-TIETOYHTEISKUNTAKAARI", requirement=R.OUTDATED_LAW, severity=N, article="917/2014",
             message=_t(
                 "Tietoyhteiskuntakaaren nimi on nykyisin laki sähköisen viestinnän palveluista (917/2014).",
                 "Informationssamhällsbalken heter numera lagen om tjänster inom elektronisk kommunikation "
                 "(917/2014).",
                 "The Information Society Code is now called the Act on Electronic Communications Services "
                 "(917/2014).")),
    LintRule(id="RK-LINT-DIRECTIVE", requirement=R.OUTDATED_LAW, severity=W, article="GDPR 94", message=_t(
        "Direktiivi 95/46/EY on kumottu; viittaa tietosuoja-asetukseen (EU) 2016/679.",
        "Direktiv 95/46/EG har upphävts; hänvisa till dataskyddsförordningen (EU) 2016/679.",
        "Directive 95/46/EC was repealed; cite the GDPR, Regulation (EU) 2016/679.")),
    LintRule(id="RK-LINT-PRIVACY-SHIELD", requirement=R.OUTDATED_LAW, severity=E, article="C-311/18; C-362/14",
             message=_t(
                 "Privacy Shield- ja Safe Harbor -järjestelyt on mitätöity (EUT C-311/18 ja C-362/14); ne eivät "
                 "ole voimassa olevia siirtoperusteita.",
                 "Privacy Shield och Safe Harbor har ogiltigförklarats (EU-domstolen C-311/18 och C-362/14); de är "
                 "inga giltiga överföringsgrunder.",
                 "The Privacy Shield and Safe Harbor were invalidated (CJEU C-311/18 and C-362/14); they are no "
                 "valid transfer mechanism.")),
    # The repeal of the old SCCs by Decision (EU) 2021/914 (its Art. 4) is [M]; 2021/914 itself is [V].
    LintRule(id="RK-LINT-OLD-SCC", requirement=R.OUTDATED_LAW, severity=E, article="Decision (EU) 2021/914",
             message=_t(
                 "Vanhat vakiolausekkeet (\"{term}\") eivät enää kelpaa; käytä komission päätöksen (EU) 2021/914 "
                 "vakiolausekkeita.",
                 "De gamla standardavtalsklausulerna (\"{term}\") gäller inte längre; använd klausulerna i "
                 "kommissionens beslut (EU) 2021/914.",
                 "The old standard contractual clauses (\"{term}\") are no longer valid; use those of Commission "
                 "Decision (EU) 2021/914.")),
    LintRule(id="RK-LINT-REKISTERISELOSTE", requirement=R.OUTDATED_LAW, severity=N, article="GDPR 13–14",
             message=_t(
                 "\"{term}\" on henkilötietolain 10 §:n mukainen vanha asiakirja; tietosuojaseloste kertoo "
                 "rekisteröidylle GDPR 13–14 artiklan tiedot.",
                 "\"{term}\" är det gamla dokumentet enligt 10 § i den upphävda personuppgiftslagen; en "
                 "dataskyddsbeskrivning ger den registrerade uppgifterna i GDPR artiklarna 13–14.",
                 "\"{term}\" is the old document of the repealed Personal Data Act (s. 10); a privacy notice gives "
                 "the data subject the information of GDPR Arts. 13–14.")),
    LintRule(id="RK-LINT-TARKASTUSOIKEUS", requirement=R.OUTDATED_LAW, severity=W, article="GDPR 15", message=_t(
        "\"{term}\" viittaa henkilötietolain 26 §:ään; nykyisin kyse on oikeudesta saada pääsy tietoihin "
        "(GDPR 15 art.).",
        "\"{term}\" hänvisar till 26 § i den upphävda personuppgiftslagen; i dag är det rätten till tillgång "
        "(GDPR artikel 15).",
        "\"{term}\" refers to s. 26 of the repealed Personal Data Act; today it is the right of access "
        "(GDPR Art. 15).")),
    # "Kielto-oikeus" as HetiL 30 § is [M] (research notes §5), not re-checked against Finlex.
    LintRule(id="RK-LINT-KIELTO-OIKEUS", requirement=R.OUTDATED_LAW, severity=W, article="GDPR 21", message=_t(
        "\"{term}\" viittaa henkilötietolain 30 §:ään; nykyisin kyse on oikeudesta vastustaa käsittelyä "
        "(GDPR 21 art.).",
        "\"{term}\" hänvisar till 30 § i den upphävda personuppgiftslagen; i dag är det rätten att invända "
        "(GDPR artikel 21).",
        "\"{term}\" refers to s. 30 of the repealed Personal Data Act; today it is the right to object "
        "(GDPR Art. 21).")),
    # Viestintävirasto → Traficom from 1.1.2019 and the abolition of the Tietosuojalautakunta are [M].
    LintRule(id="RK-LINT-OLD-AUTHORITY", requirement=R.OUTDATED_LAW, severity=N, article="—", message=_t(
        "\"{term}\" ei enää toimi tällä nimellä (Viestintävirasto on nykyisin Traficom; tietosuojalautakuntaa ei "
        "ole).",
        "\"{term}\" finns inte längre under det namnet (Kommunikationsverket är numera Traficom; "
        "datasekretessnämnden finns inte).",
        "\"{term}\" no longer exists under that name (FICORA is now Traficom; the Data Protection Board was "
        "abolished).")),
    # ------------------------------------------------------------------------------------------- clarity
    LintRule(id="RK-LINT-VAGUE-PURPOSE", requirement=R.CLARITY, severity=W, article="GDPR 5(1)(b), 12(1); WP260",
             message=_t(
                 "Käyttötarkoitus \"{term}\" on liian yleinen; kerro täsmällisesti, mitä käsittely on (GDPR 5(1)(b)).",
                 "Ändamålet \"{term}\" är för allmänt; säg exakt vad behandlingen består av (GDPR 5.1 b).",
                 "The purpose \"{term}\" is too general; say exactly what the processing is (GDPR 5(1)(b)).")),
    LintRule(id="RK-LINT-IP-ANONYMOUS", requirement=R.CLARITY, severity=W,
             article="GDPR 4(1), recital 30; C-582/14 Breyer", message=_t(
        "Seloste esittää IP-osoitteet tai kävijätiedot anonyymeinä tai henkilöön yhdistämättöminä. IP-osoite on "
        "henkilötieto, kun sivuston ylläpitäjällä on oikeudelliset keinot tunnistaa henkilö lisätietojen avulla "
        "(EUT C-582/14 Breyer; tietosuoja-asetuksen johdanto-osan 30 kappale); kerro, miten niitä käsitellään.",
        "Beskrivningen framställer IP-adresser eller besöksdata som anonyma eller omöjliga att koppla till en person. "
        "En IP-adress är en personuppgift när webbplatsens innehavare har rättsliga medel att identifiera personen "
        "med hjälp av ytterligare uppgifter (EU-domstolen C-582/14 Breyer; skäl 30 i dataskyddsförordningen); ange "
        "hur de behandlas.",
        "The statement presents IP addresses or visit data as anonymous or impossible to link to a person. An IP "
        "address is personal data where the site operator has the legal means to identify the person with "
        "additional data (CJEU C-582/14 Breyer; GDPR recital 30); say how it is processed instead.")),
    LintRule(id="RK-LINT-VAGUE", requirement=R.CLARITY, severity=W, article="GDPR 12(1); WP260", message=_t(
        "Epämääräinen tai avoin ilmaus ({term}); kerro täsmällisesti, mitä tietoja käsitellään, mihin ja kenelle.",
        "Vag eller öppen formulering ({term}); ange exakt vilka uppgifter som behandlas, för vad och till vem.",
        "Vague or open-ended wording ({term}); say exactly what data is processed, for what and by whom.")),
)

#: Every lint rule by id.
RULES: dict[str, LintRule] = {r.id: r for r in _RULES}


def rule(rule_id: str) -> LintRule:
    """The lint rule ``rule_id``.

    Raises:
        KeyError: no such rule.
    """
    return RULES[rule_id]
