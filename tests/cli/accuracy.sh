#!/usr/bin/env bash
# Regression guard on accuracy: three-way `rolecheck eval` (sales, marketing, other; gold = the
# text_label column read by ANNOTATION.md's rules) on the O*NET dev data in ../shared/data must not fall
# below the figures reached when the cues were last tuned (docs/accuracy.md). Floors, not targets.
# Usage: accuracy.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$1
data=$2/../shared/data
have_data=1
if [ ! -f "$data/onet_tasks_dev.tsv" ]; then
  # A clone without the shared folder beside it measures only its own fixtures: a ctest skip (never a pass;
  # .ci/run fails on it) that names what was not checked.
  skipped="the O*NET dev data ($data/onet_tasks_dev.tsv) is missing: the dev and document checks did not run"
  have_data=0
fi
# check NAME MIN_MACRO_F1 MAX_FALSE_ALARMS MIN_TWO_WAY_F1 MAX_NEITHER EVAL-ARGS...
check() {
  local name=$1 min_f1=$2 max_fa=$3 min_two=$4 max_neither=$5; shift 5
  local report
  report=$("$bin" eval --format json "$@") || { echo "FAIL: $name: eval exited $?" >&2; failures=$((failures + 1)); return; }
  python3 - "$name" "$min_f1" "$max_fa" "$min_two" "$max_neither" "$report" <<'PY' || failures=$((failures + 1))
import json, sys
name, report = sys.argv[1], json.loads(sys.argv[6])
min_f1, max_fa, min_two, max_neither = map(float, sys.argv[2:6])
f1, fa = report["macro_f1"], report["false_alarm_rate"]
two, neither = report["two_way"]["macro_f1"], report["two_way"]["neither_share"]
print(f"{name}: macro-F1 {f1:.3f} (floor {min_f1}), false alarms {fa:.3f} (ceiling {max_fa}), "
      f"sales/marketing F1 {two:.3f} (floor {min_two}), neither {neither:.3f} (ceiling {max_neither})")
ok = f1 >= min_f1 and fa <= max_fa and two >= min_two and neither <= max_neither
print("ok" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
}
files=("$data/onet_tasks_dev.tsv" "$data/onet_dwa_dev.tsv" "$data/onet_other_dev.tsv")
three_way=(--label-column text_label)
# Rows i % 4 == 0 of each file were held aside before any cue or threshold was tuned.
if ((have_data)); then
  check "held-aside part (1/4), pooled" 0.85 0.07 0.89 0.12 "${three_way[@]}" --part 1/4 "${files[@]}"
  check "tuning part (3/4), pooled" 0.90 0.04 0.94 0.08 "${three_way[@]}" --except-part 1/4 "${files[@]}"
  check "task statements" 0.89 0.085 0.91 0.10 "${three_way[@]}" "$data/onet_tasks_dev.tsv"
  check "detailed work activities" 0.95 0.03 0.97 0.04 "${three_way[@]}" "$data/onet_dwa_dev.tsv"
fi
# Occupation descriptions written for the project in the style of another taxonomy (never tuned on);
# two-way labels, so only the sales/marketing figures apply.
check "occupation descriptions" 0.95 0.0 0.95 0.05 "$2/tests/fixtures/occupation_descriptions.tsv"
# Posting bullets written for the project (modern sales, marketing and other work; three-way labels).
check "posting bullets" 0.90 0.05 0.90 0.10 "$2/tests/fixtures/posting_bullets.tsv"
# Trap words: other work written with words that look like selling or marketing (ad hoc, pitch in,
# brand new, leads the team, non-profit), and the few selling or marketing duties they resemble; since session 7 also
# the review's probes of the seventh pass: stem collisions ("open orders" for "opening orders", "commits" for
# "commitments", "custom" for "customers", "switches" for "switching"), generic phrases ("test reactions",
# "secure distribution", "manage renewals" of licences) and selling lines that other-work phrases undercut.
check "trap words" 0.90 0.05 0.90 0.0 "$2/tests/fixtures/trap_words.tsv"
# Posting lines written blind for the project on 2026-12-03 (by a reader who saw ANNOTATION.md only, never
# the taxonomy): 60 sales, 55 marketing, 125 other (many of them other work in sales postings or other
# jobs that borrow selling words), 6 ambiguous. Rows 0, 2, 4, ... (--part 1/2) were then used to tune
# cues; a second pass on the same day (other work inside sales and marketing postings) tuned on both
# halves, so neither is unseen any more (docs/accuracy.md).
check "blind postings, first half" 0.97 0.02 0.97 0.03 --part 1/2 "$2/tests/fixtures/blind_postings.tsv"
check "blind postings, second half" 0.94 0.02 0.94 0.09 --except-part 1/2 "$2/tests/fixtures/blind_postings.tsv"
# A second blind set (2026-12-03, session 5): 76 sales, 76 marketing, 150 other (75 inside sales, marketing or
# retail postings, 48 trap words in other jobs), 11 ambiguous, written by a reader who saw ANNOTATION.md only.
# Measured once, unseen, before and after that session's taxonomy edits (0.807 / 0.253 / 0.923 / 0.132 ->
# 0.849 / 0.180 / 0.933 / 0.125); never tuned on then. The kind column tags each line for analysis. Session 6 (branch
# judge2, same session) tuned on it: 0.993 / 0.013 / 1.000 / 0.000, so it is no longer an estimate.
check "blind postings 2 (tuned on since the second pass)" 0.97 0.03 0.98 0.03 "$2/tests/fixtures/blind_postings2.tsv"
# A third blind set (2026-12-03, session 5; 75 sales, 75 marketing, 150 other of which 80 sit inside sales or
# marketing postings and 51 use trap words, 10 ambiguous; wider industries), written by a reader who saw only
# ANNOTATION.md and measured only as totals: before that session's passes 0.805 / 0.220 / 0.897 / 0.147, after the
# first 0.833 / 0.160, after the second 0.858 / 0.107 / 0.899 / 0.153. Never tuned on; the next pass should keep it
# so and write a fourth.
# Third judgement pass (branch judge3, tuned on blind set 4 and the dev tuning part only): 0.867 / 0.113 / 0.916 / 0.140.
# Fourth judgement pass (branch judge4, tuned on blind set 5 and the dev tuning part only): 0.878 / 0.107 / 0.924 / 0.127
# (0.884 / 0.093 / 0.924 / 0.127 after its first commit, seen because this script prints it).
# Fifth judgement pass (branch judge5, tuned on blind set 6 and the dev tuning part only), once at its end: 0.884 / 0.093 / 0.924 / 0.127.
# Sixth judgement pass (branch judge6, tuned on blind set 7 and the dev tuning part only), once at its end: 0.884 / 0.093 / 0.924 / 0.127.
check "blind postings 3 (never tuned on)" 0.85 0.13 0.90 0.16 "$2/tests/fixtures/blind_postings3.tsv"
# A fourth blind set (2026-12-03, 332 lines by a reader who saw only ANNOTATION.md: a third in the formal style of O*NET task
# statements across the economy, the rest posting bullets from agriculture, construction supply, freight, ed-tech, gaming,
# fashion, food distribution, solar, gov-contracting, staffing, travel, fitness, vet, legal, print and security; 81 sales,
# 74 marketing, 166 other, 11 ambiguous). Unseen: 0.795 / 0.127 / 0.835 / 0.239. The third judgement pass (branch judge3)
# tuned on it: 0.954 / 0.024 / 0.964 / 0.058, so it is no longer an estimate.
check "blind postings 4 (tuned on since the third pass)" 0.93 0.04 0.94 0.08 "$2/tests/fixtures/blind_postings4.tsv"
# A fifth blind set (2026-12-03, 322 lines by a reader who saw only ANNOTATION.md: a third formal O*NET-style statements,
# the rest posting bullets from many industries, including selling without "sell", marketing without "marketing" and other
# work inside sales and marketing postings; the kind column tags lines; 82 sales, 74 marketing, 152 other, 14 ambiguous).
# Unseen: 0.835 / 0.086 / 0.855 / 0.186 before the third pass, 0.852 / 0.092 / 0.881 / 0.167 after it. The fourth
# judgement pass (branch judge4) tuned on it: 0.964 / 0.026 / 0.974 / 0.038, so it is no longer an estimate.
check "blind postings 5 (tuned on since the fourth pass)" 0.94 0.045 0.95 0.06 "$2/tests/fixtures/blind_postings5.tsv"
# A sixth blind set (2026-12-03, 314 lines by a reader who saw only ANNOTATION.md: half formal task statements, half posting
# bullets across healthcare, industrial, SaaS, consumer goods, automotive, real estate and mortgage, insurance, banking,
# hospitality, education, non-profits, agencies, telecom, utilities, trades, retail, wholesale and government, with other
# work inside sales and marketing postings and trap words; 74 sales, 75 marketing, 154 other, 11 ambiguous). Unseen:
# 0.800 / 0.156 / 0.862 / 0.221 after the third pass, 0.814 / 0.143 / 0.871 / 0.208 after the fourth. The fifth judgement
# pass (branch judge5) tuned on it: 0.961 / 0.026 / 0.969 / 0.034, so it is no longer an estimate.
check "blind postings 6 (tuned on since the fifth pass)" 0.94 0.045 0.95 0.06 "$2/tests/fixtures/blind_postings6.tsv"
# A seventh blind set (2026-12-03, 315 lines by a reader who saw only ANNOTATION.md: half formal task statements, half
# posting bullets from sectors not in earlier sets (mining, aviation parts, marine, funeral services, dispensaries, music,
# jewellery, packaging, cybersecurity, payroll software, tutoring, dental, pet food, car rental, franchising, marketplaces),
# with service and account-management lines that are not selling; 75 sales, 76 marketing, 153 other, 11 ambiguous).
# Unseen: 0.835 / 0.092 / 0.863 / 0.199 after the fourth pass, 0.839 / 0.092 / 0.866 / 0.192 after the fifth. The sixth
# judgement pass (branch judge6) tuned on it: 0.927 / 0.033 / 0.939 / 0.099, so it is no longer an estimate.
check "blind postings 7 (tuned on since the sixth pass)" 0.90 0.05 0.91 0.13 "$2/tests/fixtures/blind_postings7.tsv"
# Blind set 8 (2026-12-03, session 6): written by a reader who saw only ANNOTATION.md, measured once after the sixth
# pass while never tuned on (0.867 / 0.126 / 0.922 / 0.127). The seventh pass (session 7) tuned on it: 0.955 / 0.033 /
# 0.969 / 0.047, so it is no longer an estimate.
check "blind postings 8 (tuned on since the seventh pass)" 0.94 0.05 0.95 0.06 "$2/tests/fixtures/blind_postings8.tsv"
# Blind set 9 (2026-12-03, session 7; 325 lines by a reader who saw only ANNOTATION.md: a third formal task statements,
# a sixth 2-5-word bullets, the rest from real estate, insurance, pharma and medical devices, dealerships, hotels,
# universities and nonprofits, telecom retail, technical B2B, media ad sales, marketplaces, franchising and recruiting,
# some in a non-native writer's English; 75 sales, 76 marketing, 162 other, 12 ambiguous). Unseen after the sixth pass:
# 0.877 / 0.080 / 0.910 / 0.152. The seventh pass tuned on it: 0.964 / 0.000 / 0.962 / 0.073.
check "blind postings 9 (tuned on since the seventh pass)" 0.95 0.03 0.95 0.08 "$2/tests/fixtures/blind_postings9.tsv"
# Blind set 10 (2026-12-03, session 7; 315 lines by another reader who saw only ANNOTATION.md, written as the duty
# bullets of 30 whole postings in posting order: 8 sales, 8 marketing, 4 sales-and-marketing, 10 other occupations; a
# third formal task statements; 75 sales, 75 marketing, 155 other, 10 ambiguous). Sealed while the seventh pass was
# made, measured after it and never tuned on (0.863 / 0.084 / 0.894 / 0.173; 0.859 / 0.084 / 0.891 / 0.180 with the
# taxonomy before the pass): the honest estimate now. Floors a margin below.
# After the eighth pass (session 8, still never tuned on): 0.873 / 0.077 / 0.903 / 0.160.
check "blind postings 10 (never tuned on)" 0.84 0.11 0.87 0.20 "$2/tests/fixtures/blind_postings10.tsv"
# Blind set 12 (2026-12-04, session 8; 290 scored lines by a reader who saw only ANNOTATION.md: half the bullets of
# 14 whole postings, half single statements from HR job-description libraries, government profiles and résumés,
# some long sentences mixing a sales or marketing duty with other work). Sealed during the eighth pass (totals
# only, never a row read): 0.869 / 0.141 / 0.931 / 0.115 with the taxonomy before the pass, 0.889 / 0.113 / 0.939 /
# 0.101 after it. Floors a margin below.
check "blind postings 12 (never tuned on)" 0.86 0.13 0.91 0.13 "$2/tests/fixtures/blind_postings12.tsv"
# Blind set 11 (2026-12-04, session 8; 309 scored lines by a reader who saw only ANNOTATION.md, the duty bullets of 31
# whole postings in UK, Indian, Australian and US styles; 60 of its 75 sales duties avoid the words "sell" and
# "sales"; a third formal task statements; 75 sales, 75 marketing, 159 other, 10 ambiguous). Unseen after the seventh
# pass: 0.846 / 0.082 / 0.874 / 0.200 (sales recall 0.75). The eighth pass tuned on it (0.934 / 0.019 / 0.936 /
# 0.093), then its review dropped the phrases that fired on other work: 0.910 / 0.025 / 0.914 / 0.133.
check "blind postings 11 (tuned on since the eighth pass)" 0.89 0.04 0.89 0.15 "$2/tests/fixtures/blind_postings11.tsv"
# Blind set 13 (2026-12-04, session 8; 306 scored lines by a reader who saw only ANNOTATION.md, the bullets of 30
# postings from industries the other sets miss: seed and crop protection, farm equipment, building products, freight
# brokerage, energy, utilities, pharma, public health, food banks, universities, games, fashion, catering,
# accounting and law firms, compressors, travel; 71 of its 156 other lines use sales or marketing words). Unseen
# (after the blind-11 part of the eighth pass): 0.775 / 0.090 / 0.786 / 0.280 (sales recall 0.57). Tuned on since
# (0.887 / 0.071 / 0.915 / 0.140), then the review dropped the phrases that fired on other work: 0.844 / 0.071 /
# 0.863 / 0.207.
check "blind postings 13 (tuned on since the eighth pass)" 0.82 0.09 0.84 0.23 "$2/tests/fixtures/blind_postings13.tsv"
# Blind set 14 (2026-12-04, session 8; 290 scored lines by a reader who saw only ANNOTATION.md: a third in résumé
# voice, a fifth 2-6-word bullets, the rest bullets from small employers: shops, salons, gyms, clinics, trades,
# councils, charities). Unseen (after parts one and two of the eighth pass): 0.913 / 0.064 / 0.942 / 0.107. Tuned on
# since: 0.962 / 0.036 / 0.979 / 0.040.
check "blind postings 14 (tuned on since the eighth pass)" 0.94 0.05 0.96 0.06 "$2/tests/fixtures/blind_postings14.tsv"
# Session 9 (2026-12-04): two sets by readers who saw ANNOTATION.md only, in new sectors (banking and mortgages, beauty,
# drinks, marketplaces, nonprofits, franchising, airlines, print; hotels, telecom, dental, chemicals, SaaS, new homes,
# language schools, publishers, co-ops, councils). Set 16 was tuned on (0.808 / 0.046 -> 0.889 / 0.015); set 15 was
# sealed and measured once, after the pass (0.719 / 0.047 before it, 0.738 / 0.047 after): the hardest set so far.
check "blind postings 15 (never tuned on)" 0.73 0.065 0.73 0.38 "$2/tests/fixtures/blind_postings15.tsv"
check "blind postings 16 (tuned on since the ninth pass)" 0.87 0.03 0.87 0.18 "$2/tests/fixtures/blind_postings16.tsv"
# Session 10 (2026-12-04): set 17 by a reader who saw ANNOTATION.md only (car dealers, insurance brokers, telecoms,
# SaaS, pharma and device reps, hotels and venues, course counsellors, recruiters, ad sales, farm machinery, freight,
# gyms, energy; electricians, carers, helpdesk), tuned on in the tenth pass: 0.734 / 0.086 -> 0.841 / 0.065, then
# 0.806 / 0.065 after two rounds of probes dropped 29 of its phrases (travel buyers' corporate rates, hospital formularies).
check "blind postings 17 (tuned on since the tenth pass)" 0.79 0.075 0.81 0.30 "$2/tests/fixtures/blind_postings17.tsv"
# Session 10: set 18 by another such reader (lettings and new homes, FMCG field sales, fashion and luxury, industrial
# equipment, telecom resellers, travel, admissions, sports ticketing, local ad sales, pet food, food service,
# building materials, mobile games, charity partnerships; nurses, carpenters, debt collectors, analysts), sealed for
# the tenth pass and measured before and after it: 0.803 / 0.052 / 0.815 / 0.302 -> 0.807 / 0.052 / 0.820 / 0.296.
# Set 15 moved 0.738 / 0.047 -> 0.739 / 0.055 over the same pass (one more false alarm, from the '*' phrases).
check "blind postings 18 (never tuned on)" 0.79 0.065 0.80 0.31 "$2/tests/fixtures/blind_postings18.tsv"
# Session 10 (2026-12-04): a reviewer's probes of the ninth pass's phrases (156 other-work duties, each built around
# one new phrase: viewings at a funeral home, census door-knocking, quotas in fishing, focus groups on a curriculum;
# and 40 selling or marketing duties that carry an other-work phrase). Before the tenth pass 0.442 / 0.635 false
# alarms; it dropped 36 phrases and added other-work words (census, patrol, tenancy, donors, takedown, ...): 0.572 /
# 0.429. The rest are known misfires of phrases kept because real selling uses them far more often (knock on doors,
# get them signed up, beat plan, doctor calls, quarterly quota): a ceiling on them, not a target. Then 92 more probes
# of the tenth pass's own phrases (62 other work, 30 selling or marketing): 0.581 false alarms on those 62 before
# 18 phrases were dropped and 4 other-work ones added, 0.306 after. All 288 probes: 0.559 / 0.486 with the ninth
# pass's taxonomy, 0.620 / 0.395 after the review's drops.
check "trap probes of the ninth and tenth passes" 0.60 0.42 0.92 0.16 "$2/tests/fixtures/trap_probes.tsv"
# Documents: pseudo job descriptions built from the dev task lists (scripts/eval_documents.py).
if ((have_data)); then
documents=$(python3 "$2/scripts/eval_documents.py" --rolecheck "$bin") || { echo "FAIL: eval_documents.py" >&2; failures=$((failures + 1)); }
python3 - "$documents" <<'PY' || failures=$((failures + 1))
import re, sys
figures = dict(re.findall(r"^(all|other) +accuracy ([0-9.]+)", sys.argv[1], re.M))
sm, other = float(figures["all"]), float(figures["other"])
ok = sm >= 0.84 and other >= 0.955
print(f"documents: sales and marketing roles {sm:.3f} (floor 0.84), other occupations {other:.3f} (floor 0.955)")
print("ok" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
fi
finish accuracy
