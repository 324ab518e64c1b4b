"""Rhetoric features for a Spark DataFrame of texts, with mapInPandas.

Not run by rhetorika's test suite (see docs/how-to/scaling.md). Run it with
``python docs/examples/spark_features.py INPUT.jsonl OUTPUT_DIR`` (a local
master) or through ``spark-submit``; every worker needs
``pip install 'rhetorika[pandas]'``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

import rhetorika

EXTRACTORS = None  # every extractor; or a list of names


def feature_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Turn each Arrow batch of (id, body) rows into (id, features...) rows.

    rhetorika.features builds its Analyzer once per call, that is once per
    Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch, 10,000 rows
    by default), which costs little next to analysing the batch.
    """
    for batch in batches:
        table = rhetorika.features(batch["body"].fillna("").tolist(), extractors=EXTRACTORS)
        table.insert(0, "id", batch["id"].to_numpy())
        yield table


def main(source: str, target: str) -> None:
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    articles = spark.read.json(source).select("id", "body")
    # The output schema, from an empty feature table: no text is analysed.
    empty = rhetorika.features([], extractors=EXTRACTORS)
    schema = StructType(
        [StructField("id", StringType())]
        + [
            StructField(name, LongType() if str(kind) == "int64" else DoubleType())
            for name, kind in empty.dtypes.items()
        ]
    )
    articles.mapInPandas(feature_batches, schema=schema).write.mode("overwrite").parquet(target)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
