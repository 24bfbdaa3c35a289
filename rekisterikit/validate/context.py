"""What a rule's check function receives: the statement, precomputed views of it and the reference data."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import accumulate, repeat
from operator import add

from attrs import define

from rekisterikit.model import (
    Cookie,
    CookieCategory,
    Country,
    LegalBasis,
    LocalizedText,
    Purpose,
    PurposeKind,
    Register,
    Retention,
    SpecialCondition,
    Statement,
)
from rekisterikit.validate import data
from rekisterikit.validate.needles import (
    Needs,
    Piece,
    _plan_of,
    alternatives,
    automaton_available,
    index_pieces,
    match_starts,
    needles,
    piece_finder,
    piece_key,
    pieces,
    possible,
    whole_pieces,
    word_literals,
)
from rekisterikit.validate.registry import REGISTRY, Registry

__all__ = [
    "LEGITIMATE_INTEREST_KINDS",
    "MARKETING_KINDS",
    "TRACKING_KINDS",
    "Context",
    "CookieRef",
    "PurposeRef",
    "RegisterRef",
    "as_written",
    "join",
    "text",
]

#: Purpose kinds that are direct marketing in the sense of GDPR 21(2)–(3).
MARKETING_KINDS = frozenset({PurposeKind.DIRECT_MARKETING, PurposeKind.NEWSLETTER})
#: Purpose kinds that normally rest on legitimate interests (research notes §2.2; EDPB 2/2019).
LEGITIMATE_INTEREST_KINDS = frozenset({
    PurposeKind.ANALYTICS, PurposeKind.SERVICE_DEVELOPMENT, PurposeKind.SECURITY, PurposeKind.FRAUD_PREVENTION,
    PurposeKind.PROFILING, PurposeKind.ADVERTISING, PurposeKind.LEGAL_CLAIMS})
#: Purpose kinds that, without a stated basis, evidently rest on the contract or on consent.
_EVIDENT_BASES = {PurposeKind.ORDER: LegalBasis.CONTRACT, PurposeKind.ACCOUNT: LegalBasis.CONTRACT,
                  PurposeKind.NEWSLETTER: LegalBasis.CONSENT}
#: Purpose kinds that, on a website, mean tracking that needs cookie consent (917/2014 205 §).
TRACKING_KINDS = frozenset({PurposeKind.ANALYTICS, PurposeKind.ADVERTISING, PurposeKind.PROFILING})


@define(frozen=True)
class RegisterRef:
    """A register and its path."""

    path: str
    register: Register


@define(frozen=True)
class PurposeRef:
    """A purpose, its path and its register."""

    path: str
    purpose: Purpose
    register: RegisterRef


@define(frozen=True)
class CookieRef:
    """A declared cookie and its path."""

    path: str
    cookie: Cookie


@define(frozen=True)
class _RetentionIndex:
    """A register's retention rules by the purpose and data category keys they name."""

    rules: tuple[Retention, ...]
    everywhere: tuple[int, ...]
    by_purpose: dict[str, list[int]]
    by_category: dict[str, list[int]]

    @classmethod
    def of(cls, register: Register) -> _RetentionIndex:
        everywhere: list[int] = []
        by_purpose: dict[str, list[int]] = {}
        by_category: dict[str, list[int]] = {}
        for i, r in enumerate(register.retention):
            if not r.purposes and not r.data_categories:
                everywhere.append(i)
            for key in r.purposes:
                by_purpose.setdefault(key, []).append(i)
            for key in r.data_categories:
                by_category.setdefault(key, []).append(i)
        return cls(register.retention, tuple(everywhere), by_purpose, by_category)

    def covering(self, purpose: Purpose) -> tuple[Retention, ...]:
        picked = set(self.everywhere)
        picked.update(self.by_purpose.get(purpose.key, ()))
        for key in purpose.data_categories:
            picked.update(self.by_category.get(key, ()))
        return tuple(self.rules[i] for i in sorted(picked))


