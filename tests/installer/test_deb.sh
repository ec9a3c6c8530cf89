#!/usr/bin/env bash
# The Debian package, as scripts/package makes it, but from the current build tree (no rebuild): cpack makes
# the .deb in a temporary folder, dpkg-deb unpacks it into a temporary root (what dpkg would install, without
# touching the system), and the unpacked programs, desktop file, AppStream metadata and icons are checked.
#   test_deb.sh BUILD_DIR VERSION
# Exits 77 (skipped) when cpack, dpkg-deb or dpkg-shlibdeps is missing (Debian: apt-get install dpkg-dev).
set -euo pipefail
build="$1"
version="$2"

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is missing (Debian: apt-get install cmake dpkg-dev)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# 1. Make the package from what is built.
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
fi
deb=$(ls "$tmp"/out/pyrolink_*.deb)
pass "cpack made $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Its control data: name, version, and dependencies worked out by dpkg-shlibdeps plus the added ones.
info=$(dpkg-deb -I "$deb")
field() { sed -n "s/^ $1: //p" <<<"$info"; }
[ "$(field Package)" = pyrolink ] && pass "Package: pyrolink" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)'"
depends=$(field Depends)
echo "   Depends: $depends"
for dep in libc6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6serialbus6 libqt6network6 \
    libqt6keychain1 qt6-qpa-plugins libsecret-1-0; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" && pass "depends on $dep" || fail "Depends lacks $dep"
done
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
[ "$(field Section)" = electronics ] && pass "Section: electronics" || fail "Section is '$(field Section)'"

# 3. Installed into a temporary root.
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/pyrolink usr/bin/pyrolink-cli \
    usr/share/applications/io.github.pyrolink.Pyrolink.desktop \
    usr/share/metainfo/io.github.pyrolink.Pyrolink.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/pyrolink.svg \
    usr/share/icons/hicolor/16x16/apps/pyrolink.png usr/share/icons/hicolor/32x32/apps/pyrolink.png \
    usr/share/icons/hicolor/48x48/apps/pyrolink.png usr/share/icons/hicolor/128x128/apps/pyrolink.png \
    usr/share/icons/hicolor/256x256/apps/pyrolink.png; do
    [ -s "$root/$f" ] && pass "/$f" || fail "/$f is not in the package"
done
if dpkg-deb -c "$deb" | grep -Eq '/tst_|\.a$|/include/'; then
    fail "tests, static libraries or headers in the package"
else
    pass "no tests, static libraries or headers in the package"
fi
# A relative RUNPATH ($ORIGIN, from qt_standard_project_setup) is harmless; one into the build tree is not.
if command -v readelf >/dev/null; then
    for program in pyrolink pyrolink-cli; do
        if readelf -d "$root/usr/bin/$program" | grep -E 'R(UN)?PATH' | grep -Fq "$(cd "$build" && pwd)"; then
            fail "$program keeps a RUNPATH into the build tree"
        else
            pass "$program has no RUNPATH into the build tree"
        fi
    done
fi

# 4. The programs run from there, on the system's Qt, not the build tree's.
out=$(LD_LIBRARY_PATH= "$root/usr/bin/pyrolink-cli" --version 2>&1) || true
[ "$out" = "pyrolink-cli $version" ] && pass "pyrolink-cli --version: $out" ||
    fail "pyrolink-cli --version printed '$out'"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/pyrolink" --version 2>/dev/null) || true
[ "$out" = "Pyrolink $version" ] && pass "pyrolink --version: $out" || fail "pyrolink --version printed '$out'"

# 5. The desktop integration validates.
if command -v appstreamcli >/dev/null; then
    if appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.pyrolink.Pyrolink.metainfo.xml" \
        >"$tmp/as.log" 2>&1; then
        pass "appstreamcli validate"
    else
        cat "$tmp/as.log"
        fail "appstreamcli validate"
    fi
else
    echo "note: appstreamcli not installed (Debian: appstream), the metainfo was not validated"
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/io.github.pyrolink.Pyrolink.desktop" &&
        pass "desktop-file-validate" || fail "desktop-file-validate"
fi
grep -q '^Exec=pyrolink$' "$root/usr/share/applications/io.github.pyrolink.Pyrolink.desktop" &&
    pass "the desktop file starts pyrolink" || fail "the desktop file does not Exec=pyrolink"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
