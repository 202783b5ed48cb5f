#!/usr/bin/env bash
# Installs the kiosk into ./.venv, with the system libraries Qt needs on Debian/Ubuntu.
# Idempotent: installs only what is missing. Called by both README commands.
#
#   scripts/setup.sh          the kiosk (a regular, non-editable install)
#   scripts/setup.sh --test   the kiosk and its test tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

# Qt's offscreen and X11 (xcb) platforms: EGL/GL, fontconfig, xkbcommon, the xcb set;
# xset (x11-xserver-utils) keeps the display from blanking while the kiosk runs.
system_packages=(
    libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
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
    python_bin="${PYTHON:-python3}"
    if ! "$python_bin" -c "import ensurepip, venv" >/dev/null 2>&1; then
        missing+=(python3-venv)
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

python_bin="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$python_bin" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check ".${extras}"
echo "setup: kiosk installed in .venv ($(.venv/bin/python -c 'import kiosk; print(kiosk.__version__)'))"
