"""The wheel carries the compiled catalogs inside the package: built from a copy of the
source with no .mo in it, installed into a fresh environment, it speaks Lao."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from store.common.i18n import catalog

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None,
                                reason="building needs GNU gettext's msgfmt (Debian: gettext)")


def _source_copy(into: Path) -> Path:
    """The checkout's files as git sees them (tracked, and new ones not ignored): no compiled
    catalog, no build folder, no virtual environment."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def test_the_installed_wheel_speaks_lao(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "source")
    assert not list(source.rglob("*.mo"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(source)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("pulang-*.whl")
    with zipfile.ZipFile(wheel) as built:
        inside = [n for n in built.namelist() if n.endswith(".mo")]
    assert "store/common/locale/lo/LC_MESSAGES/pulang.mo" in inside
    assert "store/common/locale/km/LC_MESSAGES/pulang.mo" in inside

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    # Run away from the checkout, isolated (-I): only the installed copy can answer.
    said = subprocess.run(
        [str(python), "-I", "-c",
         "import store.common.i18n as i18n; i18n.set_language('lo');"
         "print(i18n.__file__); print(i18n._('Today')); print(' '.join(i18n.LANGUAGES))"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}).stdout.splitlines()
    assert said[0].startswith(str(venv)), said
    assert said[1] == catalog("lo").gettext("Today") != "Today"
    assert set(said[2].split()) >= {"en", "id", "lo", "km", "my"}
