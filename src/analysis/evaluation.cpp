#include "rolecheck/analysis/evaluation.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {
namespace {

constexpr std::array<Gold, kGoldClassCount> kClasses{Gold::sales, Gold::marketing, Gold::other};
constexpr std::array<Side, 2> kSides{Side::sales, Side::marketing};
constexpr std::array<Label, kLabelCount> kLabels{Label::sales, Label::marketing, Label::other, Label::mixed,
                                                 Label::unknown};

double ratio(double part, double whole) noexcept { return whole > 0.0 ? part / whole : 0.0; }

double f1_of(double precision, double recall) noexcept { return ratio(2.0 * precision * recall, precision + recall); }

// Precision, recall and F1 of a class with `support` gold rows, `predicted` rows predicted, `correct` of them right.
LabelScores label_scores(double correct, double predicted, std::size_t support) noexcept {
  LabelScores scores;
  scores.support = support;
  scores.precision = ratio(correct, predicted);
  scores.recall = ratio(correct, static_cast<double>(support));
  scores.f1 = f1_of(scores.precision, scores.recall);
  return scores;
}

Gold gold_of(Side side) noexcept { return side == Side::sales ? Gold::sales : Gold::marketing; }
Label label_of(Side side) noexcept { return side == Side::sales ? Label::sales : Label::marketing; }

// Averages over the classes that have gold rows (a class absent from the data is shown, not averaged).
struct Averages {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};

// The members "precision", "recall" and "f1".
void write_json_prf(JsonWriter& json, double precision, double recall, double f1) {
  json.key("precision").number(precision);
  json.key("recall").number(recall);
  json.key("f1").number(f1);
}

// The member `key`: one class's precision, recall, F1 and support (its gold rows).
void write_json_scores(JsonWriter& json, std::string_view key, const LabelScores& s) {
  json.key(key).begin_object();
  write_json_prf(json, s.precision, s.recall, s.f1);
  json.key("support").integer(s.support);
  json.end_object();
}

// The member `key`: averaged precision, recall and F1.
void write_json_averages(JsonWriter& json, std::string_view key, const Averages& a) {
  json.key(key).begin_object();
  write_json_prf(json, a.precision, a.recall, a.f1);
  json.end_object();
}

std::string scores_line(std::string_view name, double precision, double recall, double f1, std::size_t support) {
  return fmt::format("{:>14} {:>9.3f} {:>9.3f} {:>9.3f} {:>9}\n", name, precision, recall, f1, support);
}

std::string share_line(std::string_view name, double share, std::size_t rows, std::string_view note) {
  return fmt::format("{:>14} {:>9} {:>9} {:>9.3f} {:>9}  {}\n", name, "", "", share, rows, note);
}

}  // namespace

std::string_view gold_name(Gold gold) noexcept {
  switch (gold) {
    case Gold::sales: return "sales";
    case Gold::marketing: return "marketing";
    case Gold::other: return "other";
    case Gold::ambiguous: break;
  }
  return "ambiguous";
}

