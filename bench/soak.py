"""Nothing lost: good pages mixed with every kind of hostile input through `ipextract batch`,
killed partway and resumed, then every document accounted for.

Builds (deterministically, from --seed) about --docs documents spread over a folder (with gzip
pages, nested archives and bad links inside), a zip (with members named `..`/absolute, a symbolic
link, duplicates, an encrypted, a corrupt and a bomb member) and a WARC (with request records,
images and a 1 GiB record), plus a small WARC cut inside its last record. Each document has an
expected outcome: parsed, or a named error kind. Then it runs `ipextract batch --workers 2` as a
real process tree and, while it runs, SIGKILLs one worker (the pool replaces it and retries its
shard), later the whole process group; reruns with --resume and SIGKILLs the driver alone (its
workers orphaned); reruns with --resume again and kills a worker once more. Finally it checks
that every expected document appears exactly once across the output and the errors file (no
duplicates, nothing missing, nothing extra, in input order), that every error kind is the
expected one, that equal bytes gave equal text wherever they were read, that the --stats summary
agrees, and that the records are those of one uninterrupted run; it reports peak memory (sampled
from /proc) and wall time.

    .venv/bin/python bench/soak.py                      # 2,000 documents, 2 workers
    .venv/bin/python bench/soak.py --docs 500 --json soak.json

Exit status 0 when the accounting is exact, 1 when it is not. Not a CI test (it takes minutes);
tests/test_soak.py runs a bounded version with the same builders. The runs use a copy of src/
taken when the script starts, so edits made to the tree meanwhile do not change the code mid-way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import bombs  # noqa: E402 - the test helpers build the bombs and archives
from batch_inputs import make_warc  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PAGE_DIRS = (CORPUS / "html", CORPUS / "txt", TESTS / "fixtures")
RID = "urn:uuid:00000000-0000-0000-0000-"

TITLE = "关于加强知识产权保护的通知"
P1 = "国务院办公厅日前印发通知，要求各地区各部门进一步加强知识产权保护工作，推动高质量发展。"
P2 = "据统计，2019年全省专利授权量达到3.5万件，同比增长12.3%，其中发明专利授权6000件。"


@dataclass(frozen=True)
class Settings:
    """How the soak is built and run; the defaults are the full soak."""

    docs: int = 2000
    workers: int = 2
    seed: int = 5
    shard_size: int = 20
    max_bytes: int = 2_000_000
    timeout: float = 3.0
    #: 16 MB chunks of zeros in each decompression bomb (64 = 1 GiB).
    bomb_chunks: int = bombs.GIB_CHUNKS
    #: What to SIGKILL, in which run (0 = the first), once this fraction of the shards is done:
    #: a worker (the pool replaces it and runs its shard again), the whole process group, or the
    #: driver alone (its fork server and workers are orphaned and must go away by themselves).
    kills: tuple[tuple[int, str, float], ...] = (
        (0, "worker", 0.15), (0, "group", 0.4), (1, "driver", 0.6), (2, "worker", 0.8))


@dataclass(frozen=True)
class Expected:
    """One input document and what its record must say."""

    path: str
    hazard: str  # "good" or the name of the hazard
    kind: str | None  # the error_kind expected; None = parsed
    content: str | None = None  # sha1 of the bytes parsed: equal bytes must give equal text
    text: bool = False  # the record must hold article text


# ---------------------------------------------------------------------------------------------
# Documents: good pages and hostile ones


def good_pages(dirs: tuple[Path, ...] = PAGE_DIRS) -> list[tuple[str, bytes]]:
    """Real pages (shared corpus if present, else the test fixtures), distinct contents, sorted."""
    seen: set[str] = set()
    pages = []
    for folder in dirs:
        for p in sorted(folder.glob("*.html")) + sorted(folder.glob("*.txt")):
            data = p.read_bytes()
            digest = _sha1(data)
            if digest not in seen:
                seen.add(digest)
                pages.append((p.name, data))
    if not pages:
        raise SystemExit(f"no pages found in {', '.join(map(str, dirs))}")
    return pages


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _txt(middle: str = "") -> str:
    lines = [TITLE, "时间：2020-01-02 来源：新华社", P1, *([middle] if middle else []), P2]
    return "\n".join(lines) + "\n"


def _html(middle: str = "") -> str:
    mid = f"<p>{middle}</p>" if middle else ""
    return (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
            f"<div class='content'><p>{P1}</p>{mid}<p>{P2}</p></div></body></html>")


def _page(fmt: str, middle: str = "") -> str:
    return _txt(middle) if fmt == "txt" else _html(middle)


def _damaged(data: bytes, insert: bytes, rng: random.Random, times: int = 5) -> bytes:
    """`insert` before `times` newlines picked at random (between lines: the damage is the bytes)."""
    spots = [m.start() for m in re.finditer(b"\n", data)]
    for at in sorted(rng.sample(spots, min(times, len(spots))), reverse=True):
        data = data[:at] + insert + data[at:]
    return data


def _slow(rng: random.Random) -> str:
    """1.5 MB of short lines of figures, like a data dump: every line is read for facts, so the page
    takes seconds (8 s on an idle core) — far past --timeout, under --max-bytes. The figures vary,
    so it deflates only a few times (one repeated line would be refused from a zip as a bomb)."""
    return "关于统计数据的通知\n" + "\n".join(f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%" for _ in range(250_000))


def _junk(rng: random.Random, n: int) -> bytes:
    """Random bytes, half of them control bytes: binary by any measure."""
    return bytes(rng.randrange(32) if rng.random() < 0.5 else rng.randrange(256) for _ in range(n))


#: A content hazard: name, builder (rng, a UTF-8 good page, format) -> bytes, expected kind, text wanted.
Hazard = tuple[str, Callable[[random.Random, bytes, str], bytes], str | None, bool]

HAZARDS: list[Hazard] = [
    ("nul-bytes", lambda r, g, f: _damaged(g, b"\x00", r), None, True),
    ("cesu8-surrogates", lambda r, g, f: _damaged(g, b"\xed\xa0\x80\xed\xbf\xbf", r), None, True),
    ("invalid-utf8", lambda r, g, f: _damaged(g, b"\xff\xfe\xc3", r, 2), None, True),
    ("truncated-page", lambda r, g, f: g[: len(g) * r.randint(30, 90) // 100], None, False),
    ("zero-width", lambda r, g, f: _damaged(g, "\u200b\u200c\u200d\u2060\ufeff".encode(), r), None, True),
    ("utf16-bom", lambda r, g, f: _page(f).encode("utf-16"), None, True),
    ("utf16-no-bom", lambda r, g, f: _page(f).encode("utf-16-le"), None, True),
    ("utf16be-all-chinese", lambda r, g, f: f"{TITLE}\n{P1}\n{P1.replace('国务院', '省政府')}\n".encode("utf-16-be"),
     None, True),
    ("mixed-encodings", lambda r, g, f: f"{TITLE}\n{P1}\n".encode() + P2.encode("gbk") + b"\n"
     + "據統計，全省專利授權量達到3.5萬件。".encode("big5") + f"\n{P1}\n".encode(), None, True),
    ("control-chars", lambda r, g, f: _page(f).replace("，要求", "\x01\x02\x08\x1b\x7f，要求").encode(), None, True),
    ("bidi-overrides", lambda r, g, f: _page(f).replace(TITLE, "\u202e" + TITLE + "\u202c").replace(
        "各地区", "各\u202a\u202b\u202d\u2066\u2067\u2068\u2069地区").encode(), None, True),
    ("megabyte-line", lambda r, g, f: (_page(f, (P1 * 11_000)[:333_000])).encode(), None, True),
    ("100k-question-marks", lambda r, g, f: _page(f, "中" + "?" * 100_000 + "文").encode(), None, True),
    ("100k-bars", lambda r, g, f: _page(f, "|" * 100_000).encode(), None, True),
    ("10k-digits", lambda r, g, f: _page(f, f"授权量达到{'9' * 10_000}件，同比增长12.3%。").encode(), None, True),
    ("10k-numerals", lambda r, g, f: _page(f, f"投资{'三' * 10_000}万元，增长12.3%。").encode(), None, True),
    ("deep-nesting", lambda r, g, f: (f"<html><body><p>{P1}</p>" + "<div>" * 150_000 + "深处"
                                      + "</div>" * 150_000 + "</body></html>").encode(), None, True),
    ("too-many-elements", lambda r, g, f: ("<html><body>" + "<br>" * 210_000 + "</body></html>").encode(),
     "too_complex", False),
    ("too-large", lambda r, g, f: _page(f, P1 * 23_500).encode(), "too_large", False),  # 3 MB
    ("slow", lambda r, g, f: _slow(r).encode(), "timeout", False),
    ("binary-junk", lambda r, g, f: _junk(r, 5000), "binary", False),
    ("png-as-page", lambda r, g, f: b"\x89PNG\r\n\x1a\n" + _junk(r, 3000), "binary", False),
    ("elf-as-page", lambda r, g, f: b"\x7fELF\x02\x01\x01" + bytes(2000), "binary", False),
    ("empty", lambda r, g, f: b"", "empty", False),
    ("whitespace-only", lambda r, g, f: b" \r\n\t \n" * 100, "empty", False),
]


# ---------------------------------------------------------------------------------------------
# Containers


@dataclass
class Built:
    root: Path
    inputs: list[str]
    expected: list[Expected]
    containers: dict[str, int] = field(default_factory=dict)


class _Slot:
    """A document waiting for its place in a container."""

    def __init__(self, hazard: str, data: bytes, kind: str | None, text: bool, ext: str) -> None:
        self.hazard, self.data, self.kind, self.text, self.ext = hazard, data, kind, text, ext

    def expected(self, path: str) -> Expected:
        return Expected(path, self.hazard, self.kind, _sha1(self.data) if self.kind is None else None, self.text)


def build(root: Path, settings: Settings, pages: list[tuple[str, bytes]] | None = None) -> Built:
    """Write the inputs under `root` and return them with the expected record of every document."""
    rng = random.Random(settings.seed)
    pages = pages if pages is not None else good_pages()
    utf8 = [data for _, data in pages if _is_utf8(data)]
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    containers = ("dir", "zip", "warc")
    slots: dict[str, list[_Slot]] = {c: [] for c in containers}
    copies = max(1, round(settings.docs * 6 / 2000))  # two per container in the full soak
    turn = 0
    for name, make, kind, text in HAZARDS:
        for i in range(copies):
            fmt = "txt" if i % 2 else "html"
            data = make(rng, rng.choice(utf8), fmt)
            ext = "html" if data.lstrip()[:1] == b"<" or fmt == "html" else "txt"
            where = containers[turn % 3]
            if where == "zip" and copies < 3 and _bomb_like(data):  # a lone copy is to be parsed
                where = "dir"
            slots[where].append(_Slot(name, data, kind, text, ext))
            turn += 1
    fixed = {"dir": 29, "zip": 11, "warc": 2}  # the container hazards written below
    tail = 4  # documents in the cut WARC
    total = settings.docs - tail
    share = {"dir": round(total * 0.45), "zip": round(total * 0.33)}
    share["warc"] = total - share["dir"] - share["zip"]
    for c in containers:
        room = share[c] - fixed[c] - len(slots[c])
        if room < 0:
            raise SystemExit(f"--docs {settings.docs} is too few to hold every hazard")
        for _ in range(room):
            name, data = rng.choice(pages)
            slots[c].append(_Slot("good", data, None, True, name.rsplit(".", 1)[-1]))
        rng.shuffle(slots[c])
    crawl, zpath, wpath, cut = root / "crawl", root / "dump.zip", root / "crawl.warc.gz", root / "cut.warc.gz"
    parts = {
        "dir": _build_dir(crawl, slots["dir"], settings, pages),
        "zip": _build_zip(zpath, slots["zip"], settings, pages),
        "warc": _build_warc(wpath, slots["warc"], settings, pages),
        "cut warc": _build_cut_warc(cut, pages),
    }
    expected = [e for docs in parts.values() for e in docs]
    if len(expected) != settings.docs:
        raise AssertionError(f"built {len(expected)} documents, meant {settings.docs}")
    return Built(root, [str(crawl), str(zpath), str(wpath), str(cut)], expected,
                 {name: len(docs) for name, docs in parts.items()})


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return data.count(b"\n") > 10


def _build_dir(crawl: Path, slots: list[_Slot], settings: Settings, pages: list[tuple[str, bytes]]) -> list[Expected]:
    """Pages in sub-folders of 100, then gzip pages, nested archives and bad links."""
    entries: list[tuple[str, list[Expected]]] = []  # (relative path, its documents in order)
    for i, slot in enumerate(slots):
        rel = f"d{i // 100:03d}/{i:05d}-{slot.hazard}.{slot.ext}"
        _write(crawl / rel, slot.data)
        entries.append((rel, [slot.expected(str(crawl / rel))]))
    good = pages[0][1]
    chunks = settings.bomb_chunks
    ratio = bytes(1_500_000)  # 1.5 MB from 1.5 kB: over 200x and past 1 MB, under --max-bytes
    gz = {
        "gz/good.html.gz": (bombs.gzip_member(good, 0), "good", None),
        "gz/bomb.html.gz": (bombs.gzip_member(b"<html><body><p>", chunks), "gzip-bomb", "too_large"),
        "gz/ratio.html.gz": (bombs.gzip_member(b"<p>", 0, ratio), "gzip-ratio-bomb", "bomb"),
        "gz/cut.html.gz": (bombs.gzip_member(good, 0)[: len(good) // 20], "gzip-cut", "truncated"),
    }
    for rel, (data, hazard, kind) in gz.items():
        _write(crawl / rel, data)
        entries.append((rel, [Expected(str(crawl / rel), hazard, kind, _sha1(good) if kind is None else None,
                                       kind is None)]))
    nested = crawl / "archives"
    z = nested / "bombs.zip"
    _write(z, bombs.zip_bytes([("ok.txt", good), ("bomb.html", chunks), ("ratio.html", ratio)]))
    entries.append(("archives/bombs.zip", [
        Expected(f"{z}::ok.txt", "good", None, _sha1(good), True),
        Expected(f"{z}::bomb.html", "zip-bomb", "too_large"),
        Expected(f"{z}::ratio.html", "zip-ratio-bomb", "bomb")]))
    o = nested / "overlap.zip"
    _write(o, bombs.overlapping_zip(10))  # ten 16 MB entries sharing one compressed member
    entries.append(("archives/overlap.zip", [Expected(f"{o}::copy{i:05d}.html", "overlapping-zip-bomb",
                                                      "too_large") for i in range(10)]))
    t = nested / "bomb.tgz"
    _write(t, bombs.tar_gz([("ok.txt", good), ("bomb.html", chunks)]))
    entries.append(("archives/bomb.tgz", [Expected(f"{t}::ok.txt", "good", None, _sha1(good), True),
                                          Expected(f"{t}::bomb.html", "tgz-bomb", "bomb")]))
    h = nested / "hostile.tar"
    _hostile_tar(h, good)
    entries.append(("archives/hostile.tar", [
        Expected(f"{h}::../../up.html", "member-dotdot", None, _sha1(good), True),
        Expected(f"{h}::/tmp/ipextract-soak-abs.html", "member-absolute", None, _sha1(good), True),
        Expected(f"{h}::dup.txt", "member-duplicate", None, _sha1(good), True),
        Expected(f"{h}::dup.txt", "member-duplicate", None, _sha1(good), True),
        Expected(f"{h}::sym.html", "member-symlink", "unsupported_member"),
        Expected(f"{h}::fifo.html", "member-fifo", "unsupported_member")]))
    other = crawl / "other"
    # Every file of a folder is a candidate: what is no page is a `skipped` record, a folder link
    # an `is_directory` one (never walked).
    _write(other / "style.css", b"body { margin: 0; }\n")
    _write(other / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    os.symlink(crawl / "no-such-page.html", other / "dangling.html")
    os.symlink(crawl, other / "loop")
    (crawl / "empty-folder").mkdir()
    entries.append(("other/dangling.html", [Expected(str(other / "dangling.html"), "dangling-link",
                                                     "unreadable")]))
    entries.append(("other/loop", [Expected(str(other / "loop"), "folder-link", "is_directory")]))
    entries.append(("other/photo.png", [Expected(str(other / "photo.png"), "not-a-page", "skipped")]))
    entries.append(("other/style.css", [Expected(str(other / "style.css"), "not-a-page", "skipped")]))
    # A folder is walked in sorted order at every level: the order of the path components.
    entries.sort(key=lambda e: e[0].split("/"))
    return [e for _, docs in entries for e in docs]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _hostile_tar(path: Path, body: bytes) -> None:
    import io
    import tarfile

    with tarfile.open(path, "w") as tf:
        for name, kind, link in (("../../up.html", tarfile.REGTYPE, ""),
                                 ("/tmp/ipextract-soak-abs.html", tarfile.REGTYPE, ""),
                                 ("dup.txt", tarfile.REGTYPE, ""), ("dup.txt", tarfile.REGTYPE, ""),
                                 ("sym.html", tarfile.SYMTYPE, "/etc/passwd"),
                                 ("fifo.html", tarfile.FIFOTYPE, "")):
            info = tarfile.TarInfo(name)
            info.type, info.linkname, info.mtime = kind, link, 0
            data = body if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data) if data else None)


def _build_zip(path: Path, slots: list[_Slot], settings: Settings,
               pages: list[tuple[str, bytes]]) -> list[Expected]:
    good = pages[0][1]
    members: list[tuple[str, bytes | int, str]] = []
    expected: list[Expected] = []

    def add(name: str, data: bytes | int, how: str, hazard: str, kind: str | None) -> None:
        members.append((name, data, how))
        if kind == "-":  # a member the selection leaves out
            return
        content = _sha1(data) if kind is None and isinstance(data, bytes) else None
        expected.append(Expected(f"{path}::{name}", hazard, kind, content, kind is None))

    hazards = [
        ("../../evil.html", good, "file", "member-dotdot", None),
        ("/tmp/ipextract-soak-evil.html", good, "file", "member-absolute", None),
        ("C:\\windows\\evil.html", good, "file", "member-drive-letter", None),
        ("dup.html", good, "file", "member-duplicate", None),
        ("dup.html", good, "file", "member-duplicate", None),
        ("link.html", b"/etc/passwd", "link", "member-symlink", "unsupported_member"),
        ("secret.html", good, "encrypted", "member-encrypted", "encrypted"),
        ("crc.html", good, "bad_crc", "member-bad-crc", "corrupt"),
        ("bomb.html", settings.bomb_chunks, "file", "zip-bomb", "too_large"),
        ("ratio.html", bytes(1_500_000), "file", "zip-ratio-bomb", "bomb"),
        ("folder/", b"", "file", "directory-entry", "-"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "file", "not-a-page", "skipped"),
    ]
    spread = max(1, len(slots) // (len(hazards) + 1))
    queue = list(hazards)
    for i, slot in enumerate(slots):
        if queue and i and i % spread == 0:
            add(*queue.pop(0))
        name = f"m{i // 100:03d}/{i:05d}-{slot.hazard}.{slot.ext}"
        members.append((name, slot.data, "file"))
        if slot.kind != "too_large" and _bomb_like(slot.data):  # the size is checked before the ratio
            expected.append(Expected(f"{path}::{name}", slot.hazard, "bomb"))
        else:
            expected.append(slot.expected(f"{path}::{name}"))
    for h in queue:
        add(*h)
    path.write_bytes(bombs.zip_flagged(members))
    return expected


def _bomb_like(data: bytes) -> bool:
    """A member that inflates over 200x its deflated size, past 1 MiB, is refused as a bomb (the
    documented `max_ratio` and `ratio_floor` of ipextract.sources.Limits): megabytes of one repeated
    line or tag do, even when the same bytes in a folder are a page."""
    if len(data) <= 1024 * 1024:
        return False
    co = zlib.compressobj(6, zlib.DEFLATED, -15)  # as bombs.zip_flagged writes members
    return len(data) > 200 * len(co.compress(data) + co.flush())


def _build_warc(path: Path, slots: list[_Slot], settings: Settings,
                pages: list[tuple[str, bytes]]) -> list[Expected]:
    records: list[dict] = []
    expected: list[Expected] = []
    for i, slot in enumerate(slots):
        if i % 50 == 10:  # requests and images are not documents
            records.append({"uri": f"http://soak.invalid/{i}", "type": "request"})
            records.append({"uri": f"http://soak.invalid/{i}.png", "payload": b"\x89PNG\r\n\x1a\n" + bytes(64),
                            "content_type": "image/png"})
        rtype = "resource" if i % 97 == 5 else "response"
        ctype = "text/html" if slot.ext == "html" else "text/plain"
        records.append({"uri": f"http://soak.invalid/{i}.{slot.ext}", "payload": slot.data, "type": rtype,
                        "content_type": ctype, "date": "2020-01-02T00:00:00Z"})
        expected.append(slot.expected(f"{path}::{RID}{len(records) - 1:012d}"))
    make_warc(path, records)
    with open(path, "ab") as fh:  # a record whose payload is 1 GiB of zeros, then one more page
        n = len(records)
        fh.write(bombs.warc_gz_record(n, "http://soak.invalid/bomb.html", settings.bomb_chunks))
        fh.write(bombs.warc_gz_record(n + 1, "http://soak.invalid/last.html", pages[0][1]))
    expected.append(Expected(f"{path}::{RID}{n:012d}", "warc-bomb", "too_large"))
    expected.append(Expected(f"{path}::{RID}{n + 1:012d}", "good", None, _sha1(pages[0][1]), True))
    return expected


def _build_cut_warc(path: Path, pages: list[tuple[str, bytes]]) -> list[Expected]:
    """Four records, cut inside the last one's payload: three pages, then the cut record."""
    chosen = [pages[i % len(pages)][1] for i in range(4)]
    make_warc(path, [{"uri": f"http://soak.invalid/cut/{i}", "payload": d} for i, d in enumerate(chosen)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    return [Expected(f"{path}::{RID}{i:012d}", "good", None, _sha1(chosen[i]), True) for i in range(3)] + [
        Expected(f"{path}::{RID}{3:012d}", "warc-cut-tail", "truncated")]


# ---------------------------------------------------------------------------------------------
# Running, killing, measuring


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(root: int) -> dict[int, int]:
    """pid -> depth below `root` (1: the fork server, 2: the workers it forks)."""
    parents = _parents()
    depth = {root: 0}
    grew = True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in depth and child not in depth:
                depth[child] = depth[parent] + 1
                grew = True
    return depth


def _status_kb(pid: int, *keys: str) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0]
            if key in keys:
                out[key] = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _role(pid: int, depth: int) -> str:
    if depth == 0:
        return "driver"
    if depth >= 2:
        return "worker"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "helper"
    return "forkserver" if b"forkserver" in cmd else "helper"


@dataclass
class Memory:
    """Peaks over the samples of every run: per process (VmHWM) and of the whole tree at once."""

    processes: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # pid -> (role, run, kB)
    tree_rss_kb: int = 0  # the largest sum of VmRSS over the live tree in one sample
    tree_pss_kb: int = 0  # the same with shared pages divided among their users (PSS)
    samples: int = 0

    def sample(self, root: int, run: int) -> dict[int, int]:
        tree = descendants(root)
        rss = pss = 0
        for pid, depth in tree.items():
            kb = _status_kb(pid, "VmHWM", "VmRSS")
            if not kb:
                continue
            rss += kb.get("VmRSS", 0)
            pss += _pss_kb(pid)
            role, _, peak = self.processes.get(pid, (_role(pid, depth), run, 0))
            self.processes[pid] = (role, run, max(peak, kb.get("VmHWM", 0)))
        self.tree_rss_kb = max(self.tree_rss_kb, rss)
        self.tree_pss_kb = max(self.tree_pss_kb, pss)
        self.samples += 1
        return tree

    def peaks_mb(self, role: str) -> list[float]:
        return [round(kb / 1024, 1) for r, _, kb in sorted(self.processes.values()) if r == role]


@dataclass
class Run:
    number: int
    resume: bool
    returncode: int = 0
    wall: float = 0.0
    kills: list[str] = field(default_factory=list)
    stderr: str = ""
    lingered: float = 0.0  # seconds its last processes lived on after the driver ended

    @property
    def tracebacks(self) -> int:
        return self.stderr.count("Traceback (most recent call last)")

    @property
    def exceptions(self) -> list[str]:
        """The distinct exceptions the tracebacks end with."""
        return sorted(set(_EXCEPTION_LINE.findall(self.stderr)))


_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b.*$", re.M)


def batch_command(built: Built, settings: Settings, out: Path, *, resume: bool) -> list[str]:
    cmd = [sys.executable, "-m", "ipextract", "batch", *built.inputs, "-o", str(out),
           "--errors", str(errors_path(out)), "--stats", str(stats_path(out)), "-q",
           "--workers", str(settings.workers), "--shard-size", str(settings.shard_size),
           "--max-bytes", str(settings.max_bytes), "--timeout", f"{settings.timeout:g}"]
    return [*cmd, "--resume"] if resume else cmd


def errors_path(out: Path) -> Path:
    return out.with_name(out.stem + ".errors.jsonl")


def stats_path(out: Path) -> Path:
    return out.with_name(out.stem + ".stats.json")


def count_shards(built: Built, settings: Settings) -> int:
    """The shards the batch will plan: listing only (cheap), the same functions the driver uses."""
    from ipextract.batch import plan_shards
    from ipextract.sources import Limits, plan_units

    units = plan_units(built.inputs, None, Limits(max_bytes=settings.max_bytes))
    return sum(1 for _ in plan_shards(units, max_docs=settings.shard_size))


def run_with_kills(built: Built, settings: Settings, out: Path, *, env: dict[str, str] | None = None,
                   limit: float = 3600.0, log: Callable[[str], None] = print) -> tuple[list[Run], Memory, int]:
    """Run the batch, killing as `settings.kills` says, and rerun with --resume until it finishes."""
    shards = count_shards(built, settings)
    plan = [(run, what, min(shards - 1, max(1, math.ceil(f * shards)))) for run, what, f in settings.kills]
    memory = Memory()
    runs: list[Run] = []
    _clear(out)
    while not runs or runs[-1].returncode < 0:
        if len(runs) > 2 * len(plan) + 2:
            raise RuntimeError("the batch keeps dying")
        todo = [(what, at) for r, what, at in plan if r == len(runs)]
        run = run_once(built, settings, out, len(runs) + 1, todo, shards, memory, env=env, limit=limit)
        log(f"run {run.number}{' (--resume)' if run.resume else ''}: exit {run.returncode}, {run.wall:.1f} s"
            + "".join(f"; {k}" for k in run.kills))
        if run.returncode not in (0, 1, -signal.SIGKILL):
            log(f"run {run.number} stderr:\n{run.stderr}")
        elif run.tracebacks:
            log(f"run {run.number}: {run.tracebacks} tracebacks on stderr, ending " + "; ".join(run.exceptions))
        runs.append(run)
    return runs, memory, shards


def _clear(out: Path) -> None:
    for path in (out, errors_path(out), stats_path(out)):
        path.unlink(missing_ok=True)
    shutil.rmtree(f"{out}.parts", ignore_errors=True)


def run_once(built: Built, settings: Settings, out: Path, number: int, kills: list[tuple[str, int]], shards: int,
             memory: Memory, *, env: dict[str, str] | None = None, limit: float = 3600.0) -> Run:
    """One batch process tree (run `number`, --resume after the first), killed once the parts
    directory holds as many done shards as `kills` names; memory sampled meanwhile."""
    run = Run(number, resume=number > 1)
    parts = Path(f"{out}.parts")
    todo = list(kills)
    jitter = random.Random(f"{settings.seed}-{number}")  # kill a moment after the shard, not at it
    due: float | None = None
    start = time.perf_counter()
    with open(out.parent / f"{out.stem}.run-{number}.stderr", "w+b") as err:
        proc = subprocess.Popen(batch_command(built, settings, out, resume=run.resume), stdout=subprocess.DEVNULL,
                                stderr=err, start_new_session=True, env=env)
        tick = 0
        try:
            while proc.poll() is None:
                if tick % 5 == 0:  # memory every 0.1 s: reading /proc costs the workers CPU
                    memory.sample(proc.pid, number)
                tick += 1
                if todo and due is None and len(list(parts.glob("part-*.done"))) >= todo[0][1]:
                    due = time.perf_counter() + jitter.uniform(0, 0.2)
                if due is not None and time.perf_counter() >= due:
                    what, _ = todo.pop(0)
                    done = len(list(parts.glob("part-*.done")))
                    run.kills.append(_kill(proc, memory.sample(proc.pid, number), what, done, shards))
                    due = None
                if time.perf_counter() - start > limit:
                    os.killpg(proc.pid, signal.SIGKILL)
                    raise TimeoutError(f"the batch ran over {limit:.0f} s")
                time.sleep(0.02)
        finally:
            proc.wait()
            ended = time.perf_counter()
            _wait_gone(proc.pid)
            run.lingered = time.perf_counter() - ended
        err.seek(0)
        run.stderr = err.read().decode("utf-8", "replace")
    run.returncode, run.wall = proc.returncode, ended - start
    run.kills += [f"{what} kill at {at}/{shards} shards not done: the run ended first" for what, at in todo]
    return run


def uninterrupted(built: Built, settings: Settings, out: Path, *, env: dict[str, str] | None = None,
                  limit: float = 3600.0) -> Run:
    """The same batch run once, without kills, into `out`: the reference for `differing`."""
    _clear(out)
    return run_once(built, settings, out, 1, [], 0, Memory(), env=env, limit=limit)


def differing(a: Path, b: Path) -> int:
    """Records that differ between two runs' outputs (documents and errors), position by position.
    Timeout messages say who stopped the document (its alarm, or the pool replacing the worker), so
    only their kind is compared."""
    n = 0
    for x, y in ((a, b), (errors_path(a), errors_path(b))):
        ra, rb = [_comparable(r) for r in _records(x)], [_comparable(r) for r in _records(y)]
        n += sum(1 for p, q in zip(ra, rb) if p != q) + abs(len(ra) - len(rb))
    return n


def _comparable(record: dict) -> dict:
    if record.get("error_kind") == "timeout":
        return {**record, "error": "timeout"}
    return record


def _kill(proc: subprocess.Popen, tree: dict[int, int], what: str, done: int, shards: int) -> str:
    if what == "group":
        os.killpg(proc.pid, signal.SIGKILL)
        return f"process group SIGKILLed at {done}/{shards} shards"
    if what == "driver":
        proc.kill()
        return f"driver SIGKILLed at {done}/{shards} shards (its workers orphaned)"
    workers = sorted(pid for pid, depth in tree.items() if depth == 2)
    if not workers:
        return f"no worker to kill at {done}/{shards} shards"
    try:
        os.kill(workers[0], signal.SIGKILL)
    except ProcessLookupError:
        return f"worker {workers[0]} gone before its kill at {done}/{shards} shards"
    return f"worker {workers[0]} SIGKILLed at {done}/{shards} shards"


def _wait_gone(pgid: int, wait: float = 120.0) -> None:
    """No process of a run may outlive it (an orphaned worker could still write parts); zombies
    waiting for a reaper that does not come are gone for this purpose."""
    deadline = time.monotonic() + wait
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"processes of group {pgid} outlived the run")
        time.sleep(0.05)


