"""Desktop integration files and the per-user install scripts (the bundle build is not here:
it is packaging/smoke_test.sh, too slow for pytest)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP_DIR = ROOT / "resources" / "desktop"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.eventline.Eventline"
MIME_TYPE = "application/x-eventline-store"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
INSTALL = ROOT / "packaging" / "install.sh"
UNINSTALL = ROOT / "packaging" / "uninstall.sh"


def _load(name: str) -> ModuleType:
    """Import packaging/<name>.py under a private name (``build`` is also a PyPI package)."""
    spec = importlib.util.spec_from_file_location(
        f"eventline_packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load("build")
render_icons = _load("render_icons")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP_DIR / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


# ---- the committed files -------------------------------------------------------------------


def test_exactly_one_desktop_entry():
    assert [p.name for p in DESKTOP_DIR.glob("*.desktop")] == [f"{APP_ID}.desktop"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_validates_as_committed():
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_DIR / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_desktop_entry_opens_stores_with_the_app_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["eventline", "%f"]
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].split(";")[:1] == [MIME_TYPE]
    assert (ICONS / "eventline.svg").is_file()


def test_metainfo_matches_the_desktop_entry_and_mime_type():
    root = ET.parse(DESKTOP_DIR / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "eventline"
    assert root.findtext("summary") and root.find("description/p") is not None


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstreamcli")
def test_metainfo_validates():
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DESKTOP_DIR / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def mime_type_element() -> ET.Element:
    root = ET.parse(DESKTOP_DIR / "eventline-store.xml").getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    return types[0]


def test_mime_type_claims_eventline_files_never_all_db_files():
    element = mime_type_element()
    globs = [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")]
    assert globs == ["*.eventline"]
    assert element.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"


def _decode_mime_string(value: str) -> bytes:
    """shared-mime-info string values: C-style escapes such as \\000."""
    return value.encode("latin-1").decode("unicode_escape").encode("latin-1")


def _match(rule: ET.Element, header: bytes) -> bool:
    """Evaluate one <match> (and its nested ANDed children) against file bytes."""
    offset = int(rule.get("offset").split(":")[0])
    kind, value = rule.get("type"), rule.get("value")
    if kind == "string":
        wanted = _decode_mime_string(value)
    elif kind == "big32":
        wanted = int(value, 0).to_bytes(4, "big")
    else:
        raise AssertionError(f"unexpected match type {kind}")
    if header[offset : offset + len(wanted)] != wanted:
        return False
    children = rule.findall(f"{MIME_NS}match")
    return not children or any(_match(child, header) for child in children)


def mime_magic_matches(path: Path) -> bool:
    header = path.read_bytes()[:512]
    magic = mime_type_element().find(f"{MIME_NS}magic")
    return any(_match(rule, header) for rule in magic.findall(f"{MIME_NS}match"))


def test_mime_magic_uses_the_stores_application_id():
    from desktop.store import APPLICATION_ID

    magic = mime_type_element().find(f"{MIME_NS}magic")
    inner = magic.find(f"{MIME_NS}match/{MIME_NS}match")
    assert (inner.get("type"), int(inner.get("offset"))) == ("big32", 68)
    assert int(inner.get("value"), 16) == APPLICATION_ID


def test_mime_magic_matches_a_real_store_whatever_its_name(tmp_path):
    from desktop.store import EventStore

    store = tmp_path / "notes.db"
    EventStore.create_or_open(store).close()
    assert mime_magic_matches(store)


def test_mime_magic_rejects_other_sqlite_files_and_text(tmp_path):
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    other_app = tmp_path / "other.db"
    with sqlite3.connect(other_app) as conn:
        conn.execute("PRAGMA application_id = 1196312910")  # "GPKG", a GeoPackage
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "article.txt"
    text.write_text("SQLite format 3 " + "x" * 200, encoding="utf-8")
    assert not any(mime_magic_matches(p) for p in (plain, other_app, text))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_committed_pngs_have_the_size_in_their_name():
    for size in render_icons.SIZES:
        assert png_size(render_icons.png_path(size)) == (size, size)


def test_render_icons_draws_the_svg(tmp_path):
    written = render_icons.render_icons(folder=tmp_path, sizes=(16, 64))
    assert [png_size(p) for p in written] == [(16, 16), (64, 64)]
    from PySide6.QtGui import QImage

    image = QImage(str(written[1]))
    assert image.pixelColor(0, 0).alpha() == 0  # transparent corner
    assert image.pixelColor(32, 32).alpha() == 255  # the glyph itself


def test_has_debug_info_reads_elf_sections(tmp_path):
    text = tmp_path / "notes.so"
    text.write_text("not an ELF file", encoding="utf-8")
    assert build.has_debug_info(text) is False
    elf = Path(sys.executable).resolve()
    assert build.has_debug_info(elf) in (True, False)  # parses a real ELF without raising


# ---- install.sh / uninstall.sh in a scratch HOME with a fake bundle ------------------------


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle" / "eventline"
    (bundle / "_internal").mkdir(parents=True)
    binary = bundle / "eventline"
    binary.write_text("#!/bin/sh\necho fake eventline\n", encoding="utf-8")
    binary.chmod(0o755)
    return bundle


def run_script(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["bash", str(script), *args], env=env, capture_output=True, text=True, timeout=120
    )


def snapshot(home: Path) -> dict[str, bytes | str]:
    """Every path under home with its content (files), target (links) or 'dir'."""
    state: dict[str, bytes | str] = {}
    for path in sorted(home.rglob("*")):
        key = str(path.relative_to(home))
        if path.is_symlink():
            state[key] = "-> " + os.readlink(path)
        elif path.is_dir():
            state[key] = "dir"
        else:
            state[key] = path.read_bytes()
    return state


def make_lived_in_home(home: Path) -> None:
    """A HOME that already has other apps' files where install.sh writes."""
    apps = home / ".local" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", encoding="utf-8"
    )
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "other").write_text("#!/bin/sh\n", encoding="utf-8")