std::optional<Gold> parse_gold(std::string_view text) noexcept {
  // Spreadsheet exports capitalise ("Sales", "OTHER"): compare without case.
  const auto same = [](std::string_view name, std::string_view given) {
    return name.size() == given.size() && std::equal(name.begin(), name.end(), given.begin(), [](char a, char b) {
             return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
  };
  for (const auto gold : {Gold::sales, Gold::marketing, Gold::other, Gold::ambiguous}) {
    if (same(gold_name(gold), text)) return gold;
  }
  return std::nullopt;
}

Gold scored_class(Label predicted) noexcept {
  switch (predicted) {
    case Label::sales: return Gold::sales;
    case Label::marketing: return Gold::marketing;
    case Label::other:
    case Label::mixed:
    case Label::unknown: break;
  }
  return Gold::other;
}

bool prediction_matches(Gold gold, Label predicted) noexcept {
  return gold != Gold::ambiguous && scored_class(predicted) == gold;
}

void Evaluation::add(Gold gold, Label predicted, bool review) noexcept {
  if (gold == Gold::ambiguous) {
    ++m_ambiguous;
    return;
  }
  ++m_confusion[static_cast<std::size_t>(gold)][static_cast<std::size_t>(predicted)];
  ++m_review_rows[review ? 1 : 0];
  if (prediction_matches(gold, predicted)) ++m_review_correct[review ? 1 : 0];
}

std::size_t Evaluation::review_rows(bool flagged) const noexcept { return m_review_rows[flagged ? 1 : 0]; }

double Evaluation::review_accuracy(bool flagged) const noexcept {
  return ratio(static_cast<double>(m_review_correct[flagged ? 1 : 0]), static_cast<double>(review_rows(flagged)));
}

double Evaluation::review_share() const noexcept {
  return ratio(static_cast<double>(review_rows(true)), static_cast<double>(total()));
}

std::size_t Evaluation::count(Gold gold, Label predicted) const noexcept {
  if (gold == Gold::ambiguous) return 0;
  return m_confusion[static_cast<std::size_t>(gold)][static_cast<std::size_t>(predicted)];
}

std::size_t Evaluation::support(Gold gold) const noexcept {
  std::size_t sum = 0;
  for (const auto label : kLabels) sum += count(gold, label);
  return sum;
}

std::size_t Evaluation::total() const noexcept {
  std::size_t sum = 0;
  for (const auto gold : kClasses) sum += support(gold);
  return sum;
}

LabelScores Evaluation::scores(Gold gold) const noexcept {
  if (gold == Gold::ambiguous) return LabelScores{};
  double correct = 0.0;
  double predicted = 0.0;
  for (const auto row : kClasses) {
    for (const auto label : kLabels) {
      if (scored_class(label) != gold) continue;
      predicted += static_cast<double>(count(row, label));
      if (row == gold) correct += static_cast<double>(count(row, label));
    }
  }
  return label_scores(correct, predicted, support(gold));
}

double Evaluation::accuracy() const noexcept {
  double correct = 0.0;
  for (const auto gold : kClasses) {
    for (const auto label : kLabels) {
      if (prediction_matches(gold, label)) correct += static_cast<double>(count(gold, label));
    }
  }
  return ratio(correct, static_cast<double>(total()));
}

namespace {

// The mean precision, recall and F1 of the scores of `keys`, leaving out those with no support (0 when none has).
template <typename Keys, typename ScoresOf>
Averages mean_scores(const Keys& keys, ScoresOf scores_of) noexcept {
  Averages sum;
  double counted = 0.0;
  for (const auto key : keys) {
    const LabelScores s = scores_of(key);
    if (s.support == 0) continue;
    sum.precision += s.precision;
    sum.recall += s.recall;
    sum.f1 += s.f1;
    counted += 1.0;
  }
  return Averages{ratio(sum.precision, counted), ratio(sum.recall, counted), ratio(sum.f1, counted)};
}

}  // namespace

double Evaluation::macro_f1() const noexcept {
  return mean_scores(kClasses, [this](Gold gold) { return scores(gold); }).f1;
}

double Evaluation::weighted_f1() const noexcept {
  double sum = 0.0;
  for (const auto gold : kClasses) {
    const auto s = scores(gold);
    sum += s.f1 * static_cast<double>(s.support);
  }
  return ratio(sum, static_cast<double>(total()));
}

double Evaluation::coverage() const noexcept {
  double unknown = 0.0;
  for (const auto gold : kClasses) unknown += static_cast<double>(count(gold, Label::unknown));
  return total() == 0 ? 0.0 : 1.0 - unknown / static_cast<double>(total());
}

double Evaluation::accuracy_when_labelled() const noexcept {
  double correct = 0.0;
  double labelled = 0.0;
  for (const auto gold : kClasses) {
    labelled += static_cast<double>(count(gold, Label::sales) + count(gold, Label::marketing));
  }
  for (const auto side : kSides) correct += static_cast<double>(count(gold_of(side), label_of(side)));
  return ratio(correct, labelled);
}

double Evaluation::false_alarm_rate() const noexcept {
  const double alarms = static_cast<double>(count(Gold::other, Label::sales) + count(Gold::other, Label::marketing));
  return ratio(alarms, static_cast<double>(support(Gold::other)));
}

std::size_t Evaluation::work_rows() const noexcept { return support(Gold::sales) + support(Gold::marketing); }

LabelScores Evaluation::two_way_scores(Side side) const noexcept {
  const auto gold = gold_of(side);
  const auto label = label_of(side);
  double predicted = 0.0;
  for (const auto row : kSides) predicted += static_cast<double>(count(gold_of(row), label));
  return label_scores(static_cast<double>(count(gold, label)), predicted, support(gold));
}

double Evaluation::two_way_macro_f1() const noexcept {
  return mean_scores(kSides, [this](Side side) { return two_way_scores(side); }).f1;
}

double Evaluation::neither_share() const noexcept {
  double neither = 0.0;
  for (const auto side : kSides) {
    for (const auto label : {Label::other, Label::mixed, Label::unknown}) {
      neither += static_cast<double>(count(gold_of(side), label));
    }
  }
  return ratio(neither, static_cast<double>(work_rows()));
}

namespace {

Averages macro_averages(const Evaluation& evaluation) {
  return mean_scores(kClasses, [&evaluation](Gold gold) { return evaluation.scores(gold); });
}

Averages weighted_averages(const Evaluation& evaluation) {
  Averages averages;
  for (const auto gold : kClasses) {
    const auto s = evaluation.scores(gold);
    averages.precision += s.precision * static_cast<double>(s.support);
    averages.recall += s.recall * static_cast<double>(s.support);
  }
  const auto n = static_cast<double>(evaluation.total());
  averages.precision = ratio(averages.precision, n);
  averages.recall = ratio(averages.recall, n);
  averages.f1 = evaluation.weighted_f1();
  return averages;
}

Averages two_way_averages(const Evaluation& evaluation) {
  return mean_scores(kSides, [&evaluation](Side side) { return evaluation.two_way_scores(side); });
}

}  // namespace

std::string Evaluation::to_text() const {
  std::string out = fmt::format("{:>14} {:>9} {:>9} {:>9} {:>9}\n\n", "", "precision", "recall", "f1-score", "support");
  for (const auto gold : kClasses) {
    const auto s = scores(gold);
    out += scores_line(gold_name(gold), s.precision, s.recall, s.f1, s.support);
  }
  const auto macro = macro_averages(*this);
  const auto weighted = weighted_averages(*this);
  out += fmt::format("\n{:>14} {:>9} {:>9} {:>9.3f} {:>9}\n", "accuracy", "", "", accuracy(), total());
  out += scores_line("macro avg", macro.precision, macro.recall, macro.f1, total());
  out += scores_line("weighted avg", weighted.precision, weighted.recall, weighted.f1, total());
  out += share_line("coverage", coverage(), total(), "(share not unknown)");
  out += share_line("false alarms", false_alarm_rate(), support(Gold::other),
                    "(share of gold other labelled sales or marketing)");
  out +=
      fmt::format("{:>14} {:>9} {:>9} {:>9} {:>9}  (gold ambiguous: left out)\n", "ambiguous", "", "", "", m_ambiguous);
  out +=
      share_line("unflagged", review_accuracy(false), review_rows(false), "(accuracy of rows not flagged for review)");
  out += share_line("flagged", review_accuracy(true), review_rows(true),
                    fmt::format("(accuracy of rows flagged for review: {:.1f}% of rows)", 100.0 * review_share()));

  out += "\ngold sales and marketing rows only (two-way)\n";
  for (const auto side : kSides) {
    const auto s = two_way_scores(side);
    out += scores_line(side_name(side), s.precision, s.recall, s.f1, s.support);
  }
  const auto two_way = two_way_averages(*this);
  out += scores_line("macro avg", two_way.precision, two_way.recall, two_way.f1, work_rows());
  out += share_line("neither", neither_share(), work_rows(), "(share labelled other, mixed or unknown)");

  out += "\nconfusion matrix (rows = gold, columns = predicted)\n";
  out += fmt::format("{:>14}", "");
  for (const auto label : kLabels) out += fmt::format(" {:>9}", label_name(label));
  out += '\n';
  for (const auto gold : kClasses) {
    out += fmt::format("{:>14}", gold_name(gold));
    for (const auto label : kLabels) out += fmt::format(" {:>9}", count(gold, label));
    out += '\n';
  }
  return out;
}

std::string Evaluation::to_json() const {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  write_json_members(json);
  json.end_object();
  return out;
}

void Evaluation::write_json_members(JsonWriter& json) const {
  json.key("rows").integer(total());
  json.key("ambiguous").integer(m_ambiguous);
  json.key("accuracy").number(accuracy());
  json.key("macro_f1").number(macro_f1());
  json.key("weighted_f1").number(weighted_f1());
  json.key("coverage").number(coverage());
  json.key("false_alarm_rate").number(false_alarm_rate());
  json.key("accuracy_when_labelled").number(accuracy_when_labelled());
  json.key("flagged").begin_object();
  json.key("rows").integer(review_rows(true));
  json.key("share").number(review_share());
  json.key("accuracy").number(review_accuracy(true));
  json.end_object();
  json.key("unflagged").begin_object();
  json.key("rows").integer(review_rows(false));
  json.key("accuracy").number(review_accuracy(false));
  json.end_object();
  json.key("labels").begin_object();
  for (const auto gold : kClasses) write_json_scores(json, gold_name(gold), scores(gold));
  json.end_object();
  write_json_averages(json, "macro_avg", macro_averages(*this));
  write_json_averages(json, "weighted_avg", weighted_averages(*this));
  json.key("two_way").begin_object();
  json.key("rows").integer(work_rows());
  json.key("macro_f1").number(two_way_macro_f1());
  json.key("neither_share").number(neither_share());
  json.key("labels").begin_object();
  for (const auto side : kSides) write_json_scores(json, side_name(side), two_way_scores(side));
  json.end_object();
  json.end_object();
  json.key("confusion").begin_object();
  for (const auto gold : kClasses) {
    json.key(gold_name(gold)).begin_object();
    for (const auto label : kLabels) json.key(label_name(label)).integer(count(gold, label));
    json.end_object();
  }
  json.end_object();
}

}  // namespace rolecheck
