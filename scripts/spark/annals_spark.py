#!/usr/bin/env python3
"""annals on Apache Spark: articles as JSON lines in, events.json out.

    python3 scripts/spark/annals_spark.py INPUT OUT_DIR [--master URL]
        [--annals BIN] [--config annals.yaml] [--page] [--partitions N]

INPUT is a JSON-lines file or a folder of them, on any path Spark reads
(local, hdfs://, s3a://): what `annals articles --format jsonl` prints, or
news-please / CC-News exports. OUT_DIR/events.json is then byte for byte
what `annals events --format json` prints on the same articles; with
`--page`, OUT_DIR also gets the site `annals build` writes.

How the work is cut:

1. A first pass numbers each file's lines and finds repeated `doc` ids,
   so that ids are the ones one process gives: the `doc` field, else
   `FILE#LINE`, and a repeated `doc` in a file becomes `FILE#LINE` after
   its first use (as `annals_model::ingest::JsonLines` does).
2. The map (distributed): each partition goes through `annals mentions`
   (the binary is shipped to the executors with `SparkContext.addFile`),
   which tags the articles and writes each document's line and then its
   mention lines. A document's lines stay together, keyed by the
   article's (file, line).
3. The reduce (ONE task, on the driver): the mention lines are sorted by
   that key (range-partitioned and sorted by Spark, streamed back with
   toLocalIterator) into a local file that `annals events --mentions`
   reads; the ranges are known from the first pass, so the map runs
   once. Merging is a sequential greedy clustering over all mentions
   (crates/model/src/build/cluster.rs); cutting it into date blocks with
   a proof that the result equals one machine's needs changes in that
   code, so the merge is not distributed. The map (tagging) is the bulk
   of the CPU; the reduce reads ~3.3 KB of mention lines per article,
   i.e. ~3.3 GB per million articles move to the driver.

`--master` defaults to `local[*]`. `--annals` defaults to $ANNALS_BIN,
else $CARGO_TARGET_DIR/release/annals or target/release/annals of this
repository, else `annals` on the PATH. `--config` defaults to the
annals.yaml beside a local INPUT (inside it when it is a folder); it is
shipped to the executors too (the map applies its article metadata).

PySpark comes from scripts/install-spark.sh; when the python running this
has none, the script re-runs itself with the python of the environment
that the installer made ($ANNALS_SPARK_VENV, default
~/.cache/annals-spark/venv).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.environ.get("ANNALS_SPARK_VENV") or os.path.expanduser("~/.cache/annals-spark/venv")

# The keys `annals` reads a JSON line's fields from (crates/model/src/ingest/jsonl.rs).
TEXT_KEYS = ("text", "maintext", "content")


def ensure_pyspark():
    """Imports PySpark, or re-runs this script with the installer's python."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        python = os.path.join(VENV, "bin", "python")
        if os.path.exists(python) and os.path.realpath(sys.prefix) != os.path.realpath(VENV):
            os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])
        sys.exit("annals_spark: PySpark is missing; run `bash scripts/install-spark.sh` first")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON-lines articles: a file or folder, any path Spark reads")
    p.add_argument("out_dir", help="local folder for events.json (and the page with --page)")
    p.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    p.add_argument("--annals", help="the annals binary to ship to the executors")
    p.add_argument("--config", help="annals.yaml (default: the one beside a local INPUT)")
    p.add_argument("--page", action="store_true", help="also build the site into OUT_DIR")
    p.add_argument(
        "--partitions",
        type=int,
        help="read INPUT into at least N partitions (default: Spark's choice)",
    )
    return p.parse_args(argv)


def find_annals(given):
    if given:
        return os.path.abspath(given)
    if os.environ.get("ANNALS_BIN"):
        return os.path.abspath(os.environ["ANNALS_BIN"])
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    built = os.path.join(target, "release", "annals")
    if os.path.isfile(built):
        return os.path.abspath(built)
    found = shutil.which("annals")
    if found:
        return found
    sys.exit("annals_spark: no annals binary; build it (cargo build --release -p annals) or pass --annals")


def is_local(path):
    return "://" not in path or path.startswith("file://")


def local_path(path):
    return path[len("file://") :] if path.startswith("file://") else path


