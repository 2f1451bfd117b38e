// Tests of InputTally (src/cli/io/input_tally.hpp): which inputs count as read, the one rule of every subcommand.

#include <catch2/catch.hpp>

#include "io/diagnostics.hpp"
#include "io/input_tally.hpp"

namespace rolecheck::cli {

TEST_CASE("input tally: nothing told is nothing read") {
  const InputTally tally;
  CHECK(tally.nothing_read());
  CHECK(tally.inputs_read() == 0);
}

TEST_CASE("input tally: an input read wholly counts even when empty") {
  InputTally tally;
  tally.opened();
  tally.read_wholly();
  CHECK_FALSE(tally.nothing_read());
  CHECK(tally.inputs_read() == 1);
  tally.opened();
  tally.item();
  tally.item();
  tally.read_wholly();
  CHECK(tally.inputs_read() == 2);
}

TEST_CASE("input tally: a read error counts the input only when a line came before it") {
  InputTally tally;
  tally.opened();
  tally.read_error();
  CHECK(tally.nothing_read());
  tally.opened();
  tally.item();
  tally.item();
  tally.read_error();
  CHECK(tally.inputs_read() == 1);
  // The lines of one input say nothing about the next.
  tally.opened();
  tally.read_error();
  CHECK(tally.inputs_read() == 1);
}

TEST_CASE("input tally: a refused input does not count whatever came of it") {
  InputTally tally;
  tally.opened();
  tally.item();
  tally.refused();
  CHECK(tally.nothing_read());
}

TEST_CASE("input tally: the first ending wins and an ending without an open input changes nothing") {
  InputTally tally;
  tally.read_wholly();
  tally.item();
  tally.read_error();
  CHECK(tally.nothing_read());
  tally.opened();
  tally.read_error();  // before its first line
  tally.read_wholly();
  CHECK(tally.nothing_read());
  tally.opened();
  tally.item();
  tally.read_error();
  tally.read_wholly();
  tally.read_wholly();
  CHECK(tally.inputs_read() == 1);
  // A line told after the ending belongs to no input.
  tally.item();
  tally.opened();
  tally.read_error();
  CHECK(tally.inputs_read() == 1);
}

TEST_CASE("input tally: an input log keeps one for its subcommand") {
  InputLog log;
  CHECK(log.inputs().nothing_read());
  log.inputs().opened();
  log.inputs().read_wholly();
  const InputLog& seen = log;
  CHECK(seen.inputs().inputs_read() == 1);
}

}  // namespace rolecheck::cli
