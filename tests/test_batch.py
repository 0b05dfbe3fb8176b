"""batch: one record per input document, in input order, same content as parse, resumable."""

from __future__ import annotations

import gzip
import json
import time

import pytest

from batch_inputs import PAGES, make_gzip, make_tar, make_warc, make_zip, page
from ipextract.batch import BatchConfig, BatchError, PartsLayout, ShardConfig, plan_shards, run_batch, run_shard
from ipextract.batch import shard as shard_mod
from ipextract.batch.executors.local import MAX_ATTEMPTS, _Pool, _Worker
from ipextract.batch.run import RunEvents
from ipextract.pipeline import parse, parse_file
from ipextract.sources import iter_items, plan_units


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """A folder, a zip with bad members, a tar.gz, a WARC, a gzip page and a truncated archive."""
    root = tmp_path_factory.mktemp("crawl")
    pages = root / "pages"
    (pages / "sub").mkdir(parents=True)
    for i, name in enumerate(PAGES):
        (pages / ("sub" if i % 2 else ".") / name).write_bytes(page(name))
    make_zip(root / "dump.zip", [
        ("a/p01.txt", page("p01.txt")),
        ("a/fake.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),  # binary posing as a page
        ("a/empty.txt", b""),
        ("a/moe.html", page("clone-moe-1.html")),
    ])
    make_tar(root / "dump.tar.gz", [(n, page(n)) for n in PAGES[:3]], mode="w:gz")
    make_warc(root / "crawl.warc.gz", [
        {"uri": f"http://www.example.gov.cn/{n}", "payload": page(n), "date": "2020-01-02T00:00:00Z"}
        for n in PAGES
    ])
    make_gzip(root / "single.html.gz", page("gne-zsnews-1.html"))
    whole = make_tar(root / "whole.tgz", [(n, page(n)) for n in PAGES], mode="w:gz").read_bytes()
    (root / "whole.tgz").unlink()
    (root / "cut.tgz").write_bytes(whole[: len(whole) // 2])
    inputs = [str(pages), str(root / "dump.zip"), str(root / "dump.tar.gz"), str(root / "crawl.warc.gz"),
              str(root / "single.html.gz"), str(root / "cut.tgz")]
    return inputs


def _records(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _run(crawl, out, **kw):
    kw.setdefault("workers", 2)
    kw.setdefault("shard_docs", 4)
    return run_batch(crawl, BatchConfig(output=str(out), **kw))


def test_every_input_document_gives_one_record_in_input_order(crawl, tmp_path):
    units = list(plan_units(crawl))
    result = _run(crawl, tmp_path / "out.jsonl")
    records = _records(tmp_path / "out.jsonl")
    assert [r["path"] for r in records] == [u.path for u in units]
    assert len(records) == 6 + 4 + 3 + 6 + 1 + len([u for u in units if "cut.tgz" in u.path])
    s = result.stats
    assert (s.documents, s.ok + s.failed) == (len(records), len(records))
    failed = [r for r in records if r["error"]]
    assert s.failed == len(failed)
    kinds = {r["path"].split("/crawl0/")[-1]: r["error_kind"] for r in failed}
    assert kinds["dump.zip::a/fake.html"] == "binary"
    assert kinds["dump.zip::a/empty.txt"] == "empty"
    assert "truncated" in {r["error_kind"] for r in failed if "cut.tgz" in r["path"]}
    assert s.errors == {k: sum(1 for r in failed if r["error_kind"] == k) for k in s.errors}
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_records_have_the_same_content_as_parse(crawl, tmp_path):
    _run(crawl, tmp_path / "out.jsonl")
    records = _records(tmp_path / "out.jsonl")
    items = list(iter_items(crawl))
    assert len(items) == len(records)
    for item, record in zip(items, records):
        if item.data is None:
            assert record["error_kind"] == item.error_kind
            continue
        expected = parse(item.data, path=item.path, url=item.url, ref_date=item.ref_date,
                         declared_charset=item.declared_charset).to_dict()
        assert record == expected
    plain = [r for r in records if r["path"].endswith("pages/p01.txt")]
    assert plain == [parse_file(plain[0]["path"]).to_dict()]
    warc = [r for r in records if "crawl.warc.gz::" in r["path"]]
    assert {r["url"] for r in warc} >= {"http://www.example.gov.cn/p02.txt"}


def test_errors_go_to_their_own_file(crawl, tmp_path):
    result = _run(crawl, tmp_path / "ok.jsonl", errors=str(tmp_path / "err.jsonl"))
    ok, err = _records(tmp_path / "ok.jsonl"), _records(tmp_path / "err.jsonl")
    assert all(r["error"] is None for r in ok) and all(r["error"] for r in err)
    assert (len(ok), len(err)) == (result.stats.ok, result.stats.failed)
    order = [u.path for u in plan_units(crawl)]
    assert [r["path"] for r in ok] == [p for p in order if p in {r["path"] for r in ok}]


def test_output_is_the_same_whatever_the_workers_and_shards(crawl, tmp_path):
    _run(crawl, tmp_path / "a.jsonl.gz", workers=1, shard_docs=100)
    _run(crawl, tmp_path / "b.jsonl.gz", workers=2, shard_docs=2)
    a, b = (tmp_path / "a.jsonl.gz").read_bytes(), (tmp_path / "b.jsonl.gz").read_bytes()
    assert a == b
    assert len(_records(tmp_path / "a.jsonl.gz")) == len(list(plan_units(crawl)))


def test_csv_output_holds_the_facts_of_the_jsonl(crawl, tmp_path):
    import csv

    _run(crawl, tmp_path / "docs.jsonl")
    _run(crawl, tmp_path / "facts.csv", format="csv", bom=True)
    text = (tmp_path / "facts.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffpath,id,title,published_at,source,text,value,")
    rows = list(csv.DictReader(text[1:].splitlines()))
    expected = [(r["path"], f["text"]) for r in _records(tmp_path / "docs.jsonl") for f in r["facts"]]
    assert [(r["path"], r["text"].lstrip("'")) for r in rows] == expected


def test_parquet_output_tables(crawl, tmp_path):
    import pyarrow.parquet as pq

    _run(crawl, tmp_path / "docs.jsonl")
    _run(crawl, tmp_path / "tables", format="parquet")
    docs = pq.read_table(tmp_path / "tables" / "documents.parquet").to_pylist()
    facts = pq.read_table(tmp_path / "tables" / "facts.parquet")
    records = _records(tmp_path / "docs.jsonl")
    assert [(d["path"], d["title"], d["text"], d["error_kind"]) for d in docs] == [
        (r["path"], r["title"], r["text"], r["error_kind"]) for r in records]
    assert facts.num_rows == sum(len(r["facts"]) for r in records)


def test_resume_runs_only_unfinished_shards_and_gives_each_document_once(crawl, tmp_path):
    clean = tmp_path / "clean.jsonl"
    _run(crawl, clean)
    out = tmp_path / "out.jsonl"
    config = ShardConfig()
    layout = PartsLayout(f"{out}.parts", "jsonl")
    layout.prepare(config, resume=False)
    shards = list(plan_shards(plan_units(crawl), max_docs=4))
    # An interrupted run: shards 0 and 2 finished, shard 1 wrote its part but died before its
    # marker, shard 3 left a temporary file behind.
    for i in (0, 1, 2):
        run_shard(shards[i], config, layout.root)
    (layout.root / "part-00001.done").unlink()
    (layout.root / "part-00003.jsonl.999-1.tmp").write_text('{"path": "half a line')
    before = (layout.root / "part-00000.done").stat().st_mtime_ns
    time.sleep(0.01)
    result = _run(crawl, out, resume=True, keep_parts=True)
    assert (layout.root / "part-00000.done").stat().st_mtime_ns == before  # not run again
    assert out.read_bytes() == clean.read_bytes()
    assert result.stats.documents == len(list(plan_units(crawl)))
    assert not list(layout.root.glob("*.tmp"))


def test_resume_refuses_parts_made_with_other_options(crawl, tmp_path):
    out = tmp_path / "out.jsonl"
    _run(crawl, out, keep_parts=True)
    from ipextract.options import Options

    with pytest.raises(BatchError, match="other options"):
        _run(crawl, out, resume=True, options=Options(script="keep"))


def test_resume_refuses_changed_inputs(crawl, tmp_path):
    out = tmp_path / "out.jsonl"
    _run(crawl, out, keep_parts=True)
    with pytest.raises(BatchError, match="inputs changed"):
        _run(list(reversed(crawl)), out, resume=True)


def test_a_fresh_run_clears_old_parts_only_with_overwrite(crawl, tmp_path):
    out = tmp_path / "out.jsonl"
    _run(crawl[:1], out, keep_parts=True)
    with pytest.raises(BatchError, match="add --resume to finish it, or --overwrite to start over"):
        _run(crawl, out)
    _run(crawl, out, overwrite=True)
    assert len(_records(out)) == len(list(plan_units(crawl)))


def test_fail_fast_stops_and_keeps_no_partial_output(crawl, tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run(crawl[1:], out, fail_fast=True, workers=1, shard_docs=1)
    assert result.stopped_early
    assert result.first_failure is not None and "dump.zip::a/fake.html" in result.first_failure
    assert not out.exists()
    assert (tmp_path / "out.jsonl.parts" / "part-00000.done").exists()


def test_run_shard_is_idempotent_and_honours_poison(crawl, tmp_path):
    shard = next(plan_shards(plan_units(crawl[:1]), max_docs=3))
    config = ShardConfig()
    PartsLayout(tmp_path, "jsonl").prepare(config, resume=False)
    stats = run_shard(shard, config, str(tmp_path), poison={1: ("crashed", "worker died")})
    assert stats["documents"] == 3 and stats["errors"] == {"crashed": 1}
    lines = [json.loads(x) for x in (tmp_path / "part-00000.jsonl").read_text().splitlines()]
    assert [r["error_kind"] for r in lines] == [None, "crashed", None]
    assert lines[1]["path"] == shard.units[1].path
    again = run_shard(shard, config, str(tmp_path))
    assert again == stats


def test_slow_document_gets_a_timeout_record(crawl, tmp_path, monkeypatch):
    real = shard_mod.parse

    def slow(data, options, **kw):
        if kw["path"].endswith("p01.txt"):
            time.sleep(5)
        return real(data, options, **kw)

    monkeypatch.setattr(shard_mod, "parse", slow)
    shard = next(plan_shards(plan_units(crawl[:1]), max_docs=10))
    config = ShardConfig(timeout=0.3)
    t0 = time.monotonic()
    stats = run_shard(shard, config, str(tmp_path))
    assert time.monotonic() - t0 < 4
    assert stats["errors"] == {"timeout": 1}
    lines = [json.loads(x) for x in (tmp_path / "part-00000.jsonl").read_text().splitlines()]
    assert [r["path"].rsplit("/", 1)[-1] for r in lines if r["error_kind"] == "timeout"] == ["p01.txt"]


class _FakeProcess:
    exitcode = -9

    def kill(self):
        pass

    def join(self, timeout=None):
        pass


class _FakeConn:
    def close(self):
        pass


def _fake_worker(shard, doc):
    w = _Worker.__new__(_Worker)
    w.process, w.conn, w.task, w.doc, w.doc_started = _FakeProcess(), _FakeConn(), (shard, {}), doc, 0.0
    w.ready = True
    return w


def test_pool_retries_a_dead_worker_and_poisons_a_document_that_kills_it_twice(crawl):
    shard = next(plan_shards(plan_units(crawl[:1]), max_docs=4))
    pool = _Pool(1, ShardConfig(), "/nonexistent", RunEvents(None, False))
    first = _fake_worker(shard, 2)
    pool.workers.append(first)
    pool._died(first)  # an outside kill: run the shard again as it was
    assert list(pool.retries) == [(shard, {})] and pool.workers == []
    pool.retries.clear()
    second = _fake_worker(shard, 2)
    pool.workers.append(second)
    pool._died(second)  # the same document again: it gets an error record instead
    (retried, poison), = pool.retries
    assert retried == shard and list(poison) == [2] and poison[2][0] == "crashed"
    for _ in range(MAX_ATTEMPTS - 2):
        w = _fake_worker(shard, 3)
        pool.workers.append(w)
        pool._died(w)
    with pytest.raises(BatchError, match="giving up"):
        pool._died(_fake_worker(shard, 3))


def test_pool_stall_inside_a_document_is_a_timeout_and_between_documents_a_rerun(crawl):
    shard = next(plan_shards(plan_units(crawl[:1]), max_docs=4))
    pool = _Pool(1, ShardConfig(timeout=1.0), "/nonexistent", RunEvents(None, False))
    assert pool.hard_limit == 3.0
    inside, between = _fake_worker(shard, 1), _fake_worker(shard, -1)
    pool.workers += [inside, between]
    pool._stalled(inside)
    pool._stalled(between)
    assert [(s.index, {k: v[0] for k, v in p.items()}) for s, p in pool.retries] == [(0, {}), (0, {1: "timeout"})]


def test_max_bytes_is_one_setting_that_parsing_and_reading_share():
    from ipextract.options import Options

    config = BatchConfig(options=Options(max_bytes=5000), errors="errors.jsonl", timeout=0)
    assert config.shard.limits.max_bytes == config.shard.options.max_bytes == 5000
    assert (config.shard.split_errors, config.shard.timeout) == (True, None)


@pytest.mark.parametrize(("settings", "message"), [
    ({"format": "xml"}, "unknown format 'xml'"),
    ({"executor": "slurm"}, "unknown executor 'slurm'"),
    ({"format": "parquet"}, "Parquet output needs -o DIR"),
])
def test_settings_that_cannot_work_are_refused_before_anything_runs(tmp_path, settings, message):
    with pytest.raises(BatchError, match=message):
        run_batch([str(tmp_path)], BatchConfig(work_dir=str(tmp_path / "parts"), **settings))
    assert not (tmp_path / "parts").exists()


def test_warming_a_worker_parses_only_when_asked_and_once():
    import subprocess
    import sys

    code = (
        "import ipextract.pipeline as p\n"
        "calls = []\n"
        "p.parse = lambda *a, **k: calls.append(1)\n"
        "from ipextract.batch.executors import warm\n"
        "print(len(calls), end=' ')\n"
        "warm.prepare_worker(); warm.prepare_worker()\n"
        "print(len(calls))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert run.stdout == "0 2\n"
