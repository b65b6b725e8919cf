"""HTML -> the text a reader sees, plus the page's title and publication date.

Uses the standard library's ``html.parser``: markup never reaches the text, entities are
unescaped, whitespace inside a paragraph collapses as a browser shows it, block elements become
paragraph or line breaks, and script/style/head/nav/template (and similar) contents are dropped,
as are footers and sidebars (``footer``, ``aside``) outside an ``<article>``.
Text inside the page is data: it is never interpreted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from desktop.sources.dates import parse_date_value

# fmt: off
_SKIP = frozenset({
    "script", "style", "head", "nav", "template", "noscript", "svg", "math", "iframe",
    "object", "canvas", "select", "textarea", "button",
})
_PARAGRAPH = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table", "figure", "figcaption",
    "hr", "address", "details", "summary", "fieldset", "form", "body", "html", "center",
})
# Page furniture when outside an <article>: site footers and sidebars.
_FURNITURE = frozenset({"aside", "footer"})
_LINE = frozenset({"br", "li", "tr", "dt", "dd", "option", "caption", "legend"})
_CELL = frozenset({"td", "th"})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# fmt: on
# Browser whitespace (not NBSP, which is a character of its own and kept).
_SPACES = re.compile(r"[ \t\n\r\f]+")
# meta name/property/itemprop values that carry the publication date, best first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
)
_TITLE_KEYS = ("og:title", "twitter:title")
# A "<" that cannot open a tag, comment, declaration or end tag is text; written as "&lt;" it
# reads the same but spares html.parser a quadratic rescan on inputs full of stray "<".
_STRAY_LT = re.compile(r"<(?![A-Za-z!?/])|</(?![A-Za-z])")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"\\]{4,40})"')


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None = None
    published: dt.date | None = None
    canonical_url: str | None = None


def looks_like_html(text: str) -> bool:
    """True when the text clearly is an HTML document (a doctype or <html> at the top)."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith(("<?xml", "<!--")) and "<html" in head
    )


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ")


class _Reader(HTMLParser):
    """Collects visible text as paragraphs and the metadata the page declares."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []  # finished output pieces
        self.inline: list[str] = []  # text of the paragraph being read
        self.pending_break = ""  # "\n" or "\n\n" to write before the next text
        self.skip: dict[str, int] = {}  # open skipped elements
        self.pre_depth = 0
        self.meta: dict[str, str] = {}  # first value for each lower-cased key
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.json_ld: list[str] = []
        self.in_json_ld = False
        self.time_in_article: str | None = None
        self.time_anywhere: str | None = None
        self.article_depth = 0
        self.canonical: str | None = None

    # --- output -------------------------------------------------------------------------
    def _flush(self, brk: str) -> None:
        text = _collapse("".join(self.inline))
        self.inline.clear()
        if text.strip():  # a paragraph of only &nbsp; shows as nothing
            self._emit(text)
        if self.out and len(brk) > len(self.pending_break):
            self.pending_break = brk

    def _emit(self, text: str) -> None:
        if self.out and self.pending_break:
            self.out.append(self.pending_break)
        self.pending_break = ""
        self.out.append(text)

    def result(self) -> str:
        self._flush("")
        return "".join(self.out)

    # --- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        self._note_metadata(tag, values)
        if tag == "body":
            self.skip.pop("head", None)  # an unclosed <head> ends where the body starts
        if tag in _SKIP or (tag in _FURNITURE and (not self.article_depth or tag in self.skip)):
            if tag not in _VOID:
                self.skip[tag] = self.skip.get(tag, 0) + 1
            return
        self._structure(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        self._note_metadata(tag, values)
        if tag not in _SKIP:
            self._structure(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skip:
            self.skip[tag] -= 1
            if self.skip[tag] <= 0:
                del self.skip[tag]
            if tag == "script":
                self.in_json_ld = False
            return
        if tag == "title" and self.title_parts is not None:
            self.title = _collapse("".join(self.title_parts)) or None
            self.title_parts = None
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _collapse("".join(self.h1_parts)) or None
            self.h1_parts = None
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        self._structure(tag, opening=False)

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.json_ld.append(data)
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.skip:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.pre_depth:
            self._flush("")
            self._emit(data.replace("\r\n", "\n").replace("\r", "\n"))
        else:
            self.inline.append(data)

    # --- helpers ------------------------------------------------------------------------
    def _structure(self, tag: str, opening: bool) -> None:
        if self.skip:
            return
        if tag in _PARAGRAPH:
            self._flush("\n\n")
        elif tag in _LINE:
            self._flush("\n")
        elif tag in _CELL and opening:
            self.inline.append(" ")
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth + (1 if opening else -1))
        if tag == "h1" and opening and self.h1 is None:
            self.h1_parts = []

    def _note_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            content = attrs.get("content") or attrs.get("datetime")
            if key and content:
                self.meta.setdefault(key.strip().lower(), content.strip())
        elif tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "script":
            self.in_json_ld = attrs.get("type", "").strip().lower() == "application/ld+json"
        elif tag == "article":
            self.article_depth += 1
        elif tag == "time" or attrs.get("itemprop", "").lower() == "datepublished":
            self._note_time(attrs)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs.get("href") or None

    def _note_time(self, attrs: dict[str, str]) -> None:
        value = attrs.get("datetime") or attrs.get("content")
        if not value or self.skip:
            return
        if attrs.get("itemprop", "").lower() == "datepublished":
            self.meta.setdefault("datepublished", value.strip())
        if self.article_depth and self.time_in_article is None:
            self.time_in_article = value
        if self.time_anywhere is None:
            self.time_anywhere = value


def _published(reader: _Reader) -> dt.date | None:
    candidates = [reader.meta.get(key) for key in _DATE_KEYS]
    candidates.extend(_JSON_LD_DATE.findall("".join(reader.json_ld)))
    candidates.extend([reader.time_in_article, reader.time_anywhere])
    for value in candidates:
        found = parse_date_value(value) if value else None
        if found:
            return found
    return None


def _defuse(html: str) -> str:
    """The same page with every "<" that can never start markup written as "&lt;".

    That is a "<" not followed by a letter, "!", "?" or "/" + letter, and any "<" after the
    last ">" (no tag can close there). Linear; keeps html.parser linear on hostile input.
    """
    last = html.rfind(">")
    head, tail = html[: last + 1], html[last + 1 :]
    head = _STRAY_LT.sub(lambda m: "&lt;" + m.group()[1:], head)
    return head + tail.replace("<", "&lt;")


def html_to_text(html: str) -> HtmlText:
    """Visible text (paragraphs separated by a blank line), title, date and canonical URL."""
    reader = _Reader()
    reader.feed(_defuse(html))
    reader.close()
    text = reader.result()
    meta_title = next((reader.meta[key] for key in _TITLE_KEYS if reader.meta.get(key)), None)
    title = _collapse(meta_title) if meta_title else (reader.title or reader.h1)
    canonical = reader.canonical or reader.meta.get("og:url") or None
    return HtmlText(text, title or None, _published(reader), canonical)
