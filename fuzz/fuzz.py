#!/usr/bin/env python3
"""atheris (libFuzzer) harnesses for ipextract: long runs outside the suite.

    python fuzz/fuzz.py parse   [libFuzzer flags] [CORPUS_DIR ...]
    python fuzz/fuzz.py text    -max_total_time=600
    python fuzz/fuzz.py archive -max_total_time=600 -max_len=65536
    python fuzz/run_all.py --minutes 36          # every target in turn, with a summary

Targets:
  parse    any bytes -> parse(); the record checks of invariants.py; every 8th input is parsed
           twice and must give the same record (determinism).
  text     any str (lone surrogates included) -> parse() with facts, and the text cleaner's output
           re-parsed twice must be a fixed point (title and body unchanged the second time).
  archive  the bytes as a .zip, .tar, .tar.gz, .warc.gz or .gz file -> iter_items() then parse()
           of every member: each member gives an Item (data or a named error), nothing raises.

Coverage-guided: the package is instrumented on import. Seeds: the real pages in tests/fixtures
(the runner passes a seed directory); a crash leaves its input as crash-<sha1> in the working
directory, replayable with `python fuzz/fuzz.py TARGET crash-<sha1>`.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import zlib

import atheris

with atheris.instrument_imports(include=["ipextract"]):
    from ipextract import Options, parse
    from ipextract.sources import Limits, iter_items

from invariants import as_text_page, check_record

NO_FACTS = Options(facts=False)
#: Archives are fuzzed with small limits so a bomb the fuzzer builds is refused quickly.
LIMITS = Limits(max_bytes=2 * 1024 * 1024, ratio_floor=64 * 1024)
SUFFIXES = (".zip", ".tar", ".tar.gz", ".warc.gz", ".gz", ".warc")
_TMP = tempfile.mkdtemp(prefix="ipextract-fuzz-")


def fuzz_parse(data: bytes) -> None:
    doc = parse(data)
    check_record(doc)
    if zlib.crc32(data) % 8 == 0:
        assert parse(data).to_dict() == doc.to_dict(), "parse is not deterministic"


def fuzz_text(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(len(data))
    doc = parse(text)
    check_record(doc)
    second = parse(as_text_page(parse(text, NO_FACTS)), NO_FACTS)
    third = parse(as_text_page(second), NO_FACTS)
    # Only text read as text: a body holding markup-like text (`<!DOCTYPE html` shown as text)
    # is sniffed as HTML when written back, which is the sniffer doing its job.
    if second.title and second.format == third.format == "text":
        assert (third.title, third.text) == (second.title, second.text), "text cleaner output is not a fixed point"


def fuzz_archive(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(_TMP, "input" + suffix)
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for item in iter_items([path], limits=LIMITS):
        assert item.path.startswith(path), item.path
        assert (item.data is None) == (item.error_kind is not None), item
        if item.data is not None:
            check_record(parse(item.data, NO_FACTS, path=item.path, url=item.url, ref_date=item.ref_date,
                               declared_charset=item.declared_charset))


TARGETS = {"parse": fuzz_parse, "text": fuzz_text, "archive": fuzz_archive}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer flags] [CORPUS_DIR ...]")
    target = TARGETS[sys.argv.pop(1)]
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
