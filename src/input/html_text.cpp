#include "rolecheck/input/html_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <gumbo.h>
#include <memory>
#include <string>
#include <vector>

#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

// Elements whose content is no text of the posting.
bool is_dropped(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_BUTTON: return true;
    default: return false;
  }
}

// Elements that stand on lines of their own; `paragraph` ones also have a blank line around them.
bool is_block(GumboTag tag, bool& paragraph) noexcept {
  paragraph = false;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HR: paragraph = true; return true;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: return true;
    default: return false;
  }
}

int heading_level(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// Writes text with requested line breaks, a pending prefix (list marker, heading marks) and blanks
// squeezed, so the result has no leading, trailing or doubled blanks.
class TextWriter {
 public:
  void text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
        if (nbsp) ++i;
        m_space = true;
        continue;
      }
      put(c);
    }
  }
  // Asks for at least `lines` line breaks (1: a new line, 2: a blank line) before the next text.
  void line_break(int lines) {
    if (m_heading > 0) {
      m_space = true;
      return;
    }
    m_breaks = std::max(m_breaks, lines);
  }
  // Text written before the next word, once its line has begun (a list marker, heading marks).
  void prefix(std::string value) { m_prefix = std::move(value); }
  // Forgets a prefix no text used (an empty list item or heading).
  void drop_prefix() { m_prefix.clear(); }
  void enter_heading() { ++m_heading; }
  void leave_heading() { --m_heading; }
  std::string take() { return std::move(m_out); }

 private:
  void put(char c) {
    if (m_out.empty()) {
      m_breaks = 0;
      m_space = false;
    }
    if (m_breaks > 0) {
      m_out.append(static_cast<std::size_t>(m_breaks), '\n');
      m_breaks = 0;
      m_space = false;
      m_line_begun = false;
    }
    if (!m_line_begun) {
      m_out += m_prefix;
      m_prefix.clear();
      m_line_begun = true;
      m_space = false;
    }
    if (m_space) m_out += ' ';
    m_space = false;
    m_out += c;
  }

  std::string m_out;
  std::string m_prefix;
  int m_breaks = 0;
  int m_heading = 0;
  bool m_space = false;
  bool m_line_begun = false;
};

struct OutputDeleter {
  void operator()(GumboOutput* output) const noexcept { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// One element being walked: the next child to visit, and what to do on leaving it.
struct Frame {
  const GumboNode* node = nullptr;
  unsigned int next_child = 0;
};

}  // namespace

std::size_t html_nesting_bound(std::string_view html) noexcept {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    const char next = html[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
      continue;
    }
    const bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    if (!letter) continue;  // comments, doctypes, a lone '<' in text
    const auto close = html.find('>', i + 1);
    if (close == std::string_view::npos) break;
    const bool self_closed = html[close - 1] == '/';
    std::size_t name_end = i + 1;
    while (name_end < close && html[name_end] != ' ' && html[name_end] != '/' && html[name_end] != '\t' &&
           html[name_end] != '\n' && html[name_end] != '\r')
      ++name_end;
    std::string name(html.substr(i + 1, name_end - i - 1));
    for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static constexpr std::string_view kVoid[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                                 "input", "link", "meta", "param", "source", "track", "wbr"};
    bool is_void = false;
    for (const auto v : kVoid) is_void = is_void || name == v;
    if (!self_closed && !is_void) deepest = std::max(deepest, ++depth);
    i = close;
  }
  return deepest;
}

std::string html_to_text(std::string_view html) {
  if (html_nesting_bound(html) > kMaxHtmlDepth) {
    throw Error(
        fmt::format("HTML nested deeper than {} elements: not a posting this reader parses (its time "
                    "grows with the square of the nesting); give --input text to read it as text",
                    kMaxHtmlDepth));
  }
  const std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  TextWriter writer;
  std::vector<Frame> stack{Frame{output->root, 0}};
  std::vector<int> lists;  // open <ul>/<ol> elements (nesting for item indentation)
  const auto leave = [&](const GumboNode* node) {
    const auto tag = node->v.element.tag;
    bool paragraph = false;
    if (heading_level(tag) > 0) {
      writer.leave_heading();
      writer.drop_prefix();
      writer.line_break(2);
    } else if (tag == GUMBO_TAG_LI) {
      writer.drop_prefix();
      writer.line_break(1);
    } else if (is_block(tag, paragraph)) {
      const bool nested_list = (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && lists.size() > 1;
      writer.line_break(paragraph && !nested_list ? 2 : 1);
    }
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) lists.pop_back();
  };
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->v.element.children;
    if (frame.next_child >= children.length) {
      leave(frame.node);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE) {
      writer.text(child->v.text.text);
      continue;
    }
    if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE) continue;
    const auto tag = child->v.element.tag;
    if (is_dropped(tag) || child->type == GUMBO_NODE_TEMPLATE) continue;
    bool paragraph = false;
    if (const int level = heading_level(tag); level > 0) {
      writer.line_break(2);
      writer.prefix(std::string(static_cast<std::size_t>(level), '#') + ' ');
      writer.enter_heading();
    } else if (tag == GUMBO_TAG_LI) {
      writer.line_break(1);
      const auto depth = lists.empty() ? std::size_t{0} : lists.size() - 1;
      writer.prefix(std::string(2 * depth, ' ') + "- ");
    } else if (tag == GUMBO_TAG_BR) {
      writer.line_break(1);
    } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      writer.text(" ");
    } else if (is_block(tag, paragraph)) {
      // A list inside a list item goes on the next line, no blank line before it.
      const bool nested_list = (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && !lists.empty();
      writer.line_break(paragraph && !nested_list ? 2 : 1);
    }
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) lists.push_back(0);
    stack.push_back(Frame{child, 0});
  }
  std::string text = writer.take();
  if (!text.empty()) text += '\n';
  return text;
}

}  // namespace rolecheck