def find_config(given, input_path):
    """annals.yaml as the CLI picks it: the one named, else beside the input."""
    if given:
        return os.path.abspath(given)
    if not is_local(input_path):
        return None
    path = local_path(input_path)
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    for name in ("annals.yaml", "annals.yml"):
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            return candidate
    return None


# --- executor side -------------------------------------------------------


def base_name(uri):
    """The file name `annals` would give ids of (`NAME#LINE`)."""
    from urllib.parse import unquote

    return unquote(uri.rstrip("/").rsplit("/", 1)[-1])


def own_doc(line):
    """The `doc` a line names and whether `annals` takes it as an article
    (a JSON object with text), or (None, False) when it is not one."""
    try:
        value = json.loads(line)
    except ValueError:
        return None, False
    if not isinstance(value, dict):
        return None, False
    doc = value.get("doc")
    doc = doc.strip() if isinstance(doc, str) and doc.strip() else None
    readable = any(isinstance(value.get(k), str) and value[k].strip() for k in TEXT_KEYS)
    return doc, readable


def numbered(index, rows, offsets):
    """(file, line number, text) for each row of partition `index`."""
    seen = {}
    for row in rows:
        uri, text = row[0], row[1]
        k = seen.get(uri, 0)
        seen[uri] = k + 1
        number = offsets[(index, uri)] + k + 1
        if number == 1:
            text = text.lstrip("\ufeff")
        yield uri, number, text


def count_lines(index, rows):
    counts = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    return [((index, uri), n) for uri, n in counts.items()]


def first_uses(index, rows, offsets):
    """((file, doc), line) of every readable line that names its doc."""
    for uri, number, text in numbered(index, rows, offsets):
        doc, readable = own_doc(text)
        if doc is not None and readable:
            yield (uri, doc), number


def with_id(uri, number, text, repeated):
    """The line with the id one process gives it, and that id."""
    try:
        value = json.loads(text)
    except ValueError:
        return text, None
    if not isinstance(value, dict):
        return text, None
    doc, readable = own_doc(text)
    first = repeated.get((uri, doc)) if doc is not None else None
    if doc is not None and (first is None or first == number or not readable):
        return text, doc
    value["doc"] = f"{base_name(uri)}#{number}"
    return json.dumps(value, ensure_ascii=False), value["doc"]


def run_mentions(command, items):
    """Pipes (key, id, line) items through `annals mentions`; yields
    (key, lines of one document) in input order."""
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    keys = {}
    failure = []

    def feed():
        try:
            for key, doc, line in items:
                if doc is not None:
                    keys.setdefault(doc, []).append(key)
                proc.stdin.write(line.encode("utf-8") + b"\n")
            proc.stdin.close()
        except Exception as e:  # carried to the task below
            failure.append(e)
            proc.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    key, chunk = None, []
    for raw in proc.stdout:
        if raw.startswith(b'{"schema":1,"kind":"document"'):
            if chunk:
                yield key, b"".join(chunk).decode("utf-8")
            doc = json.loads(raw)["doc"]
            key, chunk = keys[doc].pop(0), [raw]
        else:
            chunk.append(raw)
    if chunk:
        yield key, b"".join(chunk).decode("utf-8")
    feeder.join()
    if proc.wait() != 0 or failure:
        raise RuntimeError(f"{' '.join(command)} failed (exit {proc.returncode}) {failure}")


def map_partition(index, rows, offsets, repeated, annals_name, config_name):
    """The map: one `annals mentions` per file met in the partition (a
    file's rows are contiguous there), so that ids of different files
    never meet in one process."""
    from pyspark import SparkFiles

    annals = SparkFiles.get(annals_name)
    if not os.access(annals, os.X_OK):
        os.chmod(annals, 0o755)
    command = [annals, "mentions", "-", "--jobs", "1"]
    if config_name:
        command += ["--config", SparkFiles.get(config_name)]
    current, batch = None, []
    for uri, number, text in numbered(index, rows, offsets):
        if uri != current and batch:
            yield from run_mentions(command, batch)
            batch = []
        current = uri
        line, doc = with_id(uri, number, text, repeated)
        batch.append(((uri, number), doc, line))
    if batch:
        yield from run_mentions(command, batch)


# --- driver ---------------------------------------------------------------


