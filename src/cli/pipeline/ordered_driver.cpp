#include "pipeline/ordered_driver.hpp"

#include "io/diagnostics.hpp"

namespace rolecheck::cli {

void BlockOutput::write(std::string_view records, std::size_t written, const std::vector<std::string>& messages,
                        std::size_t items, std::size_t bytes) {
  if (m_run->stream != nullptr) m_out->write(m_run->stream->before_block(written > 0));
  m_out->write(records);
  if (m_run->flush_each_record && written > 0) m_out->end_record();
  if (m_run->progress != nullptr && !messages.empty()) m_run->progress->erase();
  for (const auto& message : messages) warn(message);
  m_items_done += items;
  m_bytes_done += bytes;
  if (m_run->progress != nullptr && m_items_done >= m_next_progress) {
    m_next_progress = m_items_done + m_run->progress_step;
    m_run->progress->update(m_items_done, m_bytes_done);
  }
}

}  // namespace rolecheck::cli
