#!/bin/sh
# Runs PROGRAM in a private D-Bus session with a new gnome-keyring whose login keyring is unlocked with a
# known password, under a throw-away HOME, so no real keyring is touched. Exit status: PROGRAM's.
#   run-with-keyring.sh PROGRAM [ARGS...]
# Exits 77 (skipped) if dbus-run-session, dbus-send or gnome-keyring-daemon is missing.
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is missing (Debian: apt-get install dbus gnome-keyring)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
# Set before the bus starts, so even a daemon the bus itself would start sees only the throw-away HOME.
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" dbus-run-session -- sh -c '
    printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    # The daemon takes its bus name and creates the login keyring after it has returned. Wait for both (up
    # to 10 s) without asking org.freedesktop.secrets itself before it is owned: that would make the bus
    # start a second daemon, one with no unlocked login keyring.
    i=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true" &&
          dbus-send --session --print-reply --dest=org.freedesktop.secrets \
            /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get \
            string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q "boolean false"; do
        i=$((i + 1))
        if [ "$i" -ge 100 ]; then
            echo "gnome-keyring did not unlock a login keyring within 10 s" >&2
            exit 1
        fi
        sleep 0.1
    done
    "$@"
' run-with-keyring "$@"
