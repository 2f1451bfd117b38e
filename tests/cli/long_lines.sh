#!/usr/bin/env bash
# Linear time and bounded memory whatever the line: classifying one N-byte line (N = 1 MiB) costs at most
# a small constant times classifying the same bytes as short lines, for lines and for documents, and peak
# memory stays under the README's 16 MB. CPU time (user + system, from wait4) of the two runs is compared,
# never wall-clock time, so a loaded machine does not make it flaky.
# Usage: long_lines.sh path/to/rolecheck
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rolecheck=$(realpath "$1")
[ -x /usr/bin/time ] || { echo "SKIP: GNU time (/usr/bin/time, package time) is missing" >&2; exit 77; }
python3 - "$rolecheck" "$tmp" <<'PY'
import os, subprocess, sys
rolecheck, work = sys.argv[1], sys.argv[2]
N = 1 << 20
FACTOR = 4.0         # one long line may cost at most this many times the short lines
FLOOR = 0.05         # CPU seconds under which a ratio means nothing (start-up dominates)
LIMIT_KB = 16 * 1024  # README: under 16 MB
failures = []

def make(name, piece, one_line):
    count = N // len(piece)
    path = os.path.join(work, name)
    with open(path, "w") as f:
        if one_line:
            f.write(piece * count + "\n")
        else:
            f.write((piece.rstrip(" ") + "\n") * count)
    return path

def run(args):
    """Best of three runs: (CPU seconds, peak RSS in KB). CPU from wait4 (precise); the RSS from GNU time's
    %M, since a child forked from this Python process would inherit its high-water mark."""
    best = None
    rss_file = os.path.join(work, "rss")
    for _ in range(3):
        with open(os.devnull, "wb") as devnull:
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, rolecheck] + args, stdout=devnull,
                                    stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            err = proc.stderr.read().decode(errors="replace")
            proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            failures.append(f"{' '.join(args)}: exit {os.waitstatus_to_exitcode(status)}: {err[:300]}")
        cpu = usage.ru_utime + usage.ru_stime
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
        if best is None or cpu < best[0]:
            best = (cpu, rss)
    return best

pieces = {
    "duty": "Close deals and write blog posts. ",           # clause breaks: windows cut there
    "words": "sell advertising not stock records ",          # no clause break: windows cut at a space
    "tiny": "a ",                                            # the most tokens per byte
}
for name, piece in pieces.items():
    long_path = make(name + "_one.txt", piece, True)
    short_path = make(name + "_short.txt", piece, False)
    for mode in (["--format", "jsonl"], ["--format", "tsv"], ["-j", "2", "--format", "jsonl"],
                 ["--unit", "document", "--format", "jsonl"]):
        args = ["classify"] + mode
        one_cpu, one_rss = run(args + [long_path])
        short_cpu, short_rss = run(args + [short_path])
        what = f"{name} {' '.join(mode)}"
        print(f"{what}: one line {one_cpu:.3f} s {one_rss} KB, short lines {short_cpu:.3f} s {short_rss} KB")
        if one_cpu > FACTOR * max(short_cpu, FLOOR):
            failures.append(f"{what}: one line {one_cpu:.3f} s CPU > {FACTOR} x short lines {short_cpu:.3f} s")
        for label, rss in (("one line", one_rss), ("short lines", short_rss)):
            if rss > LIMIT_KB:
                failures.append(f"{what}: {label} peak RSS {rss} KB over {LIMIT_KB} KB")
for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
