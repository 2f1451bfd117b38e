#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rolecheck/support/text_layout.hpp"

using rolecheck::display_width;
using rolecheck::wrap_text;

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text + " ") {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

std::string join(const std::vector<std::string>& lines, const std::string& separator) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : separator) + line;
  return out;
}

}  // namespace

TEST_CASE("display_width counts terminal columns, not bytes") {
  CHECK(display_width("sales") == 5);
  CHECK(display_width("caf\xC3\xA9") == 4);               // é: 2 bytes, 1 column
  CHECK(display_width("e\xCC\x81") == 1);                 // e + combining acute
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本: wide
  CHECK(display_width("\xE2\x94\x80\xE2\x94\x82") == 2);  // ─│
  CHECK(display_width("\xF0\x9F\x93\x88") == 2);          // 📈 emoji
  CHECK(display_width("a\xE2\x80\x8B"
                      "b") == 2);  // zero-width space
  CHECK(display_width("\xFF"
                      "ab") == 3);  // invalid byte: one column
}

TEST_CASE("wrap_text fills lines greedily and collapses whitespace") {
  CHECK(wrap_text("sell the  product\tfirst\n now", 12) ==
        std::vector<std::string>{"sell the", "product", "first now"});
  CHECK(wrap_text("", 10).empty());
  CHECK(wrap_text("   ", 10).empty());
  CHECK(wrap_text("brand", 5) == std::vector<std::string>{"brand"});
}

TEST_CASE("wrap_text breaks an over-long word after its hyphens before cutting it") {
  CHECK(wrap_text("analyse potential-customer lists", 12) ==
        std::vector<std::string>{"analyse", "potential-", "customer", "lists"});
  CHECK(wrap_text("interpersonal", 5) == std::vector<std::string>{"inter", "perso", "nal"});
  CHECK(wrap_text("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4) ==
        std::vector<std::string>{"\xE6\x97\xA5\xE6\x9C\xAC", "\xE8\xAA\x9E"});
  // A combining mark stays with its base letter.
  CHECK(wrap_text("abe\xCC\x81"
                  "cd",
                  3) == std::vector<std::string>{"abe\xCC\x81", "cd"});
}

TEST_CASE("wrap_text keeps every word and never exceeds the width") {
  const std::string text =
      "The salesperson actively seeks out customers; marketing \xE2\x80\x9C"
      "creates\xE2\x80\x9D a "
      "good trading environment \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE caf\xC3\xA9 "
      "potential-customer-information interpersonal";
  for (std::size_t width = 1; width <= 40; ++width) {
    CAPTURE(width);
    const auto lines = wrap_text(text, width);
    for (const auto& line : lines) {
      CHECK(display_width(line) <= std::max<std::size_t>(width, 2));  // one wide character may exceed width 1
      CHECK(line.front() != ' ');
      CHECK(line.back() != ' ');
    }
    // Removing the breaks gives back the words in order: nothing lost, nothing added.
    std::string expected;
    for (const auto& word : words_of(text)) expected += word;
    std::string got;
    for (const auto& word : words_of(join(lines, " "))) got += word;
    CHECK(got == expected);
    if (width >= 30) CHECK(words_of(join(lines, " ")) == words_of(text));
  }
}

TEST_CASE("append_padded pads by display columns") {
  std::string out;
  rolecheck::append_padded(out, "caf\xC3\xA9", 6);
  CHECK(out == "caf\xC3\xA9  ");
  out.clear();
  rolecheck::append_padded(out, "toolong", 3);
  CHECK(out == "toolong");
}

TEST_CASE("printable_text replaces control characters and invalid UTF-8") {
  CHECK(rolecheck::printable_text("a\x1B[31mb") == "a\xEF\xBF\xBD[31mb");
  CHECK(rolecheck::printable_text("a\xFF"
                                  "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(rolecheck::printable_text("a\tb\nc") == "a\tb\nc");
  CHECK(rolecheck::printable_text("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("to_ascii gives ASCII look-alikes") {
  CHECK(rolecheck::to_ascii("today\xE2\x80\x99s \xE2\x80\x9C"
                            "brand\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9") == "today's \"brand\" -- cafe");
  CHECK(rolecheck::to_ascii("Stra\xC3\x9F"
                            "e \xC3\x86on") == "Strasse AEon");
  CHECK(rolecheck::to_ascii("\xE6\x97\xA5 x\xE2\x80\x8By \xFF") == "? xy ?");
  CHECK(rolecheck::to_ascii("a\xE2\x80\xA6") == "a...");
}
