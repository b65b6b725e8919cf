"""Loading the extractor's lexicons (JSON data files) once and compiling their patterns.

``load_lexicon(paths)`` takes explicit file paths and is cached, so extraction stays pure: the
only I/O is reading these shipped (or user-edited) data files the first time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _constants, _parser

_IC = re.IGNORECASE
_STEM_KEY = re.compile(r"[a-z]+(?:[- ]?[a-z]+)*\$?")
_WORD_END = "$"
_END_MARK = "\uffff"  # stands for "$" in the trie, sorted last: longer stems are tried first


@dataclass(frozen=True)
class Trigger:
    kind: str
    role: str  # action | plan | report | commit | nominal | event | founding
    priority: int
    needs: str  # "" | amount | product | time
    pattern: re.Pattern[str]
    weak: bool = False  # yields to any other trigger of the clause
    stems: tuple[str, ...] = ()  # one of these occurs in the lower-cased text of every match


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str  # company | lab | analyst | media | investor


@dataclass(frozen=True, eq=False)  # hashed by identity: functions may cache per lexicon
class Lexicon:
    triggers: tuple[Trigger, ...]
    any_trigger: re.Pattern[str]  # union of the trigger patterns (tests, tools)
    # word-prefix prefilter: first 3 letters -> [(stem, indices of the triggers it admits)]
    stem_index: dict[str, tuple[tuple[str, frozenset[int]], ...]]
    stemless: frozenset[int]  # triggers without stems, always tried
    orgs: re.Pattern[str]  # case-sensitive alternation of every alias
    org_by_alias: dict[str, Organisation]
    products: re.Pattern[str] | None
    product_owner: dict[str, str]
    people: dict[str, str]
    people_re: re.Pattern[str] | None
    rx: dict[str, re.Pattern[str]]  # named cue patterns (case-insensitive unless noted)
    generic_words: frozenset[str]
    role_words: frozenset[str]  # lower-case words that can introduce a person's role
    org_suffix_words: tuple[str, ...]  # one occurs in every org_suffix match (prefilter)
    org_descriptor_words: tuple[str, ...]  # one occurs in every org_descriptor match
    not_person_words: frozenset[str]
    not_product_words: frozenset[str]
    kind_verbs: dict[str, list[str]]
    name_stop_words: frozenset[str] = frozenset()  # capitalised words that start no name
    subject_followers: frozenset[str] = frozenset()  # words that may follow a subject name
    not_actor_words: frozenset[str] = frozenset()  # capitalised common nouns ("Developers")
    # one pass over a text finds the stems that start a word, longest first; each stem admits
    # its own triggers and those of every shorter stem that is its prefix
    stem_re: re.Pattern[str] | None = None
    stem_ids: dict[str, frozenset[int]] = field(default_factory=dict)
    role_re: re.Pattern[str] | None = None  # a role word in lower-cased text (prefilter)
    given_names: frozenset[str] = frozenset()  # "Maria Lopez launched …" is a person
    place_names: frozenset[str] = frozenset()  # countries, regions, major cities


_CASE_SENSITIVE = {
    "person",
    "product_name",
    "furniture",
    "org_suffix",
    "org_descriptor",
    "org_government",
    "descriptive_body",
}


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _merge_orgs(shipped: dict, user: dict | None) -> tuple[list[dict], dict[str, str]]:
    orgs = {o["name"]: o for o in shipped.get("organisations", [])}
    people = dict(shipped.get("people", {}))
    if user:
        for org in user.get("organisations", []):
            if isinstance(org, dict) and isinstance(org.get("name"), str):
                orgs[org["name"]] = {**orgs.get(org["name"], {}), **org}
        people.update({k: v for k, v in user.get("people", {}).items() if isinstance(v, str)})
    return list(orgs.values()), people


def _index_stems(
    triggers: tuple[Trigger, ...],
) -> tuple[dict[str, tuple[tuple[str, frozenset[int]], ...]], frozenset[int]]:
    """Stems are word prefixes ("releas" admits "released"), literal up to a "$" that ends a
    word ("bill$": "bill", not "billion") and across spaces and hyphens ("open sourc")."""
    owners: dict[str, set[int]] = {}
    for i, trig in enumerate(triggers):
        for stem in trig.stems:
            owners.setdefault(_STEM_KEY.match(stem).group(0), set()).add(i)
    index: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for stem, ids in owners.items():
        index.setdefault(stem[:3], []).append((stem, frozenset(ids)))
    stemless = frozenset(i for i, t in enumerate(triggers) if not t.stems)
    return {k: tuple(v) for k, v in index.items()}, stemless


def _stem_scanner(
    stem_index: dict[str, tuple[tuple[str, frozenset[int]], ...]],
) -> tuple[re.Pattern[str] | None, dict[str, frozenset[int]]]:
    """One pass finds, at every word start, the longest stem there (a lookahead: a stem that
    spans words does not hide one that starts inside it)."""
    owners = {stem: ids for entries in stem_index.values() for stem, ids in entries}
    if not owners:
        return None, {}
    found = {stem.rstrip(_WORD_END) for stem in owners}  # what the scan returns
    ids = {text: _admitted_by(text, owners) for text in found}
    words = sorted(s.replace(_WORD_END, _END_MARK) for s in owners)
    trie = _trie(words).replace(re.escape(_END_MARK), "(?![a-z])")
    return re.compile(rf"(?<![a-z])(?=({trie}))"), ids


def _admitted_by(text: str, owners: dict[str, frozenset[int]]) -> frozenset[int]:
    """The triggers of every stem that a scan finding ``text`` at a word start found there too:
    its prefixes, those marked "$" only where a word ends."""
    ids: set[int] = set()
    for k in range(1, len(text) + 1):
        ids.update(owners.get(text[:k], ()))
        if k == len(text) or not text[k].isalpha():
            ids.update(owners.get(text[:k] + _WORD_END, ()))
    return frozenset(ids)


def _trie(words: list[str]) -> str:
    """A regex alternation shaped as a prefix tree (longest match first): one branch per first
    letter instead of one per word, so a scan tries a few alternatives per position."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: dict) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def word_scanner(words: list[str]) -> re.Pattern[str] | None:
    """Any of ``words`` as a whole word of lower-cased text."""
    if not words:
        return None
    return re.compile(rf"(?<![a-z])(?:{_trie(sorted({w.lower() for w in words}))})(?![a-z])")


