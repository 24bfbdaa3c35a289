"""The structure of a statement in prose: headings, sections and sentences.

Headings are found in four shapes: marked up (``<h2>``, ``## …``), numbered (``4. Rekisterin käyttötarkoitus``,
``4 Rekisterin käyttötarkoitus``), unnumbered short lines that read like a heading of some known section
(``Rekisterin suojaus``), and run-in labels (``Rekisteriasioita hoitava henkilö: Jyri Tähtelä``, ``Retention. …``,
or an FAQ question answered on its line: ``Who sees my data? …``). A heading's
section kinds (controller, purposes, retention, …) come from the heading lexicons of all three languages, so a
bilingual statement is read section by section.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from attrs import define

from rekisterikit.lint.document import Document, SourceLine
from rekisterikit.lint.language import detect_language
from rekisterikit.lint.lexicon import fold, lexicon
from rekisterikit.model.values import Language

__all__ = ["Section", "Structure", "Unit", "classify_heading", "parse"]


@define(frozen=True, kw_only=True)
class Unit:
    """A sentence, list item or heading: the smallest piece of text the linter quotes.

    Attributes:
        index: position in the statement.
        text: the text, white space collapsed.
        line: the line it starts on in the original file.
        section: index of the section it belongs to.
        heading: the unit is a section heading.
        item: the unit is a list item.
    """

    index: int
    text: str
    line: int
    section: int
    heading: bool = False
    item: bool = False


@define(frozen=True, kw_only=True)
class Section:
    """A section of the statement: a heading and the units up to the next heading.

    Attributes:
        index: position in the statement (0 is the text before the first heading).
        kinds: what the heading says the section is about (``("controller", "contact_person")``); empty for an
            unrecognised heading and for the preamble.
        heading: the heading text without its number, or ``None`` for the preamble.
        line: the line of the heading (or of the first text, for the preamble).
        language: the language of the section's text.
        units: indices of its units, heading included.
    """

    index: int
    kinds: tuple[str, ...]
    heading: str | None
    line: int
    language: Language
    units: range

    @property
    def body(self) -> range:
        """Indices of the units after the heading."""
        return self.units if self.heading is None else range(self.units.start + 1, self.units.stop)

    def describe(self) -> str:
        """The section as a finding's path: ``section "Rekisterin suojaus" (line 45)``."""
        if self.heading is None:
            return f"line {self.line}"
        return f'section "{self.heading}" (line {self.line})'


@define(frozen=True, kw_only=True)
class Structure:
    """A statement's sections and units, and its (dominant) language."""

    units: tuple[Unit, ...]
    sections: tuple[Section, ...]
    language: Language

    def sections_of(self, kind: str) -> tuple[Section, ...]:
        """The sections whose heading is about ``kind``."""
        return tuple(s for s in self.sections if kind in s.kinds)

    def units_in(self, kinds: Iterable[str]) -> frozenset[int]:
        """Indices of the body units of every section about one of ``kinds``."""
        wanted = set(kinds)
        return frozenset(i for s in self.sections if wanted.intersection(s.kinds) for i in s.body)

    def section_of(self, unit: int) -> Section:
        """The section unit ``unit`` belongs to."""
        return self.sections[self.units[unit].section]


_NUMBERED = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+)(?=\S)(.+)$")
_RUN_IN = re.compile(r"^([^:.!?]{3,70}?)\s*:\s+(\S.*)$")
# "Retention. Order data is kept …": a short label ending in a full stop, then a capitalised sentence.
_RUN_IN_STOP = re.compile(r"^([^:.!?]{3,50}?)\.\s+([A-ZÅÄÖÜ\"“].*)$")
# "Who sees my data? Our shop runs on Shopify …": a short question, then its answer on the same line (FAQ pages).
_RUN_IN_QUESTION = re.compile(r"^([^:.!?]{3,60}?)\?\s+([A-ZÅÄÖÜ\"“].*)$")
_ANSWERS = frozenset({"ja", "nej", "kyllä", "ei", "yes", "no"})
# A short first sentence that denies something or speaks in the first person ("Emme tee automaattisia päätöksiä.
# Sivustolla …", "Vi använder inga kakor. …") is a sentence, not a run-in label ending in a full stop.
_SENTENCE_LABEL = re.compile(r"^(?:vi|jag|we|i|minä|me)\b|\b(?:ei|emme|eivät|eikä|en|inte|ej|inga|ingen|inget|aldrig|"
                             r"not|never|no|none|don't)\b", re.I)
# A label that asks ("Why we have your details.", "Vad vi gör med uppgifterna.") may run to five words.
_QUESTION_LABEL = re.compile(r"^(?:why|what|how|who|whom|where|when|varför|vad|hur|vem|vilka|var|när|miksi|mitä|miten|"
                             r"kuka|ketkä|kenelle|mihin|mistä|kuinka)\b", re.I)
