#include "rolecheck/evaluation.hpp"

#include <fmt/format.h>

#include "rolecheck/record_format.hpp"

namespace rolecheck {
namespace {

constexpr std::array<Side, 2> kSides{Side::sales, Side::marketing};
constexpr std::array<Label, 4> kLabels{Label::sales, Label::marketing, Label::mixed, Label::unknown};

double ratio(double part, double whole) noexcept { return whole > 0.0 ? part / whole : 0.0; }

Label label_of(Side side) noexcept { return side == Side::sales ? Label::sales : Label::marketing; }

}  // namespace

void Evaluation::add(Side gold, Label predicted) noexcept {
  ++m_confusion[static_cast<std::size_t>(gold)][static_cast<std::size_t>(predicted)];
}

std::size_t Evaluation::count(Side gold, Label predicted) const noexcept {
  return m_confusion[static_cast<std::size_t>(gold)][static_cast<std::size_t>(predicted)];
}

std::size_t Evaluation::total() const noexcept {
  std::size_t sum = 0;
  for (const auto& row : m_confusion) {
    for (const auto cell : row) sum += cell;
  }
  return sum;
}

LabelScores Evaluation::scores(Side side) const noexcept {
  const auto label = label_of(side);
  LabelScores scores;
  const auto correct = static_cast<double>(count(side, label));
  double predicted = 0.0;
  for (const auto gold : kSides) predicted += static_cast<double>(count(gold, label));
  for (const auto any : kLabels) scores.support += count(side, any);
  scores.precision = ratio(correct, predicted);
  scores.recall = ratio(correct, static_cast<double>(scores.support));
  scores.f1 = ratio(2.0 * scores.precision * scores.recall, scores.precision + scores.recall);
  return scores;
}

double Evaluation::accuracy() const noexcept {
  const double correct = static_cast<double>(count(Side::sales, Label::sales) + count(Side::marketing, Label::marketing));
  return ratio(correct, static_cast<double>(total()));
}

double Evaluation::macro_f1() const noexcept { return (scores(Side::sales).f1 + scores(Side::marketing).f1) / 2.0; }

double Evaluation::weighted_f1() const noexcept {
  double sum = 0.0;
  for (const auto side : kSides) {
    const auto s = scores(side);
    sum += s.f1 * static_cast<double>(s.support);
  }
  return ratio(sum, static_cast<double>(total()));
}

double Evaluation::coverage() const noexcept {
  const double unknown = static_cast<double>(count(Side::sales, Label::unknown) + count(Side::marketing, Label::unknown));
  return total() == 0 ? 0.0 : 1.0 - unknown / static_cast<double>(total());
}

double Evaluation::accuracy_when_labelled() const noexcept {
  const double correct = static_cast<double>(count(Side::sales, Label::sales) + count(Side::marketing, Label::marketing));
  double labelled = 0.0;
  for (const auto gold : kSides) {
    labelled += static_cast<double>(count(gold, Label::sales) + count(gold, Label::marketing));
  }
  return ratio(correct, labelled);
}

std::string Evaluation::to_text() const {
  std::string out = fmt::format("{:>14} {:>9} {:>9} {:>9} {:>9}\n\n", "", "precision", "recall", "f1-score", "support");
  for (const auto side : kSides) {
    const auto s = scores(side);
    out += fmt::format("{:>14} {:>9.3f} {:>9.3f} {:>9.3f} {:>9}\n", side_name(side), s.precision, s.recall, s.f1,
                       s.support);
  }
  const auto sales = scores(Side::sales);
  const auto marketing = scores(Side::marketing);
  out += fmt::format("\n{:>14} {:>9} {:>9} {:>9.3f} {:>9}\n", "accuracy", "", "", accuracy(), total());
  out += fmt::format("{:>14} {:>9.3f} {:>9.3f} {:>9.3f} {:>9}\n", "macro avg",
                     (sales.precision + marketing.precision) / 2, (sales.recall + marketing.recall) / 2, macro_f1(),
                     total());
  const double n = static_cast<double>(total());
  out += fmt::format("{:>14} {:>9.3f} {:>9.3f} {:>9.3f} {:>9}\n", "weighted avg",
                     ratio(sales.precision * static_cast<double>(sales.support) +
                               marketing.precision * static_cast<double>(marketing.support), n),
                     ratio(sales.recall * static_cast<double>(sales.support) +
                               marketing.recall * static_cast<double>(marketing.support), n),
                     weighted_f1(), total());
  out += fmt::format("{:>14} {:>9} {:>9} {:>9.3f} {:>9}\n", "coverage", "", "", coverage(), total());
  out += "\nconfusion matrix (rows = gold, columns = predicted)\n";
  out += fmt::format("{:>14}", "");
  for (const auto label : kLabels) out += fmt::format(" {:>9}", label_name(label));
  out += '\n';
  for (const auto gold : kSides) {
    out += fmt::format("{:>14}", side_name(gold));
    for (const auto label : kLabels) out += fmt::format(" {:>9}", count(gold, label));
    out += '\n';
  }
  return out;
}

std::string Evaluation::to_json() const {
  std::string out = "{\"rows\":" + std::to_string(total()) + ",\"accuracy\":";
  append_json_number(out, accuracy());
  out += ",\"macro_f1\":";
  append_json_number(out, macro_f1());
  out += ",\"weighted_f1\":";
  append_json_number(out, weighted_f1());
  out += ",\"coverage\":";
  append_json_number(out, coverage());
  out += ",\"accuracy_when_labelled\":";
  append_json_number(out, accuracy_when_labelled());
  out += ",\"labels\":{";
  for (const auto side : kSides) {
    const auto s = scores(side);
    if (side == Side::marketing) out += ',';
    out += fmt::format("\"{}\":{{\"precision\":", side_name(side));
    append_json_number(out, s.precision);
    out += ",\"recall\":";
    append_json_number(out, s.recall);
    out += ",\"f1\":";
    append_json_number(out, s.f1);
    out += fmt::format(",\"support\":{}}}", s.support);
  }
  out += "},\"confusion\":{";
  for (const auto gold : kSides) {
    if (gold == Side::marketing) out += ',';
    out += fmt::format("\"{}\":{{", side_name(gold));
    for (std::size_t i = 0; i < kLabels.size(); ++i) {
      out += fmt::format("{}\"{}\":{}", i == 0 ? "" : ",", label_name(kLabels[i]), count(gold, kLabels[i]));
    }
    out += '}';
  }
  out += "}}";
  return out;
}

}  // namespace rolecheck
