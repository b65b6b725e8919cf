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


def unresolved_libraries(bundle: Path) -> list[str]:
    """Libraries some bundled binary links to that are neither bundled nor left to the system."""
    from PyInstaller.depend import dylib
    from PyInstaller.depend.bindepend import get_imports

    bundled = {p.name for p in bundle.rglob("*") if ".so" in p.name}
    problems = []
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        for name, resolved in get_imports(str(path)):
            base = Path(name).name
            if base not in bundled and (resolved is None or dylib.include_library(base)):
                problems.append(f"{path.relative_to(bundle)} needs {base}")
    return problems


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
    problems = unresolved_libraries(bundle)
    if problems:
        raise SystemExit("build.py: unresolved libraries:\n  " + "\n  ".join(problems))


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
