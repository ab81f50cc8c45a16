#!/usr/bin/env bash
# The test suite under AddressSanitizer, and the parallel annotation paths under
# ThreadSanitizer. Each sanitizer builds into its own scratch folder (.build-asan,
# .build-tsan). Not part of .ci/run (two extra full builds); run it after changing
# the engine or the parallel code.
#
# LeakSanitizer is off for the test process: Foundation's Process and XCTest leak
# small objects of their own at exit. Tiqu's own binary is run with it on below.
set -euo pipefail
cd "$(dirname "$0")/.."

ASAN_OPTIONS=detect_leaks=0 swift test --scratch-path .build-asan --sanitize=address \
  --skip "PathologicalTests|DifferentialTests|SparkTests"
swift build --scratch-path .build-asan --sanitize=address --product tiqu
.build-asan/debug/tiqu annotate Corpus/docs > /dev/null
.build-asan/debug/tiqu numbers Corpus/docs/shannan-2023.txt > /dev/null

swift test --scratch-path .build-tsan --sanitize=thread --filter "AnnotateStreamTests|IndependenceTests|AnnotatorTests"
swift build --scratch-path .build-tsan --sanitize=thread --product tiqu
# TSan exits 66 when it reports a race.
python3 - <<'PY' | .build-tsan/debug/tiqu annotate --jsonl --jobs 2 > /dev/null
import json
text = open("Corpus/docs/shannan-2023.txt", encoding="utf-8").read()
for k, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
    print(json.dumps({"id": k, "text": paragraph}, ensure_ascii=False))
PY
.build-tsan/debug/tiqu annotate --jobs 2 Corpus/docs > /dev/null
echo "sanitizers: clean"
