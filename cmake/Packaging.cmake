# Installation extras and the Debian package: man page, shell completions, `cpack -G DEB`.

# The man page: generated at build time with help2man from the built binary when help2man is installed,
# otherwise the copy kept in docs/rolecheck.1 (regenerate it with `ninja man` after changing options).
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE)
  set(ROLECHECK_MAN_PAGE ${PROJECT_BINARY_DIR}/rolecheck.1)
  add_custom_command(
    OUTPUT ${ROLECHECK_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:rolecheck> -DVERSION=${PROJECT_VERSION} -DHELP2MAN=${HELP2MAN_EXECUTABLE}
            -DINCLUDE=${PROJECT_SOURCE_DIR}/docs/rolecheck.h2m -DOUTPUT=${ROLECHECK_MAN_PAGE}
            -P ${PROJECT_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS rolecheck ${PROJECT_SOURCE_DIR}/docs/rolecheck.h2m ${PROJECT_SOURCE_DIR}/cmake/man_page.cmake
    COMMENT "Generating the man page with help2man"
    VERBATIM)
  add_custom_target(man ALL DEPENDS ${ROLECHECK_MAN_PAGE})
else()
  message(STATUS "help2man not found: installing the man page kept in docs/rolecheck.1")
  set(ROLECHECK_MAN_PAGE ${PROJECT_SOURCE_DIR}/docs/rolecheck.1)
endif()
install(FILES ${ROLECHECK_MAN_PAGE} DESTINATION share/man/man1)
install(FILES ${PROJECT_SOURCE_DIR}/completions/rolecheck.bash DESTINATION share/bash-completion/completions
        RENAME rolecheck)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_rolecheck DESTINATION share/zsh/vendor-completions)

# `cpack -G DEB` in the build folder: a Debian package whose dependencies dpkg-shlibdeps works out.
set(CPACK_PACKAGE_NAME rolecheck)
set(CPACK_PACKAGE_VENDOR "rolecheck")
set(CPACK_PACKAGE_CONTACT "rolecheck maintainers <rolecheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "tells sales work from marketing work, with reasons")
set(CPACK_PACKAGE_DESCRIPTION
    "rolecheck labels job-duty statements as sales or marketing work, using four differences between the two \
(business concept, core capabilities, execution capabilities, essential purpose) as its reasons.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")
include(CPack)
