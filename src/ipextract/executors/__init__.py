"""Executors run shards through `batch.run_shard` and report back through `batch.Events`.

Each is a function `run(shards, config, parts_dir, events, *, workers, ray_address)` that returns
once every shard it was given is done (or `events.stop` is set). `local` is a process pool on this
machine; `ray` runs the same function as Ray tasks (optional extra `ipextract[ray]`).
"""
