# Generates a C++ source holding data/taxonomy.json as bytes, regenerated whenever the JSON changes,
# so the binary's built-in taxonomy and the file in the repository can never drift apart.
set(ROLECHECK_TAXONOMY_JSON ${PROJECT_SOURCE_DIR}/data/taxonomy.json)
set(ROLECHECK_EMBEDDED_CPP ${PROJECT_BINARY_DIR}/generated/embedded_taxonomy.cpp)
add_custom_command(
  OUTPUT ${ROLECHECK_EMBEDDED_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${ROLECHECK_TAXONOMY_JSON} -DOUTPUT=${ROLECHECK_EMBEDDED_CPP}
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
  DEPENDS ${ROLECHECK_TAXONOMY_JSON} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
  COMMENT "Embedding data/taxonomy.json"
  VERBATIM)
