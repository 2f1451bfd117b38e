#include "rolecheck/support/json_writer.hpp"

#include <fmt/format.h>

namespace rolecheck {

JsonWriter& JsonWriter::general(double value) {
  separate();
  fmt::format_to(std::back_inserter(*m_out), "{:g}", value);
  return *this;
}

}  // namespace rolecheck
