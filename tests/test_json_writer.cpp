// Tests of the JSON writer: commas at every nesting level, keys, each value kind and number format, raw
// values and members, line breaks, carrying on a container from a saved state, and the nesting limit.

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {
namespace {

TEST_CASE("JsonWriter writes the commas of nested objects and arrays itself", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("a").begin_array().integer(1).integer(2).begin_array().end_array().begin_object().end_object().end_array();
  json.key("b").begin_object().key("c").null().key("d").boolean(true).end_object();
  json.key("e").boolean(false);
  json.end_object();
  CHECK(out == R"({"a":[1,2,[],{}],"b":{"c":null,"d":true},"e":false})");
  CHECK(nlohmann::json::parse(out)["b"]["d"] == true);
}

TEST_CASE("JsonWriter writes empty containers and top-level values without commas", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_array().end_array();
  CHECK(out == "[]");
  out.clear();
  JsonWriter scalar(out);
  scalar.string("x");
  CHECK(out == "\"x\"");
}

TEST_CASE("JsonWriter strings escape and repair invalid UTF-8", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_array().string("a\"b\\c\n\t").string("caf\xC3\xA9").string("bad \xFF byte").string("\x01").end_array();
  CHECK(out == "[\"a\\\"b\\\\c\\n\\t\",\"caf\xC3\xA9\",\"bad \xEF\xBF\xBD byte\",\"\\u0001\"]");
  CHECK_NOTHROW(nlohmann::json::parse(out));
}

TEST_CASE("JsonWriter keys and names are written as is, escaped keys as strings", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  const std::string_view dynamic = "sales -> other";
  json.begin_object().key(dynamic).integer(3).escaped_key("a\"b").integer(4);
  json.key("label").name("marketing").key(std::string_view()).name(std::string_view());
  json.end_object();
  CHECK(out == R"({"sales -> other":3,"a\"b":4,"label":"marketing","":""})");

  // Names and keys too long for the writer's one-append buffer take the other path, with the same bytes.
  const std::string long_name(100, 'x');
  out.clear();
  JsonWriter longer(out);
  longer.begin_array().name(long_name).begin_object().key(long_name).name(long_name).end_object().end_array();
  CHECK(out == "[\"" + long_name + "\",{\"" + long_name + "\":\"" + long_name + "\"}]");
}

TEST_CASE("JsonWriter writes integers of every width and sign", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  json.integer(0).integer(-1).integer(std::size_t{42}).integer(std::numeric_limits<std::int64_t>::min());
  json.integer(std::numeric_limits<std::uint64_t>::max());
  json.end_array();
  CHECK(out == "[0,-1,42,-9223372036854775808,18446744073709551615]");
}

TEST_CASE("JsonWriter numbers keep each output's format", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  json.number(0.5).number(2.0).number(1.0 / 3.0).number(-0.00001).number(std::numeric_limits<double>::infinity());
  json.confidence(0.8).confidence(1.0);
  json.fixed(0.12345, 3);
  json.general(0.5).general(2.0).general(1.0 / 3.0);
  json.end_array();
  CHECK(out == "[0.5,2,0.3333,0,0,0.80,1.00,0.123,0.5,2,0.333333]");
}

TEST_CASE("JsonWriter raw values and raw members are spliced with their commas", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("id").raw("17");
  json.raw_members(R"("team":"east","n":[1,2])");
  json.raw_members("");  // no other fields: nothing at all, not even a comma
  json.key("text").string("x");
  json.end_object();
  CHECK(out == R"({"id":17,"team":"east","n":[1,2],"text":"x"})");

  out.clear();
  JsonWriter first(out);
  first.begin_object().raw_members(R"("a":1)").key("b").integer(2).end_object();
  CHECK(out == R"({"a":1,"b":2})");
}

TEST_CASE("JsonWriter line breaks come after the comma, and empty tells whether a container has members",
          "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  CHECK(json.empty());
  json.next_line("  ").begin_object().key("a").integer(1).end_object();
  CHECK_FALSE(json.empty());
  json.next_line("  ").begin_object().end_object();
  json.whitespace("\n").end_array();
  CHECK(out == "[\n  {\"a\":1},\n  {}\n]");
  CHECK_NOTHROW(nlohmann::json::parse(out));
}

TEST_CASE("JsonWriter carries on a container from a saved state", "[json_writer]") {
  // The items of one array written by separate writers, as the HTML report adds them one at a time.
  std::string items;
  JsonWriter::State state = JsonWriter::State::inside_container();
  for (int i = 0; i < 3; ++i) {
    JsonWriter json(items, state);
    if (!json.empty()) json.next_line();
    json.begin_array().integer(i).end_array();
    state = json.state();
  }
  CHECK(items == "[0],\n[1],\n[2]");
  std::string whole = "[" + items + "]";
  CHECK(nlohmann::json::parse(whole).size() == 3);

  // A writer that takes over from another, mid-object, writes the comma due and closes the object.
  std::string out;
  JsonWriter first(out);
  first.begin_object().key("a").integer(1);
  JsonWriter second(out, first.state());
  second.key("b").integer(2).end_object();
  CHECK(out == R"({"a":1,"b":2})");
}

TEST_CASE("JsonWriter refuses nesting past kMaxDepth and an unmatched close with a logic error", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  for (unsigned depth = 0; depth < JsonWriter::kMaxDepth; ++depth) json.begin_array();
  const std::string full = out;
  CHECK_THROWS_AS(json.begin_array(), std::logic_error);
  CHECK_THROWS_AS(json.begin_object(), std::logic_error);
  CHECK(out == full);  // nothing written by the refused opens
  // The writer is still usable: every level closes, and the result is valid JSON.
  for (unsigned depth = 0; depth < JsonWriter::kMaxDepth; ++depth) json.end_array();
  CHECK(nlohmann::json::parse(out).is_array());
  CHECK_THROWS_AS(json.end_array(), std::logic_error);
  CHECK_THROWS_AS(json.end_object(), std::logic_error);
  CHECK(out.size() == 2 * JsonWriter::kMaxDepth);
}

}  // namespace
}  // namespace rolecheck
