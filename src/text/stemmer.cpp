#include "rolecheck/text/stemmer.hpp"

#include <libstemmer.h>
#include <utility>

#include "rolecheck/support/error.hpp"

namespace rolecheck {

Stemmer::Stemmer() : m_stemmer(sb_stemmer_new("english", "UTF_8")) {
  if (m_stemmer == nullptr) throw Error("libstemmer has no English stemmer (or is out of memory)");
}

Stemmer::~Stemmer() {
  if (m_stemmer != nullptr) sb_stemmer_delete(m_stemmer);
}

Stemmer::Stemmer(Stemmer&& other) noexcept : m_stemmer(std::exchange(other.m_stemmer, nullptr)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  std::swap(m_stemmer, other.m_stemmer);
  return *this;
}

std::string_view Stemmer::stem(std::string_view word) {
  const auto* stemmed =
      sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stemmed == nullptr) throw Error("out of memory while stemming");
  return {reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(m_stemmer))};
}

}  // namespace rolecheck
