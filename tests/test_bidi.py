from types import SimpleNamespace

from desktop.viewmodel.bidi import isolate
from desktop.viewmodel.selection_controller import source_header


def test_plain_ascii_is_left_alone():
    assert isolate("report.txt") == "report.txt"


def test_direction_controls_are_isolated():
    assert isolate("evil\u202etxt.exe") == "\u2068evil\u202etxt.exe\u2069"
    assert isolate("خبر") == "\u2068خبر\u2069"


def test_source_header_keeps_an_override_in_the_file_name_inside_it():
    doc = SimpleNamespace(file_name="a\u202eb.txt", title="Title", published="2025-03-25")
    header = source_header(doc)
    assert header.startswith("\u2068a\u202eb.txt\u2069 — Title")
    assert header.endswith("25 Mar 2025")