def main(argv):
    args = parse_args(argv)
    ensure_pyspark()
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import input_file_name

    annals = find_annals(args.annals)
    config = find_config(args.config, args.input)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("annals")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    sc.addFile(annals)
    if config:
        sc.addFile(config)
    annals_name = os.path.basename(annals)
    config_name = os.path.basename(config) if config else None

    frame = spark.read.text(args.input).withColumn("file", input_file_name())
    rows = frame.select("file", "value").rdd.map(lambda r: (r[0], r[1]))
    if args.partitions and rows.getNumPartitions() < args.partitions:
        # Smaller splits, not repartition(): a file's rows keep their order.
        rows = split_evenly(spark, args.input, args.partitions)

    # Pass 1: each file's line numbers (a file's rows keep their order
    # across partitions) and the doc ids used more than once in a file.
    counts = dict(rows.mapPartitionsWithIndex(count_lines).collect())
    offsets, running = {}, {}
    for index, uri in sorted(counts):
        offsets[(index, uri)] = running.get(uri, 0)
        running[uri] = running.get(uri, 0) + counts[(index, uri)]
    offsets_b = sc.broadcast(offsets)
    repeated = dict(
        rows.mapPartitionsWithIndex(lambda i, it: first_uses(i, it, offsets_b.value))
        .combineByKey(lambda n: (n, 1), lambda a, n: (min(a[0], n), a[1] + 1), lambda a, b: (min(a[0], b[0]), a[1] + b[1]))
        .filter(lambda kv: kv[1][1] > 1)
        .mapValues(lambda v: v[0])
        .collect()
    )
    repeated_b = sc.broadcast(repeated)

    # Pass 2, the map: articles → each document's mention lines, keyed.
    mapped = rows.mapPartitionsWithIndex(
        lambda i, it: map_partition(i, it, offsets_b.value, repeated_b.value, annals_name, config_name)
    )
    # Ranges of the (file, line) order known from pass 1, so the sort
    # needs no sampling pass (which would run the map twice).
    start, at = {}, 0
    for uri in sorted(running):
        start[uri] = at
        at += running[uri]
    parts = max(1, mapped.getNumPartitions())
    per = max(1, -(-at // parts))
    ordered = mapped.repartitionAndSortWithinPartitions(
        parts, lambda key: min(parts - 1, (start[key[0]] + key[1] - 1) // per)
    )

    # The reduce, one task: the lines in (file, line) order into one file.
    os.makedirs(args.out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="annals-spark-")
    try:
        mentions = os.path.join(work, "mentions.jsonl")
        documents, size = 0, 0
        with open(mentions, "w", encoding="utf-8") as out:
            for _, lines in ordered.toLocalIterator():
                out.write(lines)
                documents += 1
                size += len(lines.encode("utf-8"))
        articles = sum(counts.values())
        spark.stop()
        print(
            f"annals_spark: {documents} documents from {articles} lines "
            f"in {mapped.getNumPartitions()} partition(s); "
            f"{size} bytes of mention lines ({size / max(documents, 1):.0f} per document)",
            file=sys.stderr,
        )
        reduce_args = ["--mentions", mentions] + (["--config", config] if config else [])
        events = os.path.join(args.out_dir, "events.json")
        with open(events + ".tmp", "wb") as out:
            subprocess.run([annals, "events", *reduce_args, "--format", "json"], stdout=out, check=True)
        os.replace(events + ".tmp", events)
        if args.page:
            subprocess.run([annals, "build", *reduce_args, "-o", args.out_dir], check=True)
    except subprocess.CalledProcessError as e:
        sys.exit(f"annals_spark: {' '.join(e.cmd)} failed (exit {e.returncode})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def split_evenly(spark, path, n):
    """INPUT read into about n partitions (for tests of partitioning): the
    file source cuts files into splits of at most maxPartitionBytes."""
    from pyspark.sql.functions import input_file_name

    sc = spark.sparkContext
    hpath = sc._jvm.org.apache.hadoop.fs.Path(path)
    size = hpath.getFileSystem(sc._jsc.hadoopConfiguration()).getContentSummary(hpath).getLength()
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(max(1, size // n)))
    spark.conf.set("spark.sql.files.openCostInBytes", "0")
    frame = spark.read.text(path).withColumn("file", input_file_name())
    return frame.select("file", "value").rdd.map(lambda r: (r[0], r[1]))

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
