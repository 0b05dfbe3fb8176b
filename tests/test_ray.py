"""--executor ray runs the same shards as the local pool: the outputs are byte-identical."""

from __future__ import annotations

import pytest

from batch_inputs import PAGES, make_tar, make_warc, make_zip, page
from ipextract.batch import BatchConfig, run_batch

# The `ray` extra is not part of `test` (it is large); .ci/run installs it and runs this file.
ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[ray]' to run these tests")


@pytest.fixture(scope="session")
def ray_session():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("rayin")
    folder = root / "pages"
    folder.mkdir()
    for name in PAGES:
        (folder / name).write_bytes(page(name))
    make_zip(root / "d.zip", [(n, page(n)) for n in PAGES] + [("bad.html", b"\x00\x01\x02" * 100)])
    make_tar(root / "d.tgz", [(n, page(n)) for n in PAGES[:3]], mode="w:gz")
    make_warc(root / "c.warc.gz", [{"uri": f"http://x.gov.cn/{n}", "payload": page(n)} for n in PAGES])
    return [str(folder), str(root / "d.zip"), str(root / "d.tgz"), str(root / "c.warc.gz")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_ray_output_is_identical_to_local(ray_session, inputs, tmp_path, fmt):
    local = run_batch(inputs, BatchConfig(output=str(tmp_path / f"local.{fmt}"), format=fmt, workers=2, shard_docs=3))
    remote = run_batch(inputs, BatchConfig(output=str(tmp_path / f"ray.{fmt}"), format=fmt, executor="ray",
                                           shard_docs=3))
    assert (tmp_path / f"ray.{fmt}").read_bytes() == (tmp_path / f"local.{fmt}").read_bytes()
    assert remote.stats.to_dict() | {"seconds": 0} == local.stats.to_dict() | {"seconds": 0}
    assert remote.stats.documents == 6 + 7 + 3 + 6 and remote.stats.errors == {"binary": 1}
    assert not (tmp_path / f"ray.{fmt}.parts").exists()


def test_ray_parquet_tables_equal_local(ray_session, inputs, tmp_path):
    import pyarrow.parquet as pq

    run_batch(inputs, BatchConfig(output=str(tmp_path / "local"), format="parquet", errors=str(tmp_path / "le.jsonl"),
                                  workers=2, shard_docs=4))
    run_batch(inputs, BatchConfig(output=str(tmp_path / "ray"), format="parquet", errors=str(tmp_path / "re.jsonl"),
                                  executor="ray", shard_docs=4))
    for table in ("documents.parquet", "facts.parquet"):
        assert pq.read_table(tmp_path / "ray" / table).equals(pq.read_table(tmp_path / "local" / table))
    assert (tmp_path / "re.jsonl").read_bytes() == (tmp_path / "le.jsonl").read_bytes()
