// Recognising headings of job descriptions ("Responsibilities", "What you'll do", "About us", …)
// and naming section kinds; the splitter in document.cpp calls heading_kind() on short lines.

#include <array>
#include <string>

#include "document_chars.hpp"

#include "rolecheck/documents/document.hpp"

namespace rolecheck {
namespace {

using namespace detail;

constexpr std::size_t kMaxHeadingBytes = 80;
constexpr std::size_t kMaxHeadingWords = 8;

// Heading phrases, matched as whole words in the lower-cased heading; the first hit in this order
// wins, so specific phrases ("about the role") come before general ones ("about").
struct HeadingPhrase {
  std::string_view phrase;
  SectionKind kind;
};

constexpr std::array kHeadingPhrases{
    HeadingPhrase{"equal opportunity", SectionKind::boilerplate},
    HeadingPhrase{"equal employment", SectionKind::boilerplate},
    HeadingPhrase{"eeo", SectionKind::boilerplate},
    HeadingPhrase{"diversity", SectionKind::boilerplate},
    HeadingPhrase{"about the role", SectionKind::intro},
    HeadingPhrase{"about this role", SectionKind::intro},
    HeadingPhrase{"about the job", SectionKind::intro},
    HeadingPhrase{"about the position", SectionKind::intro},
    HeadingPhrase{"about this position", SectionKind::intro},
    HeadingPhrase{"about the opportunity", SectionKind::intro},
    HeadingPhrase{"about you", SectionKind::requirements},
    HeadingPhrase{"about", SectionKind::boilerplate},
    HeadingPhrase{"who we are", SectionKind::boilerplate},
    HeadingPhrase{"our company", SectionKind::boilerplate},
    HeadingPhrase{"company overview", SectionKind::boilerplate},
    HeadingPhrase{"our mission", SectionKind::boilerplate},
    HeadingPhrase{"our values", SectionKind::boilerplate},
    HeadingPhrase{"our culture", SectionKind::boilerplate},
    HeadingPhrase{"our story", SectionKind::boilerplate},
    HeadingPhrase{"why join", SectionKind::boilerplate},
    HeadingPhrase{"why work", SectionKind::boilerplate},
    HeadingPhrase{"why you'll love", SectionKind::boilerplate},
    HeadingPhrase{"life at", SectionKind::boilerplate},
    HeadingPhrase{"what we offer", SectionKind::boilerplate},
    HeadingPhrase{"what we provide", SectionKind::boilerplate},
    HeadingPhrase{"what's in it for you", SectionKind::boilerplate},
    HeadingPhrase{"what you'll get", SectionKind::boilerplate},
    HeadingPhrase{"what you get", SectionKind::boilerplate},
    HeadingPhrase{"we offer", SectionKind::boilerplate},
    HeadingPhrase{"benefits", SectionKind::boilerplate},
    HeadingPhrase{"benefit", SectionKind::boilerplate},
    HeadingPhrase{"perks", SectionKind::boilerplate},
    HeadingPhrase{"compensation", SectionKind::boilerplate},
    HeadingPhrase{"salary", SectionKind::boilerplate},
    HeadingPhrase{"pay", SectionKind::boilerplate},
    HeadingPhrase{"how to apply", SectionKind::boilerplate},
    HeadingPhrase{"to apply", SectionKind::boilerplate},
    HeadingPhrase{"application process", SectionKind::boilerplate},
    HeadingPhrase{"location", SectionKind::boilerplate},
    HeadingPhrase{"working hours", SectionKind::boilerplate},
    HeadingPhrase{"job type", SectionKind::boilerplate},
    HeadingPhrase{"employment type", SectionKind::boilerplate},
    HeadingPhrase{"disclaimer", SectionKind::boilerplate},
    HeadingPhrase{"accommodation", SectionKind::boilerplate},
    HeadingPhrase{"accommodations", SectionKind::boilerplate},
    HeadingPhrase{"privacy", SectionKind::boilerplate},
    // Before "you'll" and "you will" below, which would take them for duties.
    HeadingPhrase{"what you'll bring", SectionKind::requirements},
    HeadingPhrase{"what you will bring", SectionKind::requirements},
    HeadingPhrase{"what you bring", SectionKind::requirements},
    HeadingPhrase{"responsibilities", SectionKind::duties},
    HeadingPhrase{"responsibility", SectionKind::duties},
    HeadingPhrase{"duties", SectionKind::duties},
    HeadingPhrase{"duty", SectionKind::duties},
    HeadingPhrase{"what you'll do", SectionKind::duties},
    HeadingPhrase{"what you will do", SectionKind::duties},
    HeadingPhrase{"what you'll be doing", SectionKind::duties},
    HeadingPhrase{"what you will be doing", SectionKind::duties},
    HeadingPhrase{"what you do", SectionKind::duties},
    HeadingPhrase{"what you'll work on", SectionKind::duties},
    HeadingPhrase{"in this role", SectionKind::duties},
    HeadingPhrase{"you will", SectionKind::duties},
    HeadingPhrase{"you'll", SectionKind::duties},
    HeadingPhrase{"your role", SectionKind::duties},
    HeadingPhrase{"the role", SectionKind::duties},
    HeadingPhrase{"role", SectionKind::duties},
    HeadingPhrase{"day to day", SectionKind::duties},
    HeadingPhrase{"day in the life", SectionKind::duties},
    HeadingPhrase{"tasks", SectionKind::duties},
    HeadingPhrase{"accountabilities", SectionKind::duties},
    HeadingPhrase{"key result areas", SectionKind::duties},
    HeadingPhrase{"your impact", SectionKind::duties},
    HeadingPhrase{"your mission", SectionKind::duties},
    HeadingPhrase{"what we're looking for", SectionKind::requirements},
    HeadingPhrase{"what we are looking for", SectionKind::requirements},
    HeadingPhrase{"what we look for", SectionKind::requirements},
    HeadingPhrase{"who you are", SectionKind::requirements},
    HeadingPhrase{"you have", SectionKind::requirements},
    HeadingPhrase{"requirements", SectionKind::requirements},
    HeadingPhrase{"requirement", SectionKind::requirements},
    HeadingPhrase{"required", SectionKind::requirements},
    HeadingPhrase{"qualifications", SectionKind::requirements},
    HeadingPhrase{"qualification", SectionKind::requirements},
    HeadingPhrase{"skills", SectionKind::requirements},
    HeadingPhrase{"competencies", SectionKind::requirements},
    HeadingPhrase{"experience", SectionKind::requirements},
    HeadingPhrase{"education", SectionKind::requirements},
    HeadingPhrase{"must have", SectionKind::requirements},
    HeadingPhrase{"must haves", SectionKind::requirements},
    HeadingPhrase{"nice to have", SectionKind::requirements},
    HeadingPhrase{"nice to haves", SectionKind::requirements},
    HeadingPhrase{"preferred", SectionKind::requirements},
    HeadingPhrase{"bonus points", SectionKind::requirements},
    HeadingPhrase{"ideal candidate", SectionKind::requirements},
    HeadingPhrase{"profile", SectionKind::requirements},
    HeadingPhrase{"knowledge", SectionKind::requirements},
    HeadingPhrase{"abilities", SectionKind::requirements},
    HeadingPhrase{"summary", SectionKind::intro},
    HeadingPhrase{"overview", SectionKind::intro},
    HeadingPhrase{"description", SectionKind::intro},
    HeadingPhrase{"introduction", SectionKind::intro},
    HeadingPhrase{"opportunity", SectionKind::intro},
    HeadingPhrase{"position", SectionKind::intro},
};

// Lower-cases `line` into `buffer` with every run of non-word characters a single space; false if too long.
bool fold_heading(std::string_view line, std::string& buffer, std::size_t& words) {
  buffer.clear();
  words = 0;
  if (line.size() > kMaxHeadingBytes) return false;
  bool space = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (starts_with(line, i, "\u2019") || starts_with(line, i, "\u2018")) {
      c = '\'';
      i += 2;
    }
    if (is_alnum(c) || (c == '\'' && !space)) {
      if (space) ++words;
      buffer += to_lower(c);
      space = false;
    } else if (!space) {
      buffer += ' ';
      space = true;
    }
  }
  while (!buffer.empty() && (buffer.back() == ' ' || buffer.back() == '\'')) buffer.pop_back();
  return true;
}

// True when `phrase` occurs in the folded `haystack` as whole words.
bool contains_words(std::string_view haystack, std::string_view phrase) noexcept {
  for (std::size_t at = haystack.find(phrase); at != std::string_view::npos; at = haystack.find(phrase, at + 1)) {
    const bool left = at == 0 || haystack[at - 1] == ' ';
    const auto after = at + phrase.size();
    const bool right = after == haystack.size() || haystack[after] == ' ';
    if (left && right) return true;
  }
  return false;
}

}  // namespace

std::string_view section_kind_name(SectionKind kind) noexcept {
  switch (kind) {
    case SectionKind::title: return "title";
    case SectionKind::intro: return "intro";
    case SectionKind::duties: return "duties";
    case SectionKind::requirements: return "requirements";
    case SectionKind::boilerplate: return "boilerplate";
    case SectionKind::other: break;
  }
  return "other";
}

SectionKind heading_kind(std::string_view line, bool& known) {
  thread_local std::string folded;
  std::size_t words = 0;
  known = false;
  if (!fold_heading(line, folded, words) || words == 0 || words > kMaxHeadingWords) return SectionKind::other;
  for (const auto& entry : kHeadingPhrases) {
    if (contains_words(folded, entry.phrase)) {
      known = true;
      return entry.kind;
    }
  }
  return SectionKind::other;
}

}  // namespace rolecheck
