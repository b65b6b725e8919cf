"""desktop.sources: decoding, front matter, HTML, datelines, titles, errors, demo corpus."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.sources import (
    MAX_BYTES,
    Document,
    SourceError,
    document_from_bytes,
    find_dateline,
    guess_headline,
    html_to_text,
    looks_like_html,
    parse_date_value,
    read_document,
    split_front_matter,
)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
# The shared seed corpus sits beside the checkout (../shared); its gold events are also kept
# in tests/data so the acceptance checks always run.
SHARED = ROOT.parent / "shared" / "corpus"
SEED = SHARED / "seed"
GOLD = ROOT / "tests" / "data" / "seed-events.jsonl"
FIRST = "000_d811895cfb67b861.txt"
SECOND = "001_19399f3a16a76d02.txt"
MARCH_25 = dt.date(2025, 3, 25)


def from_text(text: str, name: str = "a.txt", **kwargs) -> Document:
    return document_from_bytes(text.encode("utf-8"), name, **kwargs)


# --- demo corpus --------------------------------------------------------------------------


def test_demo_first_article_is_the_seed_byte_for_byte() -> None:
    if not SEED.is_dir():
        pytest.skip("shared seed corpus not available")
    assert (DEMO / FIRST).read_bytes() == (SEED / FIRST).read_bytes()


def test_demo_second_article_stores_the_seed_text_exactly() -> None:
    doc = read_document(DEMO / SECOND)
    assert doc.published == MARCH_25
    assert doc.published_from == "front_matter"
    assert doc.title and "open-source" in doc.title
    assert doc.source.startswith("sample article")
    assert doc.warnings == ()
    if SEED.is_dir():
        assert doc.text == (SEED / SECOND).read_text(encoding="utf-8")


def test_demo_first_article_dateline_and_headline() -> None:
    doc = read_document(DEMO / FIRST)
    assert doc.published == MARCH_25
    assert doc.published_from == "dateline"
    assert doc.title == "The Rise of Open-Source AI: China’s Bold Move Against Tech Giants"
    assert doc.text == (DEMO / FIRST).read_text(encoding="utf-8")


def test_every_gold_evidence_is_a_substring_of_its_demo_document() -> None:
    gold = GOLD
    texts = {name: read_document(DEMO / name).text for name in (FIRST, SECOND)}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    assert rows
    for row in rows:
        for evidence in [row["evidence"], *row.get("alt_evidence", [])]:
            assert evidence in texts[row["doc"]], (row["doc"], evidence)


# --- decoding -----------------------------------------------------------------------------

TEXT = "Café “quoted” — naïve résumé\nsecond line\n"


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        (TEXT.encode("utf-8"), False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), False),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), False),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), False),
        (TEXT.encode("utf-16-le"), False),
        (TEXT.encode("utf-16-be"), False),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), False),
        (TEXT.encode("cp1252"), True),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes, warned: bool) -> None:
    doc = document_from_bytes(data, "a.txt")
    assert doc.text == TEXT
    assert doc.id == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert any("Windows-1252" in w for w in doc.warnings) == warned


def test_latin1_text_decodes() -> None:
    data = "Zürich, São Paulo and Malmö: ¿qué?\n".encode("latin-1")
    assert document_from_bytes(data, "a.txt").text == "Zürich, São Paulo and Malmö: ¿qué?\n"


def test_cp1252_unassigned_bytes_fall_back_to_latin1() -> None:
    assert document_from_bytes(b"caf\xe9 \x81ok\n", "a.txt").text == "café \x81ok\n"


def test_c1_controls_from_bad_conversions_are_still_text() -> None:
    text = "It\x92s Baidu\x92s model, they\x92re sure.\n" * 50
    assert document_from_bytes(text.encode(), "a.txt").text == text


def test_line_ends_are_normalised_and_nothing_else() -> None:
    data = "a\r\nb\rc\n\u2028d\u00a0e\t\ufb01".encode()
    assert document_from_bytes(data, "a.txt").text == "a\nb\nc\n\u2028d\u00a0e\t\ufb01"


def test_utf16_with_crlf() -> None:
    data = codecs.BOM_UTF16_LE + "one\r\ntwo\r\n".encode("utf-16-le")
    assert document_from_bytes(data, "a.txt").text == "one\ntwo\n"


@pytest.mark.parametrize(
    ("charset", "codec", "words"),
    [
        ("gb2312", "gbk", "腾讯发布了混元模型，百度开源文心。"),
        ("windows-1251", "cp1251", "Яндекс выпустил новую модель"),
        ("shift_jis", "shift_jis", "ソフトバンクが新しいモデルを発表"),
    ],
)
def test_html_declared_charset_is_used_when_not_utf8(charset: str, codec: str, words: str) -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"</head><body><p>{words}</p></body></html>"
    )
    doc = document_from_bytes(page.encode(codec), "page.html")
    assert doc.text == words
    assert any("declared" in w for w in doc.warnings)


def test_declared_charset_is_ignored_for_valid_utf8() -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>Café ok</p></body></html>'
    assert document_from_bytes(page.encode(), "p.html").text == "Café ok"


# --- errors -------------------------------------------------------------------------------


def _error(data: bytes, name: str = "bad.txt") -> str:
    with pytest.raises(SourceError) as info:
        document_from_bytes(data, name)
    message = str(info.value)
    assert "\n" not in message
    assert name in message
    return message


def test_png_is_refused() -> None:
    assert "PNG" in _error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "pic.png")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"SQLite format 3\x00" + bytes(80),
        b"\x7fELF\x02\x01\x01" + bytes(20),
    ],
    ids=["pdf", "zip", "sqlite", "elf"],
)
def test_known_binary_formats_are_refused(data: bytes) -> None:
    _error(data)


def test_random_binary_is_refused() -> None:
    data = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert "binary" in _error(data)


def test_control_characters_are_refused() -> None:
    data = b"".join(bytes([i % 8 + 1]) + b"ab" for i in range(200))
    assert "binary" in _error(data)


def test_utf8_with_a_broken_byte_is_undecodable() -> None:
    data = "naïve café ".encode() + b"\xff" + " résumé".encode()
    assert "undecodable" in _error(data)


def test_utf16_bom_with_broken_surrogate_is_undecodable() -> None:
    assert "undecodable" in _error(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00")


def test_utf8_bom_with_invalid_utf8_is_undecodable() -> None:
    assert "undecodable" in _error(codecs.BOM_UTF8 + b"abc \xc3\x28 def")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t "], ids=["empty", "blank"])
def test_empty_files_are_refused(data: bytes) -> None:
    _error(data)


def test_front_matter_only_is_refused() -> None:
    assert "no readable text" in _error(b"---\ntitle: x\n---\n\n")


def test_html_without_visible_text_is_refused() -> None:
    _error(b"<!DOCTYPE html><html><head><title>t</title></head><body> </body></html>", "p.html")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(SourceError, match=r"nope\.txt: no such file"):
        read_document(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="folder"):
        read_document(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_document(fifo)


def test_empty_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match=r"empty\.md: the file is empty"):
        read_document(path)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 64 MB written
    with pytest.raises(SourceError, match=r"huge\.txt: too large"):
        read_document(path)


def test_error_message_escapes_control_characters_in_names() -> None:
    with pytest.raises(SourceError) as info:
        document_from_bytes(b"", "evil\nname.txt")
    assert "\n" not in str(info.value)


# --- large input --------------------------------------------------------------------------


def test_fifty_megabyte_article_reads_fast(tmp_path: Path) -> None:
    paragraph = "Baidu unveiled Ernie 4.5 on March 16, “a leap” — said the firm.\r\n\r\n"
    head = "---\ntitle: Big: one\npublished: 2025-03-25\n---\n"
    count = 50 * 1024 * 1024 // len(paragraph.encode())
    path = tmp_path / "big.txt"
    path.write_bytes((head + paragraph * count).encode("utf-8"))
    assert path.stat().st_size > 49 * 1024 * 1024
    started = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - started
    expected_paragraph = paragraph.replace("\r\n", "\n")
    assert len(doc.text) == len(expected_paragraph) * count
    assert doc.text.startswith(expected_paragraph + expected_paragraph)
    assert doc.text.endswith(expected_paragraph)
    assert doc.title == "Big: one"
    assert doc.published == MARCH_25
    assert elapsed < 10, elapsed


# --- front matter -------------------------------------------------------------------------


def test_front_matter_is_removed_and_used() -> None:
    text = (
        "---\n"
        "title: 'Baidu: Ernie 4.5 \"open\" at last: what [it] means'\n"
        "Published: 2024-12-01\n"
        "source: https://example.com/a?b=c:d\n"
        "author: Jane: Doe\n"
        "\n"
        "---\n"
        "Body starts here.\n"
    )
    doc = from_text(text, source="given")
    assert doc.text == "Body starts here.\n"
    assert doc.title == 'Baidu: Ernie 4.5 "open" at last: what [it] means'
    assert doc.published == dt.date(2024, 12, 1)
    assert doc.published_from == "front_matter"
    assert doc.source == "https://example.com/a?b=c:d"
    assert doc.meta == {"author": "Jane: Doe"}
    assert doc.warnings == ()


def test_only_one_pair_of_matching_quotes_is_stripped() -> None:
    front = split_front_matter("---\na: \"'x'\"\nb: \"y'\nc:   spaced out  \n---\nz")
    assert front.fields == {"a": "'x'", "b": "\"y'", "c": "spaced out"}


def test_bad_front_matter_line_is_a_warning_not_a_dropped_document() -> None:
    doc = from_text("---\ntitle: Fine\nthis line has no colon\n---\nBody.\n")
    assert doc.text == "Body.\n"
    assert doc.title == "Fine"
    assert any("line 3" in w for w in doc.warnings)


def test_block_without_any_key_is_kept_as_text() -> None:
    text = "---\nJust a ruled paragraph\n---\nBody.\n"
    doc = from_text(text)
    assert doc.text == text
    assert doc.warnings


def test_unclosed_front_matter_is_kept_as_text() -> None:
    text = "---\ntitle: x\nBody without a closing fence.\n"
    doc = from_text(text)
    assert doc.text == text
    assert any("closing" in w for w in doc.warnings)


def test_invalid_published_is_warned_and_falls_back_to_dateline() -> None:
    doc = from_text("---\npublished: next Tuesday\n---\nHeadline\nMarch 3, 2025\nBody.\n")
    assert doc.published == dt.date(2025, 3, 3)
    assert doc.published_from == "dateline"
    assert any("published" in w for w in doc.warnings)


def test_date_key_is_an_alias_for_published() -> None:
    doc = from_text("---\ndate: 2023-07-09T10:00:00Z\n---\nBody.\n")
    assert doc.published == dt.date(2023, 7, 9)


def test_four_dashes_are_not_a_fence() -> None:
    text = "----\ntitle: x\n----\nBody.\n"
    doc = from_text(text)
    assert doc.text == text
    assert doc.warnings == ()


_SAFE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r").filter(
        lambda c: c not in "\x85\ufeff"
    )
    | st.sampled_from("\n\t"),
    min_size=1,
).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(
    body=_SAFE_TEXT,
    title=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1
    ).filter(lambda t: t[0] not in "\"'#" and "\x85" not in t),
)
def test_any_text_with_front_matter_reads_back_exactly(body: str, title: str) -> None:
    assume(not looks_like_html(body))  # a body that is itself HTML is converted, by design
    data = f"---\ntitle: {title}\npublished: 2025-03-25\n---\n{body}".encode()
    doc = document_from_bytes(data, "x.md")
    assert doc.text == body
    assert doc.title == title
    assert (doc.published, doc.published_from) == (MARCH_25, "front_matter")
    assert doc.id == hashlib.sha256(body.encode()).hexdigest()


@settings(max_examples=60, deadline=None)
@given(body=_SAFE_TEXT)
def test_any_utf8_text_reads_back_exactly(body: str) -> None:
    assume(not looks_like_html(body) and not body.startswith("---"))
    assert document_from_bytes(body.encode("utf-8"), "x.txt").text == body


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Tab   title</title>
<meta property="og:title" content="OG &amp; title">
<meta property="article:published_time" content="2025-03-24T23:30:00-05:00">
<link rel="canonical" href="https://news.example/a">
<style>p { color: red }</style>
<script>document.write("<p>injected</p>")</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/tech">Tech</a></nav>
<article>
<h1>Baidu   opens <em>Ernie</em></h1>
<p>On March 16, Baidu &amp; partners
   unveiled &lt;b&gt;Ernie 4.5&lt;/b&gt; &#8212; a&nbsp;model.</p>
<p>Second<br>line, <a href="#">linked</a>.</p>
<ul><li>one</li><li>two</li></ul>
<template><p>hidden</p></template>
<table><tr><td>cell a</td><td>cell b</td></tr></table>
<pre>  keep
    this</pre>
</article>
<script type="application/ld+json">{"datePublished": "2020-01-01"}</script>
</body></html>
"""


