"""`scripts/setup.sh` before it installs anything: a Python too old for the kiosk (Ubuntu 22.04's
3.10) gets a newer one beside it or words on what to install, and an ARM64 system whose glibc gets
no PySide6 the kiosk accepts is told which systems do. Run on a copy of the script, with stand-in
`python3`, `uname` and `getconf` programs first on the PATH, so nothing is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _program(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _python(folder: Path, name: str, version: str) -> None:
    """A Python that answers setup.sh's questions as `version` would, and can do nothing else."""
    major, minor = (int(part) for part in version.split("."))
    old = "1" if (major, minor) < (3, 11) else "0"
    _program(
        folder,
        name,
        f'case "$2" in *"print("*) echo {version};; *version_info*) exit {old};; *) exit 97;; esac',
    )


def _setup(
    tmp_path: Path, programs: dict[str, str], pythons: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", checkout / "scripts" / "setup.sh")
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, version in pythons.items():
        _python(tools, name, version)
    for name, body in programs.items():
        _program(tools, name, body)
    # Only the tools setup.sh needs before it installs: no dpkg, no apt, no real Python.
    for name in ("dirname", "awk", "sort", "head", "id", "grep"):
        found = shutil.which(name)
        assert found is not None
        (tools / name).symlink_to(found)
    return subprocess.run(
        ["/bin/bash", str(checkout / "scripts" / "setup.sh")],
        env={"PATH": str(tools), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_python_too_old_is_refused_with_what_to_do(tmp_path: Path) -> None:
    result = _setup(tmp_path, {"uname": "echo x86_64"}, {"python3": "3.10"})
    assert result.returncode == 1
    assert "setup: python3 is Python 3.10; the kiosk needs 3.11 or newer." in result.stderr
    assert "sudo apt-get install python3.11 python3.11-venv" in result.stderr
    assert "PYTHON=python3.11 bash scripts/setup.sh" in result.stderr
    assert not (tmp_path / "checkout" / ".venv").exists()


def test_a_newer_python_beside_the_old_one_is_used(tmp_path: Path) -> None:
    result = _setup(tmp_path, {"uname": "echo x86_64"}, {"python3": "3.10", "python3.12": "3.12"})
    assert "setup: python3 is Python 3.10; using python3.12" in result.stdout
    # It went on to make the environment with it (which the stand-in cannot).
    assert result.returncode == 97


@pytest.mark.parametrize(("glibc", "refused"), [("2.36", True), ("2.39", False), ("2.41", False)])
def test_arm64_needs_a_glibc_pyside6_publishes_for(tmp_path: Path, glibc: str, refused: bool) -> None:
    programs = {"uname": "echo aarch64", "getconf": f"echo glibc {glibc}"}
    result = _setup(tmp_path, programs, {"python3": "3.11"})
    said = re.sub(r"\s+", " ", result.stderr)
    if refused:
        assert result.returncode == 1
        assert f"this ARM64 system has glibc {glibc}; PySide6 6.8.3 or newer" in said
        assert "Raspberry Pi OS trixie (Debian 13) or Ubuntu 24.04" in said
    else:
        assert "ARM64" not in said
        assert result.returncode == 97  # on to the environment


def test_the_wayland_libraries_are_installed() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    packages = script[
        script.index("system_packages=(") : script.index(")", script.index("system_packages=("))
    ]
    for package in ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1"):
        assert package in packages.split()
