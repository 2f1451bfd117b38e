#!/usr/bin/env bash
# `-o FILE` behaves like a Unix tool writing its output atomically (docs/output.md, *Output files*):
# an existing file keeps its mode, a new file gets 0666 & ~umask, a symbolic link is followed (its target
# is replaced, the link stays), a hard link to the old file keeps the old contents; the same for every
# subcommand that takes -o.
# Usage: output_files.sh ROLECHECK
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
plain_env
cd "$tmp" || exit 1
mode() { stat -c %a "$1"; }
# run ARGS...: rolecheck with stderr in err.txt; exit 0 and empty stderr expected.
run() {
  "$bin" "$@" >stdout.txt 2>err.txt
  local status=$?
  [ $status -eq 0 ] || fail "$*: exit $status: $(head -3 err.txt)"
  [ -s err.txt ] && fail "$*: unexpected stderr: $(head -3 err.txt)"
  [ -s stdout.txt ] && fail "$*: unexpected stdout with -o: $(head -3 stdout.txt)"
}
printf 'Close deals with new customers\nRun email campaigns\n' >duties.txt
"$bin" classify duties.txt >expected.txt || fail "classify to stdout"

# 1. A new file: 0666 & ~umask, for several umasks.
for mask in 022 077 002 027; do
  rm -f new.txt
  (umask "$mask" && "$bin" classify -o new.txt duties.txt) || fail "umask $mask: exit $?"
  expect_eq "new file under umask $mask" "$(mode new.txt)" "$(printf '%o' $((0666 & ~8#$mask)))"
  cmp -s new.txt expected.txt || fail "umask $mask: contents differ"
done

# 2. An existing file keeps its mode, whatever the umask (0600 must not become world-readable).
for old in 600 640 664 700; do
  echo old >kept.txt
  chmod "$old" kept.txt
  (umask 022 && "$bin" classify -o kept.txt duties.txt) || fail "mode $old: exit $?"
  expect_eq "existing file keeps mode $old" "$(mode kept.txt)" "$old"
  cmp -s kept.txt expected.txt || fail "mode $old: contents differ"
done

# 3. A symbolic link: the target is replaced (atomically, keeping its mode), the link stays a link.
mkdir -p real
echo old >real/target.txt
chmod 640 real/target.txt
ln -s real/target.txt link.txt
run classify -o link.txt duties.txt
[ -L link.txt ] || fail "symlink: link.txt is no longer a symbolic link"
expect_eq "symlink still points to the target" "$(readlink link.txt)" "real/target.txt"
cmp -s real/target.txt expected.txt || fail "symlink: the target does not hold the output"
expect_eq "symlink target keeps its mode" "$(mode real/target.txt)" 640
[ -z "$(find . -name '*.tmp-*')" ] || fail "symlink: temporary file left: $(find . -name '*.tmp-*')"
# A chain of links, one relative to its own directory, and an absolute one.
ln -s target.txt real/inner.txt
ln -s "$tmp/real/inner.txt" chain.txt
printf 'Write blog posts\n' >blog.txt
run classify -o chain.txt blog.txt
"$bin" classify blog.txt >expected_blog.txt
cmp -s real/target.txt expected_blog.txt || fail "symlink chain: the final target does not hold the output"
[ -L chain.txt ] && [ -L real/inner.txt ] || fail "symlink chain: a link was replaced"
# A dangling link creates its target (new-file mode).
ln -s made.txt dangling.txt
(umask 022 && "$bin" classify -o dangling.txt duties.txt) || fail "dangling link: exit $?"
[ -L dangling.txt ] || fail "dangling link: replaced by a file"
cmp -s made.txt expected.txt || fail "dangling link: target not created with the output"
expect_eq "dangling link target mode" "$(mode made.txt)" 644
# A loop of links is an error naming the path, exit 2, nothing created.
ln -s loop_b loop_a
ln -s loop_a loop_b
"$bin" classify -o loop_a duties.txt >stdout.txt 2>err.txt
expect_eq "symlink loop exit" $? 2
grep -q "loop_a: cannot open output file: Too many levels of symbolic links" err.txt ||
  fail "symlink loop message: $(cat err.txt)"

# 4. A hard link: the path gets a new file; the other name keeps the old contents (documented).
echo old >hard.txt
ln hard.txt hard_other.txt
run classify -o hard.txt duties.txt
cmp -s hard.txt expected.txt || fail "hard link: the path does not hold the output"
expect_eq "hard link: the other name keeps the old contents" "$(cat hard_other.txt)" old
expect_eq "hard link: link count of the path" "$(stat -c %h hard.txt)" 1

# 5. The same rules for every subcommand with -o (report, stats, eval, fit, diff, table go through one class).
chmod 600 kept.txt
ln -sf kept.txt report_link.html
run report -o report_link.html duties.txt
[ -L report_link.html ] || fail "report: link replaced"
grep -q '<html' kept.txt || fail "report: target does not hold the report"
expect_eq "report keeps mode" "$(mode kept.txt)" 600

finish output_files