def test_html_text_is_what_a_reader_sees() -> None:
    doc = document_from_bytes(PAGE.encode(), "page.html")
    assert doc.text == (
        "Baidu opens Ernie\n\n"
        "On March 16, Baidu & partners unveiled <b>Ernie 4.5</b> — a\u00a0model.\n\n"
        "Second\nline, linked.\n\n"
        "one\ntwo\n\n"
        "cell a cell b\n\n"
        "  keep\n    this"
    )
    assert doc.title == "OG & title"
    assert doc.published == dt.date(2025, 3, 24)
    assert doc.published_from == "meta"
    assert doc.source == "https://news.example/a"
    for leaked in ("injected", "color", "Home", "hidden", "<p>", "datePublished"):
        assert leaked not in doc.text


def test_html_is_sniffed_in_a_txt_file() -> None:
    doc = document_from_bytes(b"<!doctype html><html><body><p>A &amp; B</p></body></html>", "a.txt")
    assert doc.text == "A & B"


def test_html_markup_inside_text_is_data() -> None:
    html = "<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p></body></html>"
    assert html_to_text(html).text == "<script>alert(1)</script> &amp;"


def test_markdown_is_kept_verbatim() -> None:
    text = "# Title here\n\n*Emphasis* and <b>inline html</b> stay.\n"
    doc = from_text(text, "a.md")
    assert doc.text == text
    assert doc.title == "Title here"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:published_time" content="2025-03-25T04:05:00Z">',
        '<meta name="pubdate" content="2025-03-25">',
        '<meta name="publishdate" content="March 25, 2025">',
        '<meta name="date" content="2025-03-25">',
        '<meta name="DC.date.issued" content="2025-03-25">',
        '<meta name="dc.date" content="2025-03-25">',
        '<meta name="parsely-pub-date" content="2025-03-25T04:05:00Z">',
        '<meta itemprop="datePublished" content="2025-03-25">',
        '<script type="application/ld+json">{"@type": "NewsArticle",\n'
        ' "datePublished" : "2025-03-25T04:05:00+08:00"}</script>',
    ],
)
def test_html_meta_dates(head: str) -> None:
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    assert html_to_text(html).published == MARCH_25