_LETTER_GUARD = "(?<![a-z])"
_FROM_START = {"AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BEGINNING_LINE"}


def consumed_guard(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """A scan of lower-cased text that opens with ``(?<![a-z])`` (``word_scanner``'s), as
    ``[^a-z]…`` for searches of " " + text: the first match there starts at the offset where
    ``rx``'s first match starts in text (one character earlier, counting the added space), and the
    engine skips ahead to non-letters instead of trying every position. None when ``rx`` has
    another shape or its rest could look back before its start."""
    if rx is None or not rx.pattern.startswith(_LETTER_GUARD) or rx.flags & re.IGNORECASE:
        return None
    rest = rx.pattern[len(_LETTER_GUARD) :]
    try:
        tree = _parser.parse(rest)
    except re.error:
        return None
    return None if _looks_back(tree) else re.compile("[^a-z]" + rest)


def _looks_back(tree: _parser.SubPattern) -> bool:
    """A lookbehind or a start-of-text anchor anywhere in the parsed pattern."""
    for op, av in tree.data:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT) and av[0] < 0:
            return True
        if op is _constants.AT and str(av) in _FROM_START:
            return True
        nested = av if isinstance(av, (tuple, list)) else ()
        for item in nested:
            parts = item if isinstance(item, list) else [item]
            if any(isinstance(p, _parser.SubPattern) and _looks_back(p) for p in parts):
                return True
    return False


def _alternation(names: list[str]) -> str:
    """Longest first at each position, as a prefix tree (a few alternatives per position)."""
    return _trie(sorted({n for n in names if n}))


