#!/usr/bin/env bash
# Install pyspark into a virtual environment at target/spark-venv, for the Spark
# example's test (tests/spark.rs runs examples/spark_align.py with a local[2] master;
# Spark needs Java 17, which is on the machine). Idempotent: a venv that already
# imports pyspark is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/spark-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "pyspark already in $venv" >&2
  exit 0
fi
command -v java >/dev/null || { echo "pyspark needs Java (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
mkdir -p target
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyspark
"$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)' >&2