def _group_alive(pgid: int) -> bool:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Accounting


@dataclass
class Accounting:
    documents: int
    records: int
    ok: int
    errors: dict[str, int]
    missing: list[str]
    extra: list[str]
    duplicates: list[str]
    mismatches: list[tuple[str, str, str | None, str | None]]  # (path, hazard, expected, got)
    no_text: list[str]
    inconsistent: list[str]  # contents that gave different texts in different places
    in_order: bool
    stats_agree: bool
    leftovers: list[str]
    by_hazard: dict[tuple[str, str | None], tuple[int, int]]  # (hazard, expected kind) -> (documents, matched)

    @property
    def exact(self) -> bool:
        return not (self.missing or self.extra or self.duplicates or self.mismatches or self.no_text
                    or self.inconsistent or self.leftovers) and self.in_order and self.stats_agree \
            and self.records == self.documents


def _records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def account(built: Built, out: Path) -> Accounting:
    """Compare the outputs with the expected documents (paths may repeat: duplicate member names)."""
    oks, errs = _records(out), _records(errors_path(out))
    got = oks + errs
    want = Counter(e.path for e in built.expected)
    have = Counter(r["path"] for r in got)
    missing = sorted((want - have).elements())
    extra_or_dup = have - want
    duplicates = sorted(p for p in extra_or_dup.elements() if p in want)
    extra = sorted(p for p in extra_or_dup.elements() if p not in want)
    kinds_want: dict[str, list[str | None]] = {}
    for e in built.expected:
        kinds_want.setdefault(e.path, []).append(e.kind)
    kinds_have: dict[str, list[str | None]] = {}
    for r in got:
        kinds_have.setdefault(r["path"], []).append(r["error_kind"])
    by_path = {e.path: e for e in built.expected}
    mismatches = []
    for path, kinds in kinds_want.items():
        seen = kinds_have.get(path, [])
        if len(seen) == len(kinds) and sorted(seen, key=str) != sorted(kinds, key=str):
            mismatches.append((path, by_path[path].hazard, kinds[0], seen[0]))
    no_text = [r["path"] for r in oks if by_path.get(r["path"]) and by_path[r["path"]].text and not r["text"]]
    texts: dict[str, set[str]] = {}
    for r in oks:
        e = by_path.get(r["path"])
        if e is not None and e.content is not None:
            texts.setdefault(e.content, set()).add(_sha1(r["text"].encode("utf-8", "surrogatepass")))
    inconsistent = sorted(c for c, t in texts.items() if len(t) > 1)
    in_order = ([r["path"] for r in oks] == [e.path for e in built.expected if e.kind is None]
                and [r["path"] for r in errs] == [e.path for e in built.expected if e.kind is not None])
    got_errors = Counter(r["error_kind"] for r in errs)
    try:  # the summary of the last (resumed) run covers the shards of every run
        stats = json.loads(stats_path(out).read_text())
        # Skipped files (no pages) have error records but are not failures: counted apart.
        failures = Counter({k: n for k, n in got_errors.items() if k != "skipped"})
        skipped = got_errors.get("skipped", 0)
        stats_agree = (stats["documents"], stats["ok"], stats["failed"], stats["errors"],
                       sum(stats.get("skipped", {}).values())) == (
            len(built.expected), len(oks), len(errs) - skipped, dict(sorted(failures.items())), skipped)
    except (OSError, ValueError, KeyError):
        stats_agree = False
    leftovers = [str(p) for p in out.parent.iterdir() if p.name.endswith((".tmp", ".parts"))]
    documents: Counter[tuple[str, str | None]] = Counter((e.hazard, e.kind) for e in built.expected)
    matched: Counter[tuple[str, str | None]] = Counter()
    for r in got:
        e = by_path.get(r["path"])
        if e is not None and r["error_kind"] == e.kind:
            matched[e.hazard, e.kind] += 1
    by_hazard = {key: (n, min(n, matched[key])) for key, n in sorted(documents.items(), key=str)}
    return Accounting(len(built.expected), len(got), len(oks), dict(sorted(got_errors.items())), missing, extra,
                      duplicates, mismatches, no_text, inconsistent, in_order, stats_agree, leftovers, by_hazard)


