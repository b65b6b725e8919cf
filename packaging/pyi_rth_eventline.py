"""PyInstaller runtime hook: runs in the frozen app before Eventline's own code.

A bundle started with an empty environment (no LANG/LC_*) would leave Qt in the "C" locale, and
Qt then warns on stderr that it switched to C.UTF-8. Choose C.UTF-8 explicitly instead; Python
itself already runs in UTF-8 mode (-X utf8, set in eventline.spec).
"""

import os

if not any(os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"
