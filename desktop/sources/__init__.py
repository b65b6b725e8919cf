"""Reading articles: bytes or files -> Document (stored text, title, publication date).

No Qt and no SQL here. See DESIGN.md "Text and documents".
"""

from desktop.sources.dateline import find_dateline, guess_headline
from desktop.sources.dates import parse_date_value, parse_iso_date
from desktop.sources.decoding import MAX_BYTES, decode_bytes
from desktop.sources.document import Document, SourceError
from desktop.sources.frontmatter import FrontMatter, split_front_matter
from desktop.sources.html_text import HtmlText, html_to_text, looks_like_html
from desktop.sources.reader import document_from_bytes, read_document

__all__ = [
    "MAX_BYTES",
    "Document",
    "FrontMatter",
    "HtmlText",
    "SourceError",
    "decode_bytes",
    "document_from_bytes",
    "find_dateline",
    "guess_headline",
    "html_to_text",
    "looks_like_html",
    "parse_date_value",
    "parse_iso_date",
    "read_document",
    "split_front_matter",
]