@pytest.mark.parametrize("lived_in", [False, True], ids=["empty-home", "lived-in-home"])
def test_install_then_uninstall_leaves_home_as_it_was(tmp_path, fake_bundle, lived_in):
    home = tmp_path / "home"
    home.mkdir()
    if lived_in:
        make_lived_in_home(home)
    before = snapshot(home)

    done = run_script(INSTALL, home, "--bundle", str(fake_bundle))
    assert done.returncode == 0, done.stderr
    data = home / ".local" / "share"
    installed = home / ".local" / "lib" / "eventline" / "eventline"
    assert installed.read_text(encoding="utf-8") == "#!/bin/sh\necho fake eventline\n"
    assert os.readlink(home / ".local" / "bin" / "eventline") == str(installed)
    entry = (data / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed} %f\n" in entry
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "mime" / "packages" / "eventline-store.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert png_size(data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png") == (48, 48)
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*.eventline" in globs
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={APP_ID}.desktop;" in cache

    done = run_script(UNINSTALL, home)
    assert done.returncode == 0, done.stderr
    assert snapshot(home) == before


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_installed_entry_validates_even_with_a_space_in_home(tmp_path, fake_bundle):
    home = tmp_path / "my home"
    home.mkdir()
    assert run_script(INSTALL, home, "--bundle", str(fake_bundle)).returncode == 0
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line == f'Exec="{home}/.local/lib/eventline/eventline" %f'


def test_reinstall_replaces_and_one_uninstall_removes_all(tmp_path, fake_bundle):
    home = tmp_path / "home"
    home.mkdir()
    for _ in range(2):
        assert run_script(INSTALL, home, "--bundle", str(fake_bundle)).returncode == 0
    assert run_script(UNINSTALL, home).returncode == 0
    assert snapshot(home) == {}


def test_install_keeps_a_foreign_eventline_command(tmp_path, fake_bundle):
    home = tmp_path / "home"
    foreign = home / ".local" / "bin" / "eventline"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho pip-installed\n", encoding="utf-8")
    assert run_script(INSTALL, home, "--bundle", str(fake_bundle)).returncode == 0
    assert not foreign.is_symlink()
    assert run_script(UNINSTALL, home).returncode == 0
    assert foreign.read_text(encoding="utf-8") == "#!/bin/sh\necho pip-installed\n"


def test_install_refuses_a_missing_bundle(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = run_script(INSTALL, home, "--bundle", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "no bundle" in done.stderr
    assert snapshot(home) == {}


def test_uninstall_without_an_install_changes_nothing(tmp_path):
    home = tmp_path / "home"
    make_lived_in_home(home)
    before = snapshot(home)
    done = run_script(UNINSTALL, home)
    assert done.returncode == 0
    assert snapshot(home) == before
