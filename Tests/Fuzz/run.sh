#!/usr/bin/env bash
# Builds the fuzz harnesses with libFuzzer and AddressSanitizer (TIQU_FUZZ=1, into
# .build-fuzz) and runs each for SECONDS (default 60), starting from the committed
# seeds in Tests/Fuzz/seeds/HARNESS and a working corpus in .build-fuzz/corpus.
# Inputs that break an invariant are saved in Tests/Fuzz/crashes/HARNESS/; once
# fixed, commit them: `swift run TiquFuzz HARNESS Tests/Fuzz/crashes/HARNESS`
# replays them, and the test suite does so on every run.
# Usage: Tests/Fuzz/run.sh [SECONDS] [HARNESS...]   (harnesses: numerals rules annotate)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
harnesses=("${@:-numerals rules annotate}")
read -r -a harnesses <<< "${harnesses[*]}"

TIQU_FUZZ=1 swift build --scratch-path .build-fuzz --product TiquFuzz
binary=.build-fuzz/debug/TiquFuzz
for harness in "${harnesses[@]}"; do
  corpus=.build-fuzz/corpus/$harness
  crashes=Tests/Fuzz/crashes/$harness
  mkdir -p "$corpus" "$crashes"
  log=.build-fuzz/$harness.log
  # Leak detection is off: Swift keeps enum payload pointers with tag bits that
  # LeakSanitizer cannot follow, so objects the default annotator still holds (its
  # parsed rules) are reported as leaks at exit.
  ASAN_OPTIONS=detect_leaks=0 TIQU_FUZZ_TARGET=$harness "$binary" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -detect_leaks=0 \
    -artifact_prefix="$crashes/" "$corpus" "Tests/Fuzz/seeds/$harness" > "$log" 2>&1 || true
  runs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
  coverage=$(grep -oE "cov: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+" || echo 0)
  found=$(ls "$crashes" | wc -l)
  echo "fuzz $harness: $runs executions in ${seconds}s, coverage $coverage edges, $found input(s) in $crashes"
done
