# i18n: Pyrolink's translations, included from ui/CMakeLists.txt (pyrolink_ui carries them for every program
# that shows widgets).
#
# translations/pyrolink_<lang>.ts hold every tr() string of core/, ui/, app/ and report/. They are updated by
# scripts/update-translations (lupdate, run by hand or as `cmake --build <dir> --target update_translations`),
# compiled here by lrelease and embedded as :/i18n/pyrolink_<lang>.qm, so an installed program needs no files
# beside it. qt_fallback_de.ts is a small hand-kept set of Qt's own strings (standard buttons, the line edit
# menu) used when Qt's qtbase_de.qm is not installed.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

set(PYROLINK_TS_FILES
    ${PROJECT_SOURCE_DIR}/translations/pyrolink_en.ts
    ${PROJECT_SOURCE_DIR}/translations/pyrolink_de.ts
    ${PROJECT_SOURCE_DIR}/translations/qt_fallback_de.ts
)
# lupdate is not run at build time: it would rewrite files in the source tree. The script does it on request.
qt_add_lrelease(pyrolink_ui
    TS_FILES ${PYROLINK_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE PYROLINK_QM_FILES
    OPTIONS -silent
)
qt_add_resources(pyrolink_ui "translations"
    PREFIX "/i18n"
    BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${PYROLINK_QM_FILES}
)

if(NOT TARGET update_translations)
    add_custom_target(update_translations
        COMMAND ${PROJECT_SOURCE_DIR}/scripts/update-translations
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "lupdate over the sources into translations/*.ts"
        USES_TERMINAL VERBATIM)
endif()
