"""Batch runs: many inputs -> one output file (JSONL, CSV or Parquet), in parallel, resumable.

The unit of work is a *shard*, a run of consecutive input documents. Data flows one way:

    config (BatchConfig, ShardConfig)
      -> shard (plan_shards, run_shard: documents -> part files + done marker)
      -> parts (the parts folder and what a run may delete), lock (one run per parts folder)
      -> assemble (ordered assembly into the outputs; a write error ends the run)
      -> executors (base.Executor; local process pool, Ray) run shards through run_shard
      -> run (run_batch: the driver), progress (the bar)

    >>> from ipextract.batch import BatchConfig, run_batch
    >>> result = run_batch(["crawl/"], BatchConfig(output="docs.jsonl", workers=4))
"""

from .config import FORMATS, BatchConfig, BatchError, ShardConfig
from .parts import PartsLayout
from .run import BatchResult, run_batch, summary_line
from .shard import Shard, Stats, plan_shards, run_shard

__all__ = [
    "FORMATS", "BatchConfig", "BatchError", "BatchResult", "PartsLayout", "Shard", "ShardConfig", "Stats",
    "plan_shards", "run_batch", "run_shard", "summary_line",
]
