#!/usr/bin/env bash
# Installs the kiosk into ./.venv, with the system libraries Qt needs on Debian/Ubuntu.
# Idempotent: installs only what is missing. Called by both README commands.
#
#   scripts/setup.sh          the kiosk (a regular, non-editable install)
#   scripts/setup.sh --test   the kiosk and its test tools
#   scripts/setup.sh --system only the system packages (as root, for a kiosk user without sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

# The oldest Python the kiosk runs on (pyproject.toml's requires-python).
min_python="3.11"
python_bin="${PYTHON:-python3}"

python_version() {
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null
}

new_enough() {
    "$1" -c "import sys; sys.exit(sys.version_info[:2] < tuple(map(int, '$min_python'.split('.'))))" 2>/dev/null
}

# Ubuntu 22.04's python3 is 3.10 (pip would refuse the kiosk with nothing but "requires a
# different Python"): use a newer python3.x beside it if there is one, else say what to install.
choose_python() {
    if [ -x .venv/bin/python ]; then
        new_enough .venv/bin/python && return 0
        echo "setup: .venv has Python $(python_version .venv/bin/python); the kiosk needs $min_python or newer." >&2
        echo "       Remove it (rm -r .venv) and run this again." >&2
        return 1
    fi
    if ! command -v "$python_bin" >/dev/null 2>&1; then
        echo "setup: no $python_bin found; install Python $min_python or newer (Debian/Ubuntu: apt-get install python3)." >&2
        return 1
    fi
    new_enough "$python_bin" && return 0
    local found="$(python_version "$python_bin")"
    for candidate in python3.14 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 && new_enough "$candidate"; then
            echo "setup: $python_bin is Python $found; using $candidate"
            python_bin="$candidate"
            return 0
        fi
    done
    echo "setup: $python_bin is Python $found; the kiosk needs $min_python or newer." >&2
    echo "       On Ubuntu 22.04:  sudo apt-get install python3.11 python3.11-venv" >&2
    echo "       then:             PYTHON=python3.11 bash scripts/setup.sh" >&2
    echo "       Elsewhere: install Python $min_python+ from the system's packages and name it in PYTHON." >&2
    return 1
}

# PySide6 6.8.0 to 6.8.2 crash on a page change in this kiosk on ARM64 (6.8.3 is the oldest
# measured good), and PyPI's ARM64 wheels of 6.8.3 and later need glibc 2.39: on an older system
# pip would find no PySide6 the kiosk accepts, with no word why.
check_arm64_glibc() {
    [ "$(uname -m)" = "aarch64" ] || return 0
    local glibc
    glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
    [ -n "$glibc" ] || return 0
    if [ "$(printf '%s\n2.39\n' "$glibc" | sort -V | head -n1)" != "2.39" ]; then
        echo "setup: this ARM64 system has glibc $glibc; PySide6 6.8.3 or newer (older releases crash in" >&2
        echo "       the kiosk) is published for ARM64 only for glibc 2.39 and newer. Use Raspberry Pi OS" >&2
        echo "       trixie (Debian 13) or Ubuntu 24.04 or newer." >&2
        return 1
    fi
}

choose_python
check_arm64_glibc

# Qt's offscreen, X11 (xcb) and Wayland platforms: EGL/GL, fontconfig, xkbcommon, the xcb set,
# the Wayland client libraries (cursor and EGL come from the system, not the PySide6 wheels);
# xset (x11-xserver-utils) keeps the display from blanking while the kiosk runs.
system_packages=(
    libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    x11-xserver-utils
)
# The display tests: a private X server (Xvfb), a nested one for two screens (Xephyr, with
# xrandr monitors from x11-xserver-utils), XTEST input from the command line (xdotool).
test_system_packages=(xvfb xauth xserver-xephyr xdotool poppler-utils)
[ "${1:-}" = "--test" ] && system_packages+=("${test_system_packages[@]}")

install_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || {
        echo "setup: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself (see README)."
        return 0
    }
    local missing=()
    for package in "${system_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ! -x .venv/bin/python ] && ! "$python_bin" -c "import ensurepip, venv" >/dev/null 2>&1; then
        missing+=("python$(python_version "$python_bin")-venv")  # python3.11-venv for python3.11
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "setup: please install as root: apt-get install ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "setup: installing system packages: ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_system_packages
if [ "${1:-}" = "--system" ]; then
    echo "setup: system packages in place; now, as the user who runs the kiosk: bash scripts/setup.sh"
    exit 0
fi

if [ ! -x .venv/bin/python ]; then
    "$python_bin" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check ".${extras}"
echo "setup: kiosk installed in .venv ($(.venv/bin/python -c 'import kiosk; print(kiosk.__version__)'))"