def guarded_alternation(names: list[str], behind: str) -> str:
    """``(?<!behind)(?:names)`` with the guard after each first letter (same matches): a pattern
    that opens with a letter lets the regex engine skip ahead to those letters."""
    tree: dict = {}
    for w in sorted({n for n in names if n}):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    branches = [
        f"{re.escape(ch)}(?<!{behind}{re.escape(ch)}){_trie_node(child)}"
        for ch, child in sorted(tree.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _compile_orgs(orgs: list[dict]) -> tuple[re.Pattern[str], dict[str, Organisation]]:
    by_alias: dict[str, Organisation] = {}
    for org in orgs:
        value = Organisation(org["name"], org.get("kind", "company"))
        for alias in [org["name"], *org.get("aliases", [])]:
            by_alias.setdefault(alias, value)
    pattern = re.compile(guarded_alternation(list(by_alias), r"[\w.]") + r"(?![\w])")
    return pattern, by_alias


def _compile_products(orgs: list[dict]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    owner = {p: o["name"] for o in orgs for p in o.get("products", [])}
    if not owner:
        return None, owner
    return re.compile(guarded_alternation(list(owner), r"[\w.-]") + r"(?![\w])"), owner


_GUARD_LETTER = re.compile(r"\(\?<!(\[[^\]]+\])\)\[A-Z\]")
_GUARD_RUN = re.compile(r"\(\?<!(\[[^\]]+\])\)(\(?)\(\?:\[A-Z\]([^()|]*)\)\{1,([1-9])\}")


def guard_after_first_letter(source: str) -> str:
    """A case-sensitive cue that opens with a left guard and a capital, ``(?<![…])[A-Z]…`` or
    ``(?<![…])(?:[A-Z]…){1,n}``, rewritten with the guard after that capital (same matches), so
    the regex engine skips ahead to capitals instead of trying every position."""
    m = _GUARD_LETTER.match(source)
    if m:
        return f"[A-Z](?<!{m.group(1)}.)" + source[m.end() :]
    m = _GUARD_RUN.match(source)
    if m:
        guard, opening, rest, most = m.groups()
        head = f"{opening}[A-Z](?<!{guard}.){rest}(?:[A-Z]{rest}){{0,{int(most) - 1}}}"
        return head + source[m.end() :]
    return source


def _compile_cues(data: dict) -> dict[str, re.Pattern[str]]:
    rx: dict[str, re.Pattern[str]] = {}
    flat: dict[str, str] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if isinstance(value, str):
            flat[key] = value
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
    for key, value in flat.items():
        if key in _CASE_SENSITIVE:
            rx[key] = re.compile(guard_after_first_letter(value))
        else:
            rx[key] = re.compile(value, _IC)
    return rx


def _compile_triggers(data: dict) -> tuple[Trigger, ...]:
    return tuple(
        Trigger(
            t["kind"],
            t["role"],
            t.get("priority", 5),
            t.get("needs", ""),
            re.compile(t["pattern"], 0 if t.get("case_sensitive") else _IC),
            bool(t.get("weak", False)),
            tuple(s.lower() for s in t.get("stems", [])),
        )
        for t in data["triggers"]
    )


def _read_user(path: Path | None) -> dict | None:
    if path is None or not path.is_file():
        return None
    try:
        return _read(path)
    except (OSError, ValueError):
        return None  # a broken user file must not break extraction


@lru_cache(maxsize=8)
def load_lexicon(events_path: Path, orgs_path: Path, user_orgs_path: Path | None = None) -> Lexicon:
    """Read and compile the lexicons (cached per set of paths)."""
    data = _read(events_path)
    orgs, people = _merge_orgs(_read(orgs_path), _read_user(user_orgs_path))
    triggers = _compile_triggers(data)
    stem_index, stemless = _index_stems(triggers)
    stem_re, stem_ids = _stem_scanner(stem_index)
    org_re, by_alias = _compile_orgs(orgs)
    prod_re, owner = _compile_products(orgs)
    return Lexicon(
        triggers=triggers,
        stem_index=stem_index,
        stemless=stemless,
        any_trigger=re.compile("|".join(f"(?:{t['pattern']})" for t in data["triggers"]), _IC),
        orgs=org_re,
        org_by_alias=by_alias,
        products=prod_re,
        product_owner=owner,
        people=people,
        people_re=re.compile(guarded_alternation(list(people), r"[\w]") + r"(?![\w])")
        if people
        else None,
        rx=_compile_cues(data),
        generic_words=frozenset(data.get("generic_subject_words", [])),
        role_words=frozenset(data.get("role_words", [])),
        org_suffix_words=tuple(data.get("org_suffix_words", [])),
        org_descriptor_words=tuple(data.get("org_descriptor_words", [])),
        not_person_words=frozenset(data.get("not_person_words", [])),
        not_product_words=frozenset(data.get("not_product_words", [])),
        kind_verbs=data.get("kind_verbs", {}),
        name_stop_words=frozenset(data.get("name_stop_words", [])),
        subject_followers=frozenset(data.get("subject_followers", [])),
        not_actor_words=frozenset(data.get("not_actor_words", [])),
        given_names=frozenset(data.get("given_names", [])),
        place_names=frozenset(data.get("place_names", [])),
        stem_re=stem_re,
        role_re=word_scanner(data.get("role_words", [])),
        stem_ids=stem_ids,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicons, with the user's ``organisations.json`` (data folder) merged over.

    Cached for the process; ``default_lexicon.cache_clear()`` (and ``load_lexicon``'s) re-reads
    the files, e.g. after the user edited their gazetteer."""
    from desktop.paths import data_dir, resource_path

    try:
        user: Path | None = data_dir() / "organisations.json"
    except OSError:
        user = None
    return load_lexicon(
        resource_path("lexicons", "events.json"),
        resource_path("lexicons", "organisations.json"),
        user,
    )