_HEADING_END = re.compile(r"[.,;]\s*$")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$|[.!?][\"”')\]]\s*$")
_CONTACT = re.compile(r"@|\d{3}[ -]?\d{3}|https?://|www\.", re.I)
_WORDS = re.compile(r"\S+")
_SINGLE_LETTER = re.compile(r"[a-zåäö]")
# "12." (an ordinal or a day), "12.7." (a date without its year): a full stop that ends no sentence.
_ORDINAL = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_LETTERS = re.compile(r"[^\W\d_]")
# Dotted initials, alone or after a hyphen ("U.S.", "EU-U.S.", "U.K."): a full stop inside a name, which goes on
# ("certified under the EU-U.S. Data Privacy Framework").
_INITIALS = re.compile(r"(?:.*-)?(?:[a-zåäö]\.)+[a-zåäö]")

# A sentence ends at . ! ? followed by white space and an upper-case letter, a digit or an opening quote/bracket.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-ZÅÄÖÜ0-9])")
# Abbreviations after which a full stop does not end a sentence (fi, sv, en).
_ABBREVIATIONS = frozenset({
    "alk", "ao", "approx", "art", "bl.a", "ca", "d.v.s", "dr", "dvs", "e.g", "em", "esim", "etc", "i.e", "incl",
    "jne", "klo", "ko", "ks", "m.m", "mm", "mr", "mrs", "n", "nr", "nro", "ns", "o.d", "org.nr", "org.no", "os", "osv",
    "p", "puh", "reg.nr", "reg.no",
    "s", "s.k", "st", "t", "t.ex", "tel", "tms", "vrt", "vs", "yht", "ym", "yms",
})


def _is_heading_text(text: str, *, words: int = 12) -> bool:
    if len(text) > 130:
        return False
    found = _WORDS.findall(text)
    if not found or len(found) > words or len(text) > (110 if words <= 12 else 130):
        return False
    if _HEADING_END.search(text) or _CONTACT.search(text) or len(_LETTERS.findall(text)) < 3:
        return False
    first = text.lstrip("\"'“(§- ")[:1]
    return first.isupper() or first.isdigit()


def classify_heading(text: str, languages: Sequence[Language] = tuple(Language)) -> tuple[str, ...]:
    """The section kinds a heading is about, in the order they are named in it.

    Args:
        text: the heading text, without its number.
        languages: the lexicons to try; every one is tried, the first ones win ties.

    Returns:
        The kinds, e.g. ``("recipients", "transfers")`` for *Tietojen luovutus ja siirto EU:n ulkopuolelle*.
    """
    found: dict[str, int] = {}
    folded = fold(text)
    for lang in languages:
        for kind, entry in lexicon(lang).headings.items():
            start = entry.find_folded(folded)
            if start is not None and (kind not in found or start < found[kind]):
                found[kind] = start
    return tuple(sorted(found, key=lambda k: found[k]))


@define(kw_only=True)
class _Raw:
    text: str
    line: int
    heading: bool = False
    item: bool = False
    kinds: tuple[str, ...] = ()
    starts_section: bool = False


Classifier = Callable[[str], tuple[str, ...]]


def _heading_of(line: SourceLine, classify: Classifier) -> tuple[str, tuple[str, ...]] | None:
    """The heading text and kinds if ``line`` (a whole line) is a heading."""
    text = line.text
    if line.heading:
        body = _NUMBERED.match(text)
        clean = body.group(2) if body else text
        return clean.strip(" :"), classify(clean)
    numbered = _NUMBERED.match(text)
    if line.item:
        # "3. Purposes of Processing" in Markdown is an ordered list item; it is a heading when it reads like one.
        clean = numbered.group(2).strip() if numbered else ""
        kinds = classify(clean) if numbered and _is_heading_text(clean) else ()
        return (clean.rstrip(" :?"), kinds) if kinds else None
    if _run_in(line, classify) is not None:
        return None
    if numbered:
        clean = numbered.group(2).strip()
        if _is_heading_text(clean, words=16):
            return clean.rstrip(" :?"), classify(clean)
        return None
    # A line ending in a colon before a list is a heading only when short ("You have the following rights:");
    # a longer one is a lead-in sentence ("Rekisterinpitäjä voi kerätä ja käsitellä seuraavia henkilötietoja:").
    if _is_heading_text(text) and len(_WORDS.findall(text)) <= (6 if text.rstrip().endswith(":") else 9):
        kinds = classify(text)
        if kinds:
            return text.strip().rstrip(":"), kinds
    return None


