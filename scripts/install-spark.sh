#!/usr/bin/env bash
# Installs what scripts/spark/annals_spark.py needs: PySpark (pinned) in a
# virtual environment, and a Java runtime when `java` is missing (Debian's
# openjdk-17-jre-headless). Idempotent: a second run checks and returns.
#
#   bash scripts/install-spark.sh
#
# The environment goes to $ANNALS_SPARK_VENV, default
# ~/.cache/annals-spark/venv; annals_spark.py re-runs itself with its
# python when the one it was started with has no PySpark. Fails loudly
# (exit 1) when PyPI or apt cannot be reached: CI must not skip Spark.
set -euo pipefail

pyspark_version=3.5.5
venv=${ANNALS_SPARK_VENV:-$HOME/.cache/annals-spark/venv}

if ! command -v java >/dev/null 2>&1; then
    echo "install-spark: java is missing; installing openjdk-17-jre-headless" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless
fi
java -version 2>&1 | head -1 >&2

have() {
    [ -x "$venv/bin/python" ] &&
        "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null
}

if have; then
    echo "install-spark: PySpark $pyspark_version already in $venv" >&2
    exit 0
fi

python=${PYTHON:-python3}
mkdir -p "$(dirname "$venv")"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" || {
        echo "install-spark: cannot make a virtual environment with $python (apt-get install python3-venv?)" >&2
        exit 1
    }
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$pyspark_version" || {
    echo "install-spark: pip could not install pyspark==$pyspark_version (is PyPI reachable?)" >&2
    exit 1
}
have || {
    echo "install-spark: pyspark==$pyspark_version did not import from $venv" >&2
    exit 1
}
echo "install-spark: PySpark $pyspark_version installed in $venv" >&2