# ---------------------------------------------------------------------------------------------
# Report


def figures(built: Built, settings: Settings, runs: list[Run], memory: Memory, shards: int,
            acc: Accounting, clean: tuple[Run, int] | None = None) -> dict:
    kills = [k for r in runs for k in r.kills]
    return {
        "documents": acc.documents,
        "containers": built.containers,
        "settings": asdict(settings),
        "shards": shards,
        "records": acc.records,
        "ok": acc.ok,
        "errors": acc.errors,
        "missing": len(acc.missing),
        "extra": len(acc.extra),
        "duplicates": len(acc.duplicates),
        "kind_mismatches": len(acc.mismatches),
        "ok_without_text": len(acc.no_text),
        "inconsistent_texts": len(acc.inconsistent),
        "in_input_order": acc.in_order,
        "stats_agree": acc.stats_agree,
        "leftover_files": acc.leftovers,
        "kills": kills,
        "runs": [{"run": r.number, "resume": r.resume, "exit": r.returncode, "wall_s": round(r.wall, 1),
                  "lingered_s": round(r.lingered, 2), "tracebacks": r.tracebacks, "exceptions": r.exceptions}
                 for r in runs],
        "wall_s": round(sum(r.wall for r in runs), 1),
        "uninterrupted_wall_s": round(clean[0].wall, 1) if clean else None,
        "differ_from_uninterrupted": clean[1] if clean else None,
        "peak_tree_rss_mb": round(memory.tree_rss_kb / 1024, 1),
        "peak_tree_pss_mb": round(memory.tree_pss_kb / 1024, 1),
        "peak_driver_mb": max(memory.peaks_mb("driver"), default=0),
        "peak_forkserver_mb": max(memory.peaks_mb("forkserver"), default=0),
        "peak_worker_mb": max(memory.peaks_mb("worker"), default=0),
        "worker_peaks_mb": sorted(memory.peaks_mb("worker")),
        "workers_seen": len(memory.peaks_mb("worker")),
        "memory_samples": memory.samples,
        "hazards": [{"hazard": h, "expected": k, "documents": n, "matched": m}
                    for (h, k), (n, m) in acc.by_hazard.items()],
        "mismatches": [list(m) for m in acc.mismatches[:50]],
        "exact": acc.exact and not (clean and clean[1]),
    }


