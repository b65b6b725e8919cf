"""Build the self-contained Eventline bundle: ``dist/eventline/`` and a ``.tar.gz`` of it.

Usage (from anywhere; paths are relative to the repository root)::

    python packaging/build.py            # installs the pinned PyInstaller if it is missing
    python packaging/build.py --no-install --clean

It runs PyInstaller on ``packaging/eventline.spec``, checks the result (binary present, resources
bundled, no dangling links, every linked library either bundled or one PyInstaller deliberately
leaves to the system), writes the tarball and prints the measured sizes and build time. The same
figures go to ``dist/build-report.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "eventline.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "eventline"
PYINSTALLER_PIN = "6.22.3"
# Shipped inside the bundle so that an unpacked tarball can install itself.
EXTRA_FILES = ("install.sh", "uninstall.sh")


def eventline_version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else "0"


def ensure_pyinstaller(allow_install: bool) -> None:
    """Make sure the pinned PyInstaller is importable by this interpreter."""
    try:
        installed = metadata.version("pyinstaller")
    except metadata.PackageNotFoundError:
        installed = None
    if installed == PYINSTALLER_PIN:
        return
    if not allow_install:
        raise SystemExit(
            f"build.py: PyInstaller {PYINSTALLER_PIN} is required (found {installed or 'none'}); "
            f"run: {sys.executable} -m pip install pyinstaller=={PYINSTALLER_PIN}"
        )
    log(f"installing pyinstaller=={PYINSTALLER_PIN} into {sys.prefix}")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", f"pyinstaller=={PYINSTALLER_PIN}"],
        check=True,
    )


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--noconfirm",
        "--log-level",
        "WARN",
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def copy_extras(bundle: Path) -> None:
    for name in EXTRA_FILES:
        target = bundle / name
        shutil.copy2(ROOT / "packaging" / name, target)
        target.chmod(0o755)


def has_debug_info(path: Path) -> bool:
    """True for a 64/32-bit little-endian ELF file with a ``.debug_info`` section."""
    import struct

    with path.open("rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[5] != 1:
        return False
    wide = data[4] == 2
    shoff = struct.unpack_from("<Q" if wide else "<I", data, 0x28 if wide else 0x20)[0]
    entsize, count, names_index = struct.unpack_from("<HHH", data, 0x3A if wide else 0x2E)
    if not shoff or not count or shoff + entsize * count > len(data):
        return False

    def section(index: int) -> tuple[int, int, int]:
        base = shoff + index * entsize
        name = struct.unpack_from("<I", data, base)[0]
        if wide:
            offset, size = struct.unpack_from("<QQ", data, base + 0x18)
        else:
            offset, size = struct.unpack_from("<II", data, base + 0x10)
        return name, offset, size

    _, names_offset, names_size = section(names_index)
    names = data[names_offset : names_offset + names_size]
    for index in range(count):
        start = section(index)[0]
        if names[start : names.find(b"\0", start)] == b".debug_info":
            return True
    return False


def strip_debug_info(bundle: Path) -> int:
    """``strip --strip-debug`` the bundled binaries that carry debug info; returns bytes saved.

    PyInstaller's own strip option strips everything, which corrupts libraries that wheels
    rewrote with patchelf (numpy.libs/... then fails: "ELF load command address/offset not
    page-aligned"); such vendored folders (``*.libs``) are left alone.
    """
    strip = shutil.which("strip")
    if strip is None:
        log("no `strip` on PATH (binutils): debug info left in place")
        return 0
    saved = 0
    for path in [*sorted(bundle.rglob("*.so*")), bundle / BUNDLE_NAME]:
        if path.is_symlink() or not path.is_file():
            continue
        if any(part.endswith(".libs") for part in path.parts) or not has_debug_info(path):
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def library_report(bundle: Path) -> tuple[list[str], list[str]]:
    """(problems, system_missing) for the libraries the bundle's binaries link to.

    A problem is a library PyInstaller would bundle that is not in the bundle. ``system_missing``
    lists libraries deliberately left to the target system (libGL, libwayland-*, ...) that this
    build machine does not have either: worth a look, not an error.
    """
    from PyInstaller.depend import dylib
    from PyInstaller.depend.bindepend import get_imports

    bundled = {p.name for p in bundle.rglob("*") if ".so" in p.name}
    problems: set[str] = set()
    system_missing: set[str] = set()
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        for name, resolved in get_imports(str(path)):
            base = Path(name).name
            if base in bundled:
                continue
            if dylib.include_library(base):
                problems.add(f"{path.relative_to(bundle)} needs {base}")
            elif resolved is None:
                system_missing.add(base)
    return sorted(problems), sorted(system_missing)


def check_bundle(bundle: Path) -> None:
    """Fail loudly if the bundle is incomplete; a silent broken bundle is worse than none."""
    binary = bundle / BUNDLE_NAME
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise SystemExit(f"build.py: no executable at {binary}")
    resources = bundle / "_internal" / "desktop" / "_resources"
    for needed in ("demo", "icons", "desktop"):
        if not (resources / needed).is_dir():
            raise SystemExit(f"build.py: resources/{needed} missing from the bundle")
    dangling = [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        raise SystemExit("build.py: dangling links in the bundle: " + ", ".join(dangling))
    problems, system_missing = library_report(bundle)
    if problems:
        raise SystemExit("build.py: unresolved libraries:\n  " + "\n  ".join(problems))
    if system_missing:
        log("left to the system, absent on this machine: " + ", ".join(system_missing))


def make_tarball(bundle: Path, version: str) -> Path:
    """``dist/eventline-VERSION-linux-ARCH.tar.gz`` holding the ``eventline/`` folder."""
    arch = os.uname().machine
    target = bundle.parent / f"{BUNDLE_NAME}-{version}-linux-{arch}.tar.gz"
    partial = target.with_name(target.name + ".part")

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=BUNDLE_NAME, filter=normalise)
    partial.replace(target)
    return target


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes on disk as ``du`` counts them, apparent bytes); links counted once, not followed."""
    on_disk = apparent = 0
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        on_disk += info.st_blocks * 512
        apparent += info.st_size
    return on_disk, apparent


def log(message: str) -> None:
    print(f"build.py: {message}", file=sys.stderr, flush=True)


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (default: dist/)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--no-install", action="store_true", help="fail instead of installing PyInstaller"
    )
    parser.add_argument("--no-tarball", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args(argv)

    ensure_pyinstaller(allow_install=not args.no_install)
    dist = args.dist.resolve()
    started = time.monotonic()
    run_pyinstaller(dist, WORK, args.clean)
    build_seconds = time.monotonic() - started
    bundle = dist / BUNDLE_NAME
    copy_extras(bundle)
    saved = strip_debug_info(bundle)
    log(f"stripped {mib(saved)} of debug info")
    check_bundle(bundle)
    on_disk, apparent = disk_usage(bundle)
    report = {
        "version": eventline_version(),
        "pyinstaller": PYINSTALLER_PIN,
        "build_seconds": round(build_seconds, 1),
        "bundle": str(bundle),
        "bundle_bytes_on_disk": on_disk,
        "bundle_bytes_apparent": apparent,
    }
    if not args.no_tarball:
        started = time.monotonic()
        tarball = make_tarball(bundle, report["version"])
        report["tarball"] = str(tarball)
        report["tarball_bytes"] = tarball.stat().st_size
        report["tarball_seconds"] = round(time.monotonic() - started, 1)
    (dist / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    log(f"built {bundle / BUNDLE_NAME} in {build_seconds:.0f} s")
    log(f"bundle: {mib(on_disk)} on disk ({mib(apparent)} apparent)")
    if "tarball" in report:
        log(f"tarball: {report['tarball']} ({mib(report['tarball_bytes'])})")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
