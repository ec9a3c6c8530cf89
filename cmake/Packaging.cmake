# Installers, included at the end of the top-level CMakeLists.txt. See docs/installers.md.
#
#   Debian/Ubuntu .deb   scripts/package (or: cpack -G DEB in a Release build directory)
#   Windows installer    cpack -G NSIS on Windows, after windeployqt (configured here, not built on Linux)
#   Portable zip         cpack -G ZIP on Windows: the same layout as the installer, unpacked anywhere
#
# The programs' own install rules (bin/) are in app/CMakeLists.txt; this file adds the desktop integration
# and the package metadata.

set(PYROLINK_APP_ID io.github.pyrolink.Pyrolink)
set(PYROLINK_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/icons)

# --- desktop integration (freedesktop.org) ---------------------------------------------------------------
if(UNIX AND NOT APPLE)
    # Named after the AppStream id, so software centres and Wayland (QGuiApplication::desktopFileName) find it.
    install(FILES ${PROJECT_SOURCE_DIR}/installer/pyrolink.desktop
            DESTINATION share/applications RENAME ${PYROLINK_APP_ID}.desktop)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/${PYROLINK_APP_ID}.metainfo.xml DESTINATION share/metainfo)
    install(FILES ${PYROLINK_ICON_DIR}/pyrolink.svg DESTINATION share/icons/hicolor/scalable/apps)
    foreach(size 16 32 48 128 256)
        install(FILES ${PYROLINK_ICON_DIR}/pyrolink-${size}.png
                DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME pyrolink.png)
    endforeach()
endif()

# --- Windows: Qt's DLLs and plugins beside the programs ----------------------------------------------------
if(WIN32)
    # windeployqt copies the Qt libraries and plugins pyrolink.exe needs into the staging bin/ at install (and
    # so cpack) time; Qt's own German strings go to bin/translations, where QLibraryInfo looks on Windows.
    find_program(PYROLINK_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    if(PYROLINK_WINDEPLOYQT)
        set(qt_translations "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}")
        install(CODE "
            set(bin \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin\")
            execute_process(COMMAND \"${PYROLINK_WINDEPLOYQT}\" --release --no-translations
                                    \"\${bin}/pyrolink.exe\" \"\${bin}/pyrolink-cli.exe\"
                            COMMAND_ERROR_IS_FATAL ANY)
            file(GLOB qm \"${qt_translations}/qtbase_de.qm\" \"${qt_translations}/qtserialport_de.qm\")
            file(INSTALL \${qm} DESTINATION \"\${bin}/translations\")
        ")
    else()
        message(WARNING "windeployqt not found: the Windows packages will lack Qt's DLLs (docs/installers.md).")
    endif()
endif()

# --- package metadata common to every generator ------------------------------------------------------------
set(CPACK_PACKAGE_NAME pyrolink)
set(CPACK_PACKAGE_VENDOR "The Pyrolink developers")
set(CPACK_PACKAGE_CONTACT "The Pyrolink developers <pyrolink@example.org>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://example.org/pyrolink") # placeholder, as in the AppStream file
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Pyrolink sets up and checks infrared pyrometers (Optris CT and others) and any Modbus TCP or RTU device
described by a profile: live values with charts and CSV recording, configuration forms that check every value
before writing it, a Modbus traffic log, device discovery and a built-in simulator. pyrolink-cli does the same
from scripts.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Pyrolink")
set(CPACK_PACKAGE_EXECUTABLES "pyrolink;Pyrolink") # Start menu entry (NSIS)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build[^/]*/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
else()
    set(CPACK_GENERATOR "DEB")
endif()

# --- Debian / Ubuntu ----------------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME pyrolink)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # pyrolink_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION electronics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# Libraries the programs link (libqt6core6, libqt6widgets6, libqt6charts6, libqt6serialbus6, libqt6keychain1...)
# come from dpkg-shlibdeps. Added by hand what is loaded at run time and so invisible to it: Qt's platform
# plugins (xcb, wayland), and libsecret, which QtKeychain opens with dlopen() to reach the Secret Service.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libsecret-1-0")
# A Secret Service to keep device secrets in; Qt's own German strings (standard buttons, file dialog).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")

# --- Windows: NSIS installer and portable zip ---------------------------------------------------------------
set(CPACK_NSIS_DISPLAY_NAME "Pyrolink ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Pyrolink")
set(CPACK_NSIS_MUI_ICON "${PYROLINK_ICON_DIR}/pyrolink.ico")
set(CPACK_NSIS_MUI_UNIICON "${PYROLINK_ICON_DIR}/pyrolink.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\pyrolink.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put bin\ (pyrolink-cli) on PATH
set(CPACK_CREATE_DESKTOP_LINKS pyrolink)
# Portable zip: pyrolink-<version>-win64/bin/pyrolink.exe with Qt beside it; nothing is written to the registry.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

include(CPack)