def _continued(line: SourceLine, following: SourceLine | None) -> bool:
    """Whether a plain line that reads as a heading is the first half of a sentence wrapped in two ("Vi sköter
    uppgifterna själva och anlitar även underleverantörer" / "som kör ut paketen …", text copied from a PDF): a line
    of six words or more whose next line goes on in lower case, with no blank line or list mark between them."""
    if following is None or line.heading or line.item or following.item or following.heading or not following.text:
        return False
    # A short heading over a lower-case line ("Registeransvarige" / "art & design rannveig, FO: …") is a heading.
    if _NUMBERED.match(line.text) or line.text.rstrip().endswith(":") or len(_WORDS.findall(line.text)) < 6:
        return False
    first = following.text.lstrip()[:1]
    return first.isalpha() and first.islower()


def _run_in(line: SourceLine, classify: Classifier) -> tuple[str, tuple[str, ...], str] | None:
    """``(label, kinds, rest)`` when the line starts with a known heading as a run-in label."""
    text = line.text
    numbered = _NUMBERED.match(text)
    if numbered:
        text = numbered.group(2)
    match = _RUN_IN.match(text)
    limit = 7
    if match is None:
        match = _RUN_IN_STOP.match(text)
        limit = 5 if match is not None and _QUESTION_LABEL.match(match.group(1).lstrip("-•* ")) else 4
        if match is not None and _SENTENCE_LABEL.search(match.group(1).lstrip("-•* ")):
            match = None
    if match is None:
        match = _RUN_IN_QUESTION.match(text)
        limit = 7
    if match is None:
        return None
    label = match.group(1).strip().lstrip("-•* ").strip()
    if len(_WORDS.findall(label)) > limit or not _is_heading_text(label):
        return None
    # An FAQ answer ("Ja, för besöksstatistik. Om du …", "Kyllä, tilastointiin.") is no label.
    if label.split(maxsplit=1)[0].strip(",").lower() in _ANSWERS:
        return None
    kinds = classify(label)
    if not kinds or kinds == ("title",):
        return None
    return label, kinds, match.group(2).strip()


_CONTACT_DETAILS = re.compile(r"@|\d[\d ]{4,}\d|\bwww\.")


def _prose(units: list[_Raw]) -> bool:
    """Whether a paragraph is prose about something else than whom to contact: a sentence of eight words or more
    with no e-mail address, phone number or web address."""
    return any(len(_WORDS.findall(u.text)) >= 8 and not _CONTACT_DETAILS.search(u.text) for u in units)


