#include "rolecheck/support/json_writer.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace rolecheck {

JsonWriter& JsonWriter::general(double value) {
  separate();
  fmt::format_to(std::back_inserter(*m_out), "{:g}", value);
  return *this;
}

void JsonWriter::throw_misuse(const char* what) { throw std::logic_error(what); }

}  // namespace rolecheck
