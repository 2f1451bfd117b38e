// The CLI's per-input notices for documents (src/cli/io/input_files).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "io/input_files.hpp"

namespace rolecheck {
namespace {

TEST_CASE("notices: one warning of each kind per input, one error per bad document", "[input_files]") {
  cli::DocumentNotices notices;
  std::vector<std::string> messages;
  InputDocument document;
  document.file = "in.jsonl";
  document.line = 3;
  document.invalid_utf8_line = 3;
  notices.collect(document, "in.jsonl", messages);
  document.line = 4;
  document.invalid_utf8_line = 4;
  document.nul_line = 4;
  document.error = "not a JSON object";
  notices.collect(document, "in.jsonl", messages);
  REQUIRE(messages == std::vector<std::string>{
                          "in.jsonl:3: warning: invalid UTF-8 replaced by U+FFFD (first such line)",
                          "in.jsonl:4: warning: NUL bytes read as spaces (first such line)",
                          "in.jsonl:4: not a JSON object",
                      });
  // A whole input's error names the file alone; a fresh input warns again.
  cli::DocumentNotices next_input;
  messages.clear();
  document.line = 0;
  document.file = "posting.txt";
  document.error = "document larger than 16 MiB";
  next_input.collect(document, "posting.txt", messages);
  CHECK(messages.size() == 3);
  CHECK(messages.back() == "posting.txt: document larger than 16 MiB");
}

}  // namespace
}  // namespace rolecheck
