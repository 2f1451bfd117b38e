#include "io/input_tally.hpp"

namespace rolecheck::cli {

void InputTally::opened() noexcept {
  m_open = true;
  m_items = false;
}

void InputTally::item() noexcept {
  if (m_open) m_items = true;
}

void InputTally::read_wholly() noexcept { end(true); }

void InputTally::read_error() noexcept { end(m_items); }

void InputTally::refused() noexcept { end(false); }

void InputTally::end(bool counts) noexcept {
  if (m_open && counts) ++m_read;
  m_open = false;
}

}  // namespace rolecheck::cli