def test_html_time_element_in_the_article_wins_over_earlier_ones() -> None:
    html = (
        '<html><body><aside><time datetime="2020-01-01">old</time></aside>'
        '<article><time datetime="2025-03-25T08:00">today</time><p>Text.</p></article>'
        "</body></html>"
    )
    assert html_to_text(html).published == MARCH_25


def test_html_title_falls_back_to_title_then_h1() -> None:
    assert html_to_text("<html><title> A\n title </title><h1>H</h1></html>").title == "A title"
    assert html_to_text(
        "<html><body><h1>First <i>one</i></h1><h1>Two</h1></body></html>"
    ).title == ("First one")


def test_html_without_meta_uses_the_dateline() -> None:
    html = "<html><body><h1>Head</h1><p>Published: 25 March 2025</p><p>Body.</p></body></html>"
    doc = document_from_bytes(html.encode(), "a.htm")
    assert doc.published == MARCH_25
    assert doc.published_from == "dateline"


def test_footers_and_sidebars_outside_the_article_are_dropped() -> None:
    page = (
        "<html><body><header>Site name</header><article><p>Story.</p>"
        "<aside>Pull quote</aside><footer>Filed under AI</footer></article>"
        "<aside>Related: OpenAI launches a model</aside><footer>© 2025 News</footer></body></html>"
    )
    assert html_to_text(page).text == "Site name\n\nStory.\n\nPull quote\n\nFiled under AI"


