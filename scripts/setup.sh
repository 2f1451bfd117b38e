#!/usr/bin/env bash
# Installs what is missing from Debian 12's packages, then configures and builds rolecheck in build/.
#   scripts/setup.sh          the build's own needs; builds rolecheck and its man page, no tests
#   scripts/setup.sh --test   also what the test suite uses (GNU parallel, clang for fuzzing, ...); builds everything
# Safe to run again: it installs only what is missing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build git libcli11-dev nlohmann-json3-dev libfmt-dev catch2 libstemmer-dev liblinear-dev libblas-dev libgumbo-dev zlib1g-dev help2man)
build_dir=build
cmake_flags=(-DCMAKE_BUILD_TYPE=Release)
tests=OFF  # the test suite and fuzz replays only when asked for (a third of the build's time)
for arg in "$@"; do
  case "$arg" in
    --test) tests=ON ; packages+=(parallel python3 jq clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14 man-db time chromium zsh bash-completion dpkg-dev file) ;;
    --bench) packages+=(libbenchmark-dev parallel ripgrep fasttext time hyperfine python3 linux-perf) ; cmake_flags+=(-DROLECHECK_BENCH=ON) ;;
    *) echo "setup.sh: unknown option $arg (use --test or --bench)" >&2; exit 2 ;;
  esac
done
cmake_flags+=(-DROLECHECK_TESTS=$tests)
[ "${CI:-}" = "true" ] && cmake_flags+=(-DROLECHECK_WERROR=ON)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" -G Ninja "${cmake_flags[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