def table(f: dict) -> str:
    c = f["containers"]
    s = f["settings"]
    rows = [
        ("documents", f"{f['documents']:,} (folder {c['dir']:,}, zip {c['zip']:,}, WARC {c['warc']:,}, "
                      f"cut WARC {c['cut warc']})"),
        ("records written", f"{f['records']:,}: ok {f['ok']:,}, errors {f['records'] - f['ok']:,}"),
        ("errors by kind", ", ".join(f"{k} {n}" for k, n in sorted(f["errors"].items(), key=lambda kv: -kv[1]))),
        ("missing / extra / duplicates", f"{f['missing']} / {f['extra']} / {f['duplicates']}"),
        ("error kind as expected", f"{f['records'] - f['kind_mismatches']:,} of {f['records']:,} "
                                   f"({f['kind_mismatches']} mismatches)"),
        ("same bytes, same text", "yes" if not f["inconsistent_texts"] else f"no ({f['inconsistent_texts']})"),
        ("output in input order", "yes" if f["in_input_order"] else "no"),
        ("--stats agrees", "yes" if f["stats_agree"] else "no"),
        ("same records as a run never killed", "not compared" if f["differ_from_uninterrupted"] is None else
         "yes" if not f["differ_from_uninterrupted"] else f"no: {f['differ_from_uninterrupted']} differ"),
        ("kills", "; ".join(f["kills"]) or "none"),
        ("runs", "; ".join(f"{r['run']}{' --resume' if r['resume'] else ''}: exit {r['exit']}, {r['wall_s']} s"
                           + (f" (processes lived on {r['lingered_s']} s)" if r["lingered_s"] >= 0.1 else "")
                           for r in f["runs"])),
        ("tracebacks on stderr", "; ".join(f"run {r['run']}: {r['tracebacks']} ({', '.join(r['exceptions'])})"
                                           for r in f["runs"] if r["tracebacks"]) or "none"),
        ("wall time", f"{f['wall_s']} s over {len(f['runs'])} runs ({f['shards']} shards of {s['shard_size']})"
                      + (f"; never killed: {f['uninterrupted_wall_s']} s" if f["uninterrupted_wall_s"] else "")),
        ("peak RSS, whole tree", f"{f['peak_tree_rss_mb']} MB (PSS {f['peak_tree_pss_mb']} MB)"),
        ("peak RSS per process", f"driver {f['peak_driver_mb']} MB, fork server {f['peak_forkserver_mb']} MB, "
                                 f"worker max {f['peak_worker_mb']} MB"),
        ("workers seen", f"{f['workers_seen']}: " + ", ".join(f"{m:g}" for m in f["worker_peaks_mb"]) + " MB"),
        ("accounting", "EXACT" if f["exact"] else "NOT EXACT"),
    ]
    width = max(len(k) for k, _ in rows)
    head = (f"ipextract soak: --workers {s['workers']} --shard-size {s['shard_size']} --max-bytes "
            f"{s['max_bytes']} --timeout {s['timeout']:g}, seed {s['seed']}")
    lines = [head, "", f"| {'figure':<{width}} | value |", f"|{'-' * (width + 2)}|-------|"]
    lines += [f"| {k:<{width}} | {v} |" for k, v in rows]
    lines += ["", "hazard                     expected            docs  matched"]
    for d in f["hazards"]:
        lines.append(f"{d['hazard']:<26} {d['expected'] or 'ok':<18} {d['documents']:>5}  {d['matched']:>7}")
    if f["mismatches"]:
        lines += ["", "mismatches (path, hazard, expected, got):"] + [f"  {m}" for m in f["mismatches"]]
    return "\n".join(lines)