def _split_sentences(text: str, starts: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Split a paragraph into sentences; ``starts`` maps offsets in ``text`` to source lines."""
    pieces: list[tuple[str, int]] = []
    offsets = [o for o, _ in starts]
    begin = 0

    def emit(end: int) -> None:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            pos = begin + lead
            pieces.append((stripped, starts[bisect_right(offsets, pos) - 1][1]))

    for match in _BOUNDARY.finditer(text):
        head = text[max(begin, match.start() - 40):match.start()]
        token = head.rsplit(None, 1)[-1] if head.strip() else ""
        word = token.rstrip(".!?\"”')]").lower().lstrip("(\"“")
        if (word in _ABBREVIATIONS or _ORDINAL.fullmatch(word) or _SINGLE_LETTER.fullmatch(word)
                or _INITIALS.fullmatch(word)):
            continue
        emit(match.start())
        begin = match.end()
    emit(len(text))
    return pieces


def _paragraph_units(lines: list[SourceLine]) -> list[_Raw]:
    """Turn a paragraph's lines into sentence units, joining lines that wrap a sentence."""
    units: list[_Raw] = []
    buffer: list[str] = []
    starts: list[tuple[int, int]] = []
    length = 0

    def flush(item: bool = False) -> None:
        nonlocal buffer, starts, length
        if buffer:
            joined = " ".join(buffer)
            for text, line in _split_sentences(joined, starts):
                units.append(_Raw(text=text, line=line, item=item))
        buffer, starts, length = [], [], 0

    in_item = False
    for i, line in enumerate(lines):
        text = line.text
        if line.item:
            flush()
            text = text.lstrip("-•*–· ").strip()
        starts.append((length, line.number))
        buffer.append(text)
        length += len(text) + 1
        in_item = line.item or in_item
        following = lines[i + 1] if i + 1 < len(lines) else None
        if not _wraps(text, following):
            flush(item=in_item)
            in_item = False
    flush(item=in_item)
    return units


# A word that ends no sentence, list entry or heading: a line ending in it goes on on the next line even when that
# line starts with a capital ("Emme siirrä tietoja EU:n tai" / "ETA:n ulkopuolelle.").
_CONNECTIVE_END = re.compile(
    r"\s(?:ja|tai|sekä|eli|että|kuin|and|or|of|the|to|a|an|by|for|with|from|och|eller|samt|att|av|till|för|med|"
    r"från|som)$", re.I)


def _wraps(text: str, following: SourceLine | None) -> bool:
    """Whether a paragraph's line (or a list item) wraps its sentence onto the ``following`` line: a long line with
    no end of sentence, and a next line that is no new list item and goes on in lower case, or starts with a capital
    after a word that cannot end a sentence."""
    if following is None or following.item or len(text) < 60 or _SENTENCE_END.search(text):
        return False
    return following.text[:1].islower() or bool(_CONNECTIVE_END.search(text))


def parse(document: Document, language: Language | None = None) -> Structure:
    """Find the sections and sentences of a document.

    Args:
        document: the reduced document.
        language: force every section to this language (``--lang``); detected when ``None``.

    Returns:
        The structure.
    """
    doc_language = language or detect_language(document.text)
    order = (doc_language, *(lang for lang in Language if lang is not doc_language))
    memo: dict[str, tuple[str, ...]] = {}

    def classify(text: str) -> tuple[str, ...]:
        kinds = memo.get(text)
        if kinds is None:
            kinds = memo[text] = classify_heading(text, order)
        return kinds

    raws: list[_Raw] = []
    paragraph: list[SourceLine] = []
    # After a run-in controller label ("Controller: Kuusi Oy, Puistotie 5, …"), a following paragraph of prose
    # ("We collect your name … and use them to deliver the order") is no longer about the controller: a statement
    # with no other headings would otherwise be one controller section.
    state = {"controller_label": False, "after_controller": False}

    def end_paragraph() -> None:
        if paragraph:
            new = _paragraph_units(paragraph)
            if state["after_controller"] and _prose(new):
                new[0].starts_section = True
                state["after_controller"] = False
            if state["controller_label"]:
                state["controller_label"], state["after_controller"] = False, True
            raws.extend(new)
            paragraph.clear()

    lines = document.lines
    for number, line in enumerate(lines):
        if not line.text:
            end_paragraph()
            continue
        heading = _heading_of(line, classify)
        if heading is not None and _continued(line, lines[number + 1] if number + 1 < len(lines) else None):
            heading = None
        if heading is not None:
            end_paragraph()
            state["after_controller"] = False
            raws.append(_Raw(text=heading[0], line=line.number, heading=True, kinds=heading[1]))
            continue
        run_in = None if line.item else _run_in(line, classify)
        if run_in is not None:
            end_paragraph()
            state["after_controller"] = False
            state["controller_label"] = set(run_in[1]) <= {"controller", "contact_person"}
            raws.append(_Raw(text=run_in[0], line=line.number, heading=True, kinds=run_in[1]))
            paragraph.append(SourceLine(number=line.number, text=run_in[2], item=line.item))
            continue
        paragraph.append(line)
    end_paragraph()

    # The first line is the title when it reads like one.
    if raws and not raws[0].heading and _is_heading_text(raws[0].text) \
            and classify(raws[0].text)[:1] == ("title",):
        raws[0] = _Raw(text=raws[0].text, line=raws[0].line, heading=True, kinds=("title",))

    units: list[Unit] = []
    bounds: list[tuple[int, _Raw | None]] = []  # (first unit index, heading raw) per section
    if not raws or not raws[0].heading:
        bounds.append((0, None))
    for i, raw in enumerate(raws):
        if raw.heading:
            bounds.append((i, raw))
        elif raw.starts_section:
            bounds.append((i, None))
        units.append(Unit(index=i, text=raw.text, line=raw.line, section=len(bounds) - 1, heading=raw.heading,
                          item=raw.item))
    sections: list[Section] = []
    for n, (start, head) in enumerate(bounds):
        stop = bounds[n + 1][0] if n + 1 < len(bounds) else len(units)
        body = " ".join(units[i].text for i in range(start, stop))
        # A section with too few stop words to tell keeps the language of the section before it: in a bilingual
        # statement a short section of one half ("Säilytys" / "Säilytämme tietoja kohtuullisen ajan …") belongs to
        # that half, not to the language of the longer half.
        previous = sections[-1].language if sections else doc_language
        section_language = language or detect_language(body, previous, minimum=3, margin=1.5)
        first_line = units[start].line if start < len(units) else 1
        sections.append(Section(index=n, kinds=head.kinds if head else (), heading=head.text if head else None,
                                line=head.line if head else first_line, language=section_language,
                                units=range(start, stop)))
    return Structure(units=tuple(units), sections=tuple(sections), language=doc_language)
