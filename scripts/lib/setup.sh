# Shared set-up for scripts/run, scripts/test and scripts/bench: install what is missing, configure, build.
# Sourced, not run. Idempotent: a second call installs nothing and rebuilds only what changed.

PYROLINK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYROLINK_BUILD="${PYROLINK_BUILD:-$PYROLINK_ROOT/build}"

# Debian 12 / Ubuntu 22.04+ package names. Grouped by what needs them.
PYROLINK_PACKAGES=(
    # tool chain
    cmake ninja-build g++ pkg-config
    # Qt 6: core library, serial bus, serial port; widgets and charts (Charts needs Qt6OpenGL's dev files)
    qt6-base-dev qt6-serialbus-dev qt6-serialport-dev qt6-charts-dev libqt6opengl6-dev libgl1-mesa-dev
    qt6-svg-dev
    # the GUI under test and for screenshots without a display
    xvfb xauth
    # secrets in the OS keychain, and a real Secret Service to test it against
    qtkeychain-qt6-dev gnome-keyring libsecret-1-0 dbus-x11
    # translations (lupdate, lrelease), AppStream metadata check, Debian packaging
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools appstream dpkg-dev file poppler-utils
    # independent Modbus peers for the tests, RTU without hardware
    python3 python3-pymodbus python3-serial-asyncio python3-jsonschema mbpoll socat libmodbus-dev
)

pyrolink_missing_packages() {
    local p missing=()
    for p in "${PYROLINK_PACKAGES[@]}"; do
        dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
    done
    echo "${missing[@]}"
}

pyrolink_install_packages() {
    local missing
    missing=$(pyrolink_missing_packages)
    [ -z "$missing" ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "These packages are missing and this is not a Debian or Ubuntu system: $missing" >&2
        return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then sudo="sudo"; else
            echo "Installing $missing needs root, and sudo is not available." >&2
            return 1
        fi
    fi
    echo "==> Installing missing packages: $missing"
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
        { echo "apt-get could not install: $missing" >&2; return 1; }
}

pyrolink_build() {
    local generator=()
    if [ ! -f "$PYROLINK_BUILD/CMakeCache.txt" ]; then
        command -v ninja >/dev/null && generator=(-G Ninja)
        echo "==> Configuring in $PYROLINK_BUILD"
        cmake -S "$PYROLINK_ROOT" -B "$PYROLINK_BUILD" "${generator[@]}" \
            -DCMAKE_BUILD_TYPE="${PYROLINK_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null || return 1
    fi
    echo "==> Building"
    cmake --build "$PYROLINK_BUILD" --parallel "$(nproc)" || return 1
}

pyrolink_setup() {
    pyrolink_install_packages && pyrolink_build "$@"
}