def snapshot_code(out: Path) -> dict[str, str]:
    """Copy src/ipextract and return an environment that imports the copy."""
    dest = out / "src"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "src" / "ipextract", dest / "ipextract", ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(dest)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=Settings.docs)
    ap.add_argument("--workers", type=int, default=Settings.workers)
    ap.add_argument("--seed", type=int, default=Settings.seed)
    ap.add_argument("--shard-size", type=int, default=Settings.shard_size)
    ap.add_argument("--timeout", type=float, default=Settings.timeout)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "soak")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--no-compare", action="store_true",
                    help="skip the uninterrupted reference run (whose records must equal the resumed run's)")
    args = ap.parse_args(argv)
    settings = Settings(docs=args.docs, workers=args.workers, seed=args.seed, shard_size=args.shard_size,
                        timeout=args.timeout)
    args.out.mkdir(parents=True, exist_ok=True)
    env = snapshot_code(args.out)
    t0 = time.perf_counter()
    built = build(args.out / "inputs", settings)
    print(f"built {len(built.expected):,} documents in {time.perf_counter() - t0:.1f} s: {built.containers}",
          flush=True)
    out = args.out / "run" / "docs.jsonl"
    shutil.rmtree(out.parent, ignore_errors=True)
    out.parent.mkdir(parents=True)
    runs, memory, shards = run_with_kills(built, settings, out, env=env,
                                          log=lambda s: print(s, flush=True))
    acc = account(built, out)
    clean = None
    if not args.no_compare:
        ref = args.out / "run" / "reference.jsonl"
        run = uninterrupted(built, settings, ref, env=env)
        print(f"uninterrupted run: exit {run.returncode}, {run.wall:.1f} s", flush=True)
        clean = (run, differing(out, ref))
    f = figures(built, settings, runs, memory, shards, acc, clean)
    print(table(f))
    if args.json:
        args.json.write_text(json.dumps(f, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if len(f["kills"]) != len(settings.kills) or not all("SIGKILLed" in k for k in f["kills"]):
        print("soak: the planned kills did not all happen", file=sys.stderr)
        return 1
    return 0 if f["exact"] and runs[-1].returncode == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
