#include "rolecheck/input/byte_reader.hpp"

#include <utility>

#include "rolecheck/input/line_reader.hpp"

namespace rolecheck {

ByteReader::ByteReader(int fd, std::string name) : m_stream(fd, name), m_name(std::move(name)) {}

std::string ByteReader::start() {
  refill();
  if (auto message = non_text_message(m_block, m_name); !message.empty()) return message;
  if (m_block.compare(0, 3, "\xEF\xBB\xBF") == 0) m_pos = 3;
  return {};
}

bool ByteReader::refill() {
  if (m_eof) return false;
  m_block.resize(kLineReaderBlockBytes);
  m_block.resize(m_stream.read(m_block.data(), m_block.size()));
  m_pos = 0;
  m_eof = m_block.empty();
  return !m_eof;
}

}  // namespace rolecheck