#: ASCII digits stay, every other byte becomes a space.
_DIGITS = bytes(c if 0x30 <= c <= 0x39 else 0x20 for c in range(256))
_ASCII_BYTES = bytes(range(0x80))
#: Up to this many distinct variants holding a needle, their copies are found by passes over the variants; for more,
#: by sorting them all once (:attr:`Context._copies`).
_FEW_FOUND = 16
#: ASCII bytes as the language check's word scan sees them (``rekisterikit.lint.language.word_bytes``): letters and
#: the apostrophe stay, every other ASCII byte becomes a space (a test holds :attr:`Context._words` to that scan).
_ASCII_WORDS = bytes(c if chr(c).isalpha() or c == ord("'") or c >= 0x80 else ord(" ") for c in range(256))
#: Characters of lower-cased text that tell of a character outside Latin-1 which a case-insensitive expression
#: matches to a Latin-1 letter other than by lower case: ``ı`` and ``İ`` (lower-cased with U+0307) to ``i``,
#: ``ſ`` to ``s``, ``μ`` and ``Μ`` to ``µ`` (a test derives them from the expression engine).
FOLD_UNSAFE = frozenset("\u0307\u0131\u017f\u03bc")


def as_written(original: str, low: str, match: re.Match[str]) -> str:
    """The matched text as written, when lower-casing kept the text's length; else as matched."""
    return original[match.start():match.end()] if len(original) == len(low) else match.group(0)


def _first_match(pattern: re.Pattern[str], originals: list[str], lowered: list[str], start: int,
                 end: int) -> str | None:
    """The first match of ``pattern`` in the variants ``start:end``, as written."""
    for variant in range(start, end):
        match = pattern.search(lowered[variant])
        if match is not None:
            return as_written(originals[variant], lowered[variant], match)
    return None


def text(fi: str, sv: str, en: str) -> LocalizedText:
    """A placeholder value in all three languages."""
    return LocalizedText(fi=fi, sv=sv, en=en)


def join(items: Iterable[LocalizedText]) -> LocalizedText:
    """Join placeholder values into one comma-separated value per language."""
    parts = list(items)
    return LocalizedText(**{lang: ", ".join(p.get(lang) or p.texts()[0] for p in parts)
                            for lang in ("fi", "sv", "en")})