@pytest.mark.parametrize(
    "junk",
    ["<" * 60_000, "</" * 60_000, "<?" * 60_000, "<a" * 60_000, "<!--" * 60_000 + ">"],
    ids=["lt", "end", "pi", "open", "comments"],
)
def test_hostile_html_is_parsed_in_linear_time(junk: str) -> None:
    started = time.perf_counter()
    html_to_text("<html><body><p>x</p>" + junk[: len(junk) // 8])
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    result = html_to_text("<html><body><p>x</p>" + junk)
    big_time = time.perf_counter() - started
    assert result.text.startswith("x")
    assert big_time < 25 * small_time + 0.05, (small_time, big_time)


def test_unclosed_head_ends_at_body() -> None:
    assert html_to_text("<html><head><title>t</title><body><p>Seen</p></body>").text == "Seen"


# --- datelines and headlines --------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "March 25, 2025, 4:05 am",
        "Mar. 25, 2025",
        "Mar 25 2025 | 10:00 GMT",
        "25 March 2025",
        "Tuesday, 25th March, 2025",
        "2025-03-25",
        "2025/03/25 08:00",
        "Published: 25/03/2025",
        "Published on 03/25/2025",
        "Posted March 25, 2025",
        "By Jane Doe | March 25, 2025",
        "Reuters · 25 Mar 2025",
        "Updated 4:05 AM EDT, Tue March 25, 2025",
        "10:00 GMT 25 March 2025",
        "2025年3月25日 10:05",
        "发布时间：2025年3月25日",
    ],
)
def test_dateline_forms(line: str) -> None:
    assert find_dateline(f"Some headline here\n\n{line}\n\nThe body text.\n") == MARCH_25


