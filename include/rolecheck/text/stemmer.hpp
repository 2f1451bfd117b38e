#pragma once
// English stemming through Snowball (libstemmer), so "sells", "selling" and "sell" meet.

#include <memory>
#include <string_view>

struct sb_stemmer;

namespace rolecheck {

/// A Snowball English stemmer; not thread-safe, so each thread owns one.
class Stemmer {
 public:
  /// Creates the English stemmer; throws Error if libstemmer cannot provide it.
  Stemmer();
  ~Stemmer();
  Stemmer(Stemmer&& other) noexcept;
  Stemmer& operator=(Stemmer&& other) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// The stem of a folded word; the view stays valid until the next call.
  std::string_view stem(std::string_view word);

 private:
  sb_stemmer* m_stemmer = nullptr;
};

}  // namespace rolecheck
