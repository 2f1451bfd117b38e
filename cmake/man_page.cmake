# Generates the man page with help2man from the built binary: the top-level --help, then a SUBCOMMANDS
# section holding every subcommand's --help, then the hand-written sections of docs/rolecheck.h2m.
# Usage: cmake -DBINARY=... -DVERSION=0.1.0 -DHELP2MAN=... -DINCLUDE=docs/rolecheck.h2m -DOUTPUT=rolecheck.1 -P man_page.cmake
execute_process(COMMAND ${BINARY} --help OUTPUT_VARIABLE top RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BINARY} --help failed")
endif()
string(REGEX MATCH "Subcommands:\n([^\n]+\n)+" block "${top}")
string(REPLACE "\n" ";" lines "${block}")
set(section "[SUBCOMMANDS]\n")
foreach(line IN LISTS lines)
  if(line MATCHES "^  ([a-z]+) ")
    set(name ${CMAKE_MATCH_1})
    execute_process(COMMAND ${BINARY} ${name} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "${BINARY} ${name} --help failed")
    endif()
    # roff: backslashes are escapes, and a line starting with . or ' is a request.
    string(REPLACE "\\" "\\e" help "${help}")
    string(REPLACE "-" "\\-" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(APPEND section ".SS \"rolecheck ${name}\"\n.nf\n${help}.fi\n")
  endif()
endforeach()
# The top-level examples, one per line (help2man would run them together into one paragraph).
string(REGEX MATCH "Examples:\n(  [^\n]+\n)+" examples "${top}")
string(REGEX REPLACE "^Examples:\n" "" examples "${examples}")
string(REPLACE "\\" "\\e" examples "${examples}")
string(REPLACE "-" "\\-" examples "${examples}")
string(REGEX REPLACE "(^|\n)  " "\\1" examples "${examples}")
file(READ ${INCLUDE} extra)
file(WRITE ${OUTPUT}.h2m "${section}\n[=EXAMPLES]\n.nf\n${examples}.fi\n\n${extra}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --section 1 --version-string=${VERSION} --name "tell sales work from marketing work, with reasons"
          --include ${OUTPUT}.h2m --output ${OUTPUT} ${BINARY}
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