@pytest.mark.parametrize(
    "line",
    ["03/04/2025", "Published: 04.03.2025", "March 2025", "Feb 30, 2025", "Mayor 25, 2025"],
)
def test_ambiguous_or_invalid_datelines_are_skipped(line: str) -> None:
    assert find_dateline(f"Headline\n{line}\nBody.\n") is None


def test_equal_day_and_month_is_unambiguous() -> None:
    assert find_dateline("Headline\n05/05/2025\n") == dt.date(2025, 5, 5)


def test_published_line_beats_updated_line() -> None:
    text = "Headline\nUpdated: March 26, 2025\nPublished: March 25, 2025\nBody.\n"
    assert find_dateline(text) == MARCH_25
    assert find_dateline("Headline\nLast updated March 26, 2025\nBody.\n") == dt.date(2025, 3, 26)


def test_dates_in_the_body_are_not_datelines() -> None:
    body = "".join(f"Paragraph {i} talks.\n\n" for i in range(15))
    assert find_dateline(f"Headline\n\n{body}March 25, 2025\n") is None
    sentence = "March 25, 2025 was the day when " + "a very long story unfolded " * 5
    assert find_dateline(f"Headline\n{sentence}\n") is None


def test_headline_rules() -> None:
    assert guess_headline("\n\n  Big news today  \nbody") == "Big news today"
    assert guess_headline("This is a sentence.\nbody") is None
    assert guess_headline("x" * 250 + "\nbody") is None
    assert guess_headline("March 25, 2025\nbody") is None
    assert guess_headline("Wait...\nbody") == "Wait..."


def test_parse_date_value_forms() -> None:
    assert parse_date_value("2025-03-25T23:59:00-08:00") == MARCH_25
    assert parse_date_value("20250325") == MARCH_25
    assert parse_date_value("Tue, 25 Mar 2025 10:00:00 +0000") == MARCH_25
    assert parse_date_value("soon") is None


# --- precedence ---------------------------------------------------------------------------


def test_published_argument_overrides_everything() -> None:
    doc = from_text("---\npublished: 2024-01-01\n---\nMarch 3, 2025\nBody.\n", published=MARCH_25)
    assert (doc.published, doc.published_from) == (MARCH_25, "user")
    doc = read_document(DEMO / FIRST, published=dt.datetime(2020, 2, 2, 12, 0))
    assert (doc.published, doc.published_from) == (dt.date(2020, 2, 2), "user")


def test_front_matter_beats_html_meta_and_meta_beats_dateline() -> None:
    page = (
        '<html><head><meta name="date" content="2023-03-03"></head>'
        "<body><p>March 4, 2024</p><p>Body.</p></body></html>"
    )
    assert document_from_bytes(page.encode(), "a.html").published == dt.date(2023, 3, 3)
    with_front = f"---\npublished: 2022-02-02\n---\n{page}"
    doc = document_from_bytes(with_front.encode(), "a.html")
    assert (doc.published, doc.published_from) == (dt.date(2022, 2, 2), "front_matter")


def test_no_date_anywhere_is_none() -> None:
    doc = from_text("Headline\nNothing dated here.\n")
    assert (doc.published, doc.published_from) == (None, "none")


def test_id_is_stable_and_depends_only_on_the_stored_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Line one\r\nLine two\r\n")
    first = read_document(path)
    assert first.id == read_document(path).id
    assert first.id == from_text("Line one\nLine two\n", "other.md").id
    assert first.id == hashlib.sha256(b"Line one\nLine two\n").hexdigest()
    assert first.id != from_text("Line one\nLine two", "a.txt").id


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_bytes_give_a_document_or_a_source_error(data: bytes, name: str) -> None:
    try:
        doc = document_from_bytes(data, name)
    except SourceError as error:
        assert "\n" not in str(error)
    else:
        assert doc.text.strip()
        assert "\r" not in doc.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!?-[]&;#\"'= abpdivstyleCDAT\n")), max_size=80))
def test_any_markup_soup_parses_without_raising(soup: str) -> None:
    result = html_to_text("<html><body>" + soup)
    assert "\r" not in result.text
