#!/usr/bin/env python3
"""Annotate a JSONL file of {"id", "text"} records with Tiqu under Apache Spark.

Each Spark partition is piped through `tiqu annotate --jsonl` (RDD.pipe): Tiqu
reads one record per line and writes exactly one line per record, in order, so
a partition's output lines are its records' annotations. With --check, the
result is compared with a single-process run of the same binary over the whole
file: every record must come back, annotated identically.

    python3 Tests/Spark/spark_annotate.py .build/release/tiqu in.jsonl out.jsonl --check

On a cluster, ship the binary to the executors (built with
`swift build -c release --static-swift-stdlib`; the executors need the system's
libicu) and give its path as the executors see it, e.g.
    spark-submit --master yarn --files .build/release/tiqu Tests/Spark/spark_annotate.py ./tiqu hdfs:///in.jsonl hdfs:///out
(without --check, which reads the input locally).
"""
import json
import subprocess
import sys


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tiqu, source, target = args

    from pyspark.sql import SparkSession  # imported here so --help works without pyspark

    spark = SparkSession.builder.master("local[2]").appName("tiqu-annotate").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    records = spark.sparkContext.textFile(source, minPartitions=4)
    annotated = records.pipe(f"{tiqu} annotate --jsonl --jobs 1 --quiet")
    if not check:
        annotated.saveAsTextFile(target)
        spark.stop()
        return 0
    lines = annotated.collect()
    spark.stop()
    with open(target, "w", encoding="utf-8") as out:
        out.writelines(line + "\n" for line in lines)

    with open(source, "rb") as f:
        single = subprocess.run([tiqu, "annotate", "--jsonl", "--quiet"], stdin=f, capture_output=True, check=True)
    expected = [json.loads(line) for line in single.stdout.decode("utf-8").splitlines()]
    got = [json.loads(line) for line in lines]
    inputs = sum(1 for _ in open(source, encoding="utf-8"))
    by_id = {json.dumps(r.get("id")): r for r in got}
    problems = []
    if len(got) != inputs:
        problems.append(f"{inputs} records in, {len(got)} lines out")
    for record in expected:
        key = json.dumps(record.get("id"))
        if by_id.get(key) != record:
            problems.append(f"record {key} differs from the single-process run")
    for problem in problems[:10]:
        print("spark:", problem, file=sys.stderr)
    print(f"spark: {len(got)} records annotated in {annotated.getNumPartitions()} partitions; "
          f"{len(problems)} differences from the single-process run")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