class Context:
    """The statement under validation and derived facts that several rules need; computed once, on demand.

    Attributes:
        statement: the statement.
        registry: the rules in use (to check the statement's ignore directives against).
        fallbacks: the statement's languages, for resolving shop-written placeholder values.
    """

    def __init__(self, statement: Statement, registry: Registry | None = None) -> None:
        self.statement = statement
        self.registry = registry if registry is not None else REGISTRY
        self.fallbacks = statement.languages

    @cached_property
    def registers(self) -> tuple[RegisterRef, ...]:
        """Every register with its path."""
        return tuple(RegisterRef(f"$.registers[{i}]", r) for i, r in enumerate(self.statement.registers))

    @cached_property
    def purposes(self) -> tuple[PurposeRef, ...]:
        """Every purpose of every register with its path."""
        return tuple(PurposeRef(f"{reg.path}.purposes[{j}]", p, reg)
                     for reg in self.registers for j, p in enumerate(reg.register.purposes))

    def retention_for(self, register: RegisterRef, purpose: Purpose) -> tuple[Retention, ...]:
        """``register.register.retention_for(purpose)`` (the rules naming the purpose, one of its data categories,
        or nothing), from an index built once per register: the model's method reads every rule for every purpose,
        which grows with the square of a large statement."""
        index = self._retention_indexes.get(register.path)
        if index is None:
            index = self._retention_indexes[register.path] = _RetentionIndex.of(register.register)
        return index.covering(purpose)

    @cached_property
    def _retention_indexes(self) -> dict[str, _RetentionIndex]:
        return {}

    @cached_property
    def cookies(self) -> tuple[CookieRef, ...]:
        """Every declared cookie with its path."""
        return tuple(CookieRef(f"$.cookies[{i}]", c) for i, c in enumerate(self.statement.cookies))

    @cached_property
    def consent_cookies(self) -> tuple[CookieRef, ...]:
        """The declared cookies that need consent: all but ``necessary`` ones and ``preferences`` cookies that only
        store the visitor's explicit choice (``user_choice``, 917/2014 205 § 2 mom)."""
        return tuple(ref for ref in self.cookies if ref.cookie.needs_consent)

    @cached_property
    def uses_consent_cookies(self) -> bool:
        """Whether non-necessary cookies are in use: declared, or evident from an undeclared cookie notice.

        The latter is a statement that talks about cookies (``cookie_policy.text``) without declaring them and
        has an analytics or advertising purpose: tracking of that kind needs consent whatever the cookie names.
        """
        if self.consent_cookies:
            return True
        return (not self.statement.cookies and self.statement.cookie_policy.text is not None
                and any(ref.purpose.kind in TRACKING_KINDS for ref in self.purposes))

    @cached_property
    def text_values(self) -> tuple[tuple[str, LocalizedText | str], ...]:
        """Every shop-written text with its path (:func:`~rekisterikit.validate.paths.walk_texts` order)."""
        from rekisterikit.validate.paths import collect_texts

        return tuple(collect_texts(self.statement))

    @cached_property
    def variants(self) -> tuple[list[str], list[int]]:
        """Every variant of every text (each language of a LocalizedText, fi, sv, en, or the plain string), and
        the index of each text's first variant in that list, with the number of variants at the end."""
        originals, first, _ = self._variant_table
        return originals, first

    @cached_property
    def filed(self) -> list[int]:
        """For each of :attr:`variants`, the index in :class:`Language` of the language it is filed under as a
        LocalizedText's entry (fi 0, sv 1, en 2), or -1 for a plain string."""
        return self._variant_table[2]

    @cached_property
    def _variant_table(self) -> tuple[list[str], list[int], list[int]]:
        originals: list[str] = []
        first: list[int] = []
        filed: list[int] = []
        add, file = originals.append, filed.append
        for _, value in self.text_values:
            first.append(len(originals))
            if isinstance(value, LocalizedText):
                if value.fi is not None:
                    add(value.fi)
                    file(0)
                if value.sv is not None:
                    add(value.sv)
                    file(1)
                if value.en is not None:
                    add(value.en)
                    file(2)
            else:
                add(value)
                file(-1)
        first.append(len(originals))
        return originals, first, filed

    @cached_property
    def _distinct(self) -> tuple[list[str], list[int]]:
        """The distinct variants (a statement repeats many: providers, names, cookie purposes), and for each of
        :attr:`variants` the index of its distinct one. The texts are read once per distinct variant."""
        where: dict[str, int] = {}  # each distinct variant with its index, in the order first seen
        add = where.setdefault
        index_of = [add(variant, len(where)) for variant in self.variants[0]]
        return list(where), index_of

    @cached_property
    def _lowered_distinct(self) -> list[str]:
        return [variant.lower() for variant in self._distinct[0]]

    @cached_property
    def lowered(self) -> list[str]:
        """:attr:`variants` in lower case."""
        return list(map(self._lowered_distinct.__getitem__, self._distinct[1]))

    @cached_property
    def texts(self) -> tuple[tuple[str, LocalizedText | str, tuple[str, ...]], ...]:
        """Every shop-written text with its path, the value, and its variants in lower case (for fast matching)."""
        lowered, first = self.lowered, self.variants[1]
        return tuple((path, value, tuple(lowered[first[i]:first[i + 1]]))
                     for i, (path, value) in enumerate(self.text_values))

    @cached_property
    def _corpus(self) -> tuple[str, list[int]]:
        """Every distinct lower-cased variant joined (``\0`` between them), and where each starts."""
        lowered = self._lowered_distinct
        starts = list(accumulate(map(add, map(len, lowered), repeat(1)), initial=0))
        return "\0".join(lowered), starts

    @cached_property
    def _words(self) -> tuple[bytes, list[bytes]]:
        """The lower-cased variants as the language check reads them (letters and apostrophes, the rest spaces; see
        :func:`rekisterikit.lint.language.word_bytes`), and split into chunks."""
        from rekisterikit.lint.language import SEPARATOR, is_letter, word_bytes

        raw = self._corpus_bytes
        if raw.count(b"\0") != len(self._lowered_distinct) - 1:  # a text holds the corpus's separator itself
            words = word_bytes(SEPARATOR.join(self._lowered_distinct))
        else:  # word_bytes of the texts joined by SEPARATOR, from the corpus already encoded and its characters
            raw = raw.replace(b"\0", SEPARATOR.encode())
            for char in self._non_ascii:
                if not is_letter(char):
                    raw = raw.replace(char.encode("utf-8", "surrogatepass"), b"'" if char == "’" else b" ")
            words = raw.translate(_ASCII_WORDS)
        return words, words.split()

    @cached_property
    def _apostrophe_chunks(self) -> set[bytes]:
        """The chunks of :attr:`_words` that hold an apostrophe (:func:`rekisterikit.lint.language.apostrophe_chunks`):
        they may be more than one word."""
        from rekisterikit.lint.language import apostrophe_chunks

        return apostrophe_chunks(self._words[0])

    @cached_property
    def stopword_codes(self) -> list[bytes]:
        """For each of :attr:`variants`, its stop words as marks per language
        (:func:`rekisterikit.lint.language.stopword_codes`).

        The chunks are looked up in the stop-word table itself (a chunk that is no stop word has no code), with the
        few chunks that hold an apostrophe coded as :func:`rekisterikit.lint.language.code_table` codes them."""
        from rekisterikit.lint import language

        chunks = self._words[1]
        extra = self._apostrophe_chunks
        table = language.stopword_table()  # each stop word (UTF-8) with its marks, and the text break with its own
        if extra:
            table = {**table, **language.code_table(b" ".join(extra), list(extra))}
        distinct = b"".join(map(table.get, chunks, repeat(b""))).split(language.BREAK_CODE)
        return list(map(distinct.__getitem__, self._distinct[1]))

    @cached_property
    def _letter_vocabulary(self) -> tuple[set[bytes], bytes]:
        """Every distinct run of letters in the texts (UTF-8), as a set and joined between line breaks."""
        vocabulary = set(self._words[1])
        for chunk in self._apostrophe_chunks:
            vocabulary.update(chunk.replace(b"'", b" ").split())
        return vocabulary, b"\n" + b"\n".join(vocabulary) + b"\n"

    @cached_property
    def _digit_vocabulary(self) -> tuple[set[bytes], bytes]:
        """Every distinct run of ASCII digits in the texts, as a set and joined between line breaks (UTF-8 encodes
        every other character in bytes that are no ASCII digits)."""
        runs = self._corpus_bytes.translate(_DIGITS).split()
        vocabulary = set(runs)
        return vocabulary, b"\n" + b"\n".join(vocabulary) + b"\n"

    @cached_property
    def _corpus_bytes(self) -> bytes:
        """:attr:`_corpus` as UTF-8."""
        return self._corpus[0].encode("utf-8", "surrogatepass")

    @cached_property
    def _non_ascii(self) -> set[str]:
        """The characters outside ASCII in the lower-cased texts."""
        others = self._corpus_bytes.translate(None, _ASCII_BYTES)
        return set(others.decode("utf-8", "surrogatepass")) if others else set()

    @cached_property
    def _fold_safe(self) -> bool:
        """Whether the lower-cased texts hold no character that a case-insensitive expression matches to a Latin-1
        letter other than by lower case (:data:`FOLD_UNSAFE`): then a literal of such an expression, lower-cased,
        is in the lower-cased texts wherever the expression matches it."""
        return FOLD_UNSAFE.isdisjoint(self._non_ascii)

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` may match in some shop-written text; ``False`` proves that it matches in none.

        ``False`` when, for every top-level alternative of the pattern, a literal that its matches hold
        (:func:`~rekisterikit.validate.needles.plan`) is missing from the statement's vocabulary. Answered once per
        pattern: rules that look for a pattern in chosen texts can ask first whether it is anywhere at all.
        """
        known = self._patterns_seen.get(id(pattern))
        if known is None:
            known = self._patterns_seen[id(pattern)] = self._check_pattern(pattern)
        return known

    @cached_property
    def _patterns_seen(self) -> dict[int, bool]:
        """:meth:`may_match` of the patterns asked so far, by id (the module-level patterns outlive the context)."""
        return {}

    def _check_pattern(self, pattern: re.Pattern[str]) -> bool:
        words = word_literals(pattern)
        if words is not None and (self._fold_safe if pattern.flags & re.IGNORECASE
                                  else not any("\u03a3" in literal for literal in words)):
            # Whole words: a literal's first and last runs are whole runs of the text (set look-ups, mostly).
            return any(self._may_occur_whole(literal.lower()) for literal in words)
        known = _plan_of(pattern)
        if known is None or known.required is None:
            return True
        if known.ignore_case:
            if not self._fold_safe:
                return True
            lowered = {literal: literal for entry in known.required for group in entry for literal in group}
        else:  # a case-sensitive literal is in the lower-cased texts in lower case, unless lower case depends on
            literals = {literal for entry in known.required for group in entry for literal in group}
            if any("\u03a3" in literal for literal in literals):  # the context (a final sigma)
                return True
            lowered = {literal: literal.lower() for literal in literals}
        may_occur = self._may_occur
        return any(all(any(may_occur(lowered[literal]) for literal in group) for group in entry)
                   for entry in known.required)

    def _may_occur(self, needle: str) -> bool:
        """Whether ``needle`` may occur in the lower-cased texts: each of its runs of letters and of digits is in the
        texts' vocabulary as its place in the needle requires (:func:`~rekisterikit.validate.needles.pieces`).
        ``False`` proves it absent."""
        known = self._seen.get(needle)
        if known is None:
            known = self._seen[needle] = self._check_pieces(needle)
        return known

    @cached_property
    def _seen(self) -> dict[str, bool]:
        """:meth:`_may_occur` of the strings asked so far."""
        return {}

    def _may_occur_whole(self, needle: str) -> bool:
        """Whether ``needle`` may occur in the lower-cased texts with no letter or digit run going on past either of
        its ends (:func:`~rekisterikit.validate.needles.word_literals`). ``False`` proves that it occurs nowhere so."""
        known = self._whole_seen.get(needle)
        if known is None:
            known = self._whole_seen[needle] = self._check_runs(whole_pieces(needle))
        return known

    @cached_property
    def _whole_seen(self) -> dict[str, bool]:
        """:meth:`_may_occur_whole` of the strings asked so far."""
        return {}

    def _needed(self, needs: tuple[Needs, ...]) -> bool:
        """Whether what a match needs besides its start (:func:`~rekisterikit.validate.needles.alternatives`) may
        be in the texts: for one of the entries, a literal of each group."""
        return any(entry is None or all(any(self._may_occur(literal) for literal in group) for group in entry)
                   for entry in needs)

    def _check_pieces(self, needle: str) -> bool:
        return self._check_runs(pieces(needle))

    def _check_runs(self, runs: tuple[Piece, ...]) -> bool:
        letters, digits = self._letter_vocabulary, self._digit_vocabulary
        for piece in runs:  # the set look-ups first: a whole word that is missing ends the check at once
            if piece.starts_word and piece.ends_word and piece.text not in (digits if piece.digits else letters)[0]:
                return False
        seen = self._pieces_seen
        for piece in runs:
            if piece.starts_word and piece.ends_word:
                continue  # found above
            found = seen.get(piece)
            if found is None:  # needles share pieces ("ei …", "ip …"): each is looked for once
                vocabulary, joined = digits if piece.digits else letters
                # a word of its own starts, ends and is inside that word
                found = piece.text in vocabulary or self._in_words(piece, runs, joined)
                seen[piece] = found
            if not found:
                return False
        return True

    def _in_words(self, piece: Piece, runs: tuple[Piece, ...], joined: bytes) -> bool:
        """Whether a piece that is no word of the vocabulary ``joined`` is at the start of a word, at its end or
        inside one, as its bounds require (:func:`~rekisterikit.validate.needles.piece_key`): read from what was
        found of the indexed keys all at once (:attr:`_found_pieces`) when its key is indexed, else by passes over
        ``joined`` (and the keys of the pieces of ``runs`` are indexed for later validations)."""
        key = piece_key(piece)
        found_all = self._found_pieces
        if found_all is not None and key in found_all[0]:
            return key in found_all[1]
        if automaton_available():
            index_pieces(piece_key(p) for p in runs if not (p.starts_word and p.ends_word))
        if not self._inside(piece, joined):  # in no word at all (a quicker pass: no line break in what is looked
            return False                      # for)
        return key is piece.text or key in joined

    @cached_property
    def _found_pieces(self) -> tuple[frozenset[bytes], set[bytes]] | None:
        """The indexed keys (:func:`~rekisterikit.validate.needles.piece_finder`), and those of them that occur in
        the letter or in the digit vocabulary joined, found in one pass over each; ``None`` without the optional
        automaton or before any key was indexed."""
        finder = piece_finder()
        if finder is None:
            return None
        covered, find = finder
        return covered, find(self._letter_vocabulary[1]) | find(self._digit_vocabulary[1])

    def _inside(self, piece: Piece, joined: bytes) -> bool:
        """Whether the piece's text is inside a word of its vocabulary ``joined``, wherever in the word (asked once
        per text: a run of letters is never a run of digits)."""
        known = self._inside_seen.get(piece.text)
        if known is None:
            known = self._inside_seen[piece.text] = piece.text in joined
        return known

    @cached_property
    def _inside_seen(self) -> dict[bytes, bool]:
        return {}

    @cached_property
    def _pieces_seen(self) -> dict[Piece, bool]:
        """Whether each piece looked for so far is in the vocabulary as its bounds require."""
        return {}

    def _occurrences(self, found: tuple[str, ...], needs: dict[str, tuple[Needs, ...]] | None = None
                     ) -> dict[int, list[tuple[int, str]]]:
        """Where the needles occur: for each variant (index into :attr:`variants`) that holds one, the positions
        and the needle found there. With ``needs``, a needle whose matches need literals that are nowhere in the
        texts is not looked for."""
        corpus, starts = self._corpus
        at: dict[int, list[tuple[int, str]]] = {}
        for needle in found:
            if not self._may_occur(needle) or (needs is not None and not self._needed(needs[needle])):
                continue
            position = corpus.find(needle)
            while position != -1:
                index = bisect_right(starts, position) - 1
                at.setdefault(index, []).append((position - starts[index], needle))
                position = corpus.find(needle, position + 1)
        if not at:
            return at
        if len(at) > _FEW_FOUND or "_copies" in self.__dict__:
            order, keys = self._copies
            return {variant: at[index] for index in at
                    for variant in order[bisect_left(keys, index):bisect_right(keys, index)]}
        return {variant: at[index] for index in at for variant in self._copies_of(index)}

    def _copies_of(self, index: int) -> list[int]:
        """The indexes in :attr:`variants` of the variants equal to the distinct one ``index``, in order: look-ups in
        C, each from the copy before, as many as there are copies (the first copy is at ``index`` or later: every
        distinct variant before it was seen first), so the last copy ends the search, not the end of the list."""
        index_of = self._distinct[1]
        position = index_of.index(index, index)
        found = [position]
        for _ in range(self._copy_counts[index] - 1):
            position = index_of.index(index, position + 1)
            found.append(position)
        return found

    @cached_property
    def _copy_counts(self) -> Counter[int]:
        """How many of :attr:`variants` equal each distinct variant (counted in C)."""
        return Counter(self._distinct[1])

    @cached_property
    def _copies(self) -> tuple[list[int], list[int]]:
        """The indexes in :attr:`variants` grouped by their distinct variant, in order within each group, and the
        distinct variant of each in that order: the variants equal to a distinct one are the slice of the first list
        where the second holds its index (two sorts in C, where a list per distinct variant cost a loop)."""
        index_of = self._distinct[1]
        return sorted(range(len(index_of)), key=index_of.__getitem__), sorted(index_of)

    def search_texts(self, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
        """Yield ``(path, matched text)`` for the first match of a lower-case ``pattern`` in each text.

        The pattern is matched against the lower-cased text; the match is returned as written when possible.
        Texts that contain none of the pattern's literal prefixes (:func:`~rekisterikit.validate.needles.needles`)
        are skipped without running the expression on them; when those prefixes are exactly where matches start
        (:func:`~rekisterikit.validate.needles.match_starts`), the expression is tried only there.
        """
        originals, first = self.variants
        lowered = self.lowered
        paths = self.text_values
        found = needles(pattern)
        if found is None:  # no prefilter: every variant of every text
            for index in range(len(paths)):
                hit = _first_match(pattern, originals, lowered, first[index], first[index + 1])
                if hit is not None:
                    yield paths[index][0], hit
            return
        starts_known = match_starts(pattern) is not None
        needs = alternatives(pattern) if starts_known else None
        at = self._occurrences(found, needs)
        if not starts_known:  # the texts that hold a needle, every variant of them
            for index in sorted({bisect_right(first, variant) - 1 for variant in at}):
                hit = _first_match(pattern, originals, lowered, first[index], first[index + 1])
                if hit is not None:
                    yield paths[index][0], hit
            return
        done = -1
        for variant in sorted(at):
            index = bisect_right(first, variant) - 1
            if index == done:
                continue
            low = lowered[variant]
            here: dict[int, set[str]] = {}
            for position, needle in at[variant]:
                here.setdefault(position, set()).add(needle)
            for position in sorted(here):
                if needs is not None and not any(possible(needs[n], low) for n in here[position]):
                    continue  # what every alternative starting here needs elsewhere is not in the text
                match = pattern.match(low, position)
                if match is not None:
                    done = index
                    yield paths[index][0], as_written(originals[variant], low, match)
                    break

    @cached_property
    def eea(self) -> frozenset[str]:
        """EEA country codes (dated data)."""
        return data.eea().codes

    def third_country(self, country: Country | None) -> bool:
        """Whether ``country`` is known and outside the EEA."""
        return country is not None and country.code not in self.eea

    @staticmethod
    def is_marketing(purpose: Purpose) -> bool:
        """Whether the purpose is direct marketing: its kind, or the marketing channels it uses."""
        return purpose.kind in MARKETING_KINDS or bool(purpose.direct_marketing)

    @cached_property
    def marketing(self) -> tuple[PurposeRef, ...]:
        """The direct-marketing purposes."""
        return tuple(ref for ref in self.purposes if self.is_marketing(ref.purpose))

    @cached_property
    def relies_on_consent(self) -> bool:
        """Whether any processing rests on consent: a purpose on 6(1)(a) or 9(2)(a), or non-necessary cookies."""
        return self.uses_consent_cookies or any(
            ref.purpose.legal_basis is LegalBasis.CONSENT
            or ref.purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT for ref in self.purposes)

    def bases(self) -> frozenset[LegalBasis]:
        """The legal bases any purpose uses."""
        return frozenset(ref.purpose.legal_basis for ref in self.purposes if ref.purpose.legal_basis is not None)

    def likely_bases(self) -> frozenset[LegalBasis]:
        """The bases in use, stated or evident: orders and accounts are contracts; newsletters and tracking need
        consent. For rules about information items that depend on the basis (portability), where a statement
        that names no basis must not escape them."""
        bases = set(self.bases())
        for ref in self.purposes:
            if ref.purpose.legal_basis is None and ref.purpose.kind in _EVIDENT_BASES:
                bases.add(_EVIDENT_BASES[ref.purpose.kind])
        if self.uses_consent_cookies:
            bases.add(LegalBasis.CONSENT)
        return frozenset(bases)

    def uses_cookies_of(self, *categories: CookieCategory) -> bool:
        """Whether a declared cookie is of one of ``categories``."""
        return any(ref.cookie.category in categories for ref in self.cookies)
