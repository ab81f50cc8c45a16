#!/usr/bin/env bash
# The two hostile inputs too big for the unit suite (which runs scaled-down versions of
# them in TiquCLITests): a 100 MB document on one line, and a million one-character
# documents on the JSONL stream. Prints wall time and peak resident memory of each and
# fails unless every record comes back. Needs /usr/bin/time (Debian's `time`).
# Usage: Tests/hostile-scale.sh   (builds tiqu in release first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product tiqu > /dev/null
tiqu=.build/release/tiqu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
seed = open("Corpus/docs/shannan-2023.txt", encoding="utf-8").read().replace("\n", " ")
line = (seed * (100 * 2**20 // len(seed.encode()) + 1))[:35_000_000]
open(f"{work}/oneline.txt", "w", encoding="utf-8").write(line)
# One character per document, cycling through numerals, place suffixes, punctuation,
# zero-width and right-to-left controls.
chars = "一二三四五六七八九十亿万0１%a县市镇。，\u200b\u202e"
with open(f"{work}/million.jsonl", "w", encoding="utf-8") as out:
    for k in range(1_000_000):
        out.write(json.dumps({"id": k, "text": chars[k % len(chars)]}, ensure_ascii=False) + "\n")
PY

measure() {  # label, then the command; stdout of the command goes to $work/out
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out"
  read -r seconds kilobytes < "$work/time"
  echo "$label: ${seconds} s, peak RSS $((kilobytes / 1024)) MB"
}

measure "100 MB on one line ($(wc -c < "$work/oneline.txt") bytes)" "$tiqu" annotate --quiet "$work/oneline.txt"
entities=$(wc -l < "$work/out")
[ "$entities" -gt 0 ] || { echo "no entities from the one-line document"; exit 1; }
echo "  $entities entities"

measure "a million one-character documents" "$tiqu" annotate --jsonl --quiet < "$work/million.jsonl"
records=$(wc -l < "$work/out")
[ "$records" -eq 1000000 ] || { echo "expected 1000000 records, got $records"; exit 1; }
python3 - "$work/out" <<'PY'
import json, sys
for k, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    record = json.loads(line)
    assert record["id"] == k, (k, record)
    assert "entities" in record or "error" in record, record
PY
echo "  1000000 records back, in order"
