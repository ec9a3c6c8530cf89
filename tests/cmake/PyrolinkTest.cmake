# pyrolink_add_test(<name> <source>... [LIBRARIES <lib>...])
#
# One QtTest executable per tested class: links pyrolink_core and Qt6::Test (plus LIBRARIES) and registers it
# with CTest under <name>. Any test folder (tests/core, tests/core/sim, tests/ui, ...) can use it.
include_guard(GLOBAL)

function(pyrolink_add_test name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LIBRARIES")
    if(NOT arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "pyrolink_add_test(${name}): no sources given")
    endif()
    qt_add_executable(${name} ${arg_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE pyrolink_core Qt6::Test ${arg_LIBRARIES})
    # Tests are not shipped: keep them out of bin/ next to the programs.
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    add_test(NAME ${name} COMMAND ${name})
endfunction()

# pyrolink_add_gui_test(<name> <source>...): a widget test, linked to pyrolink_ui, run offscreen (no display).
function(pyrolink_add_gui_test name)
    pyrolink_add_test(${name} ${ARGN} LIBRARIES pyrolink_ui)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
endfunction()
