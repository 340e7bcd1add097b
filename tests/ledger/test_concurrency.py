"""Several processes writing at once lose nothing and never fork the chain; a writer killed
mid-transaction leaves the ledger exactly as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from secscan import ledger
from tests.ledger.builders import file_result, scan_result

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from secscan import ledger
    from tests.ledger.builders import file_result, scan_result

    path, name, runs, gate = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    while not gate.exists():  # start together, so the writers really contend
        time.sleep(0.005)
    for i in range(runs):
        files = (file_result(f"{name}/{i}.docx"), file_result(f"{name}/{i}-附件.docx"))
        ledger.record_scan(path, scan_result(*files), reviewer=name, category=None)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from secscan.ledger.store import Store

    with Store(Path(sys.argv[1])).appending() as appender:
        for n in range(3):
            appender.append({"v": 1, "kind": "scan", "time": "2026-11-28T10:00:00+08:00",
                             "actor": "killed", "path": f"k{n}.docx", "path_key": None})
        print("ready", flush=True)
        time.sleep(60)  # killed here, between the inserts and COMMIT
    """
)


def test_parallel_writers_creating_a_ledger_lose_nothing_and_keep_one_chain(
    ledger_path, tmp_path, subprocess_env
):
    gate = tmp_path / "go"
    writers, runs = 6, 12
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(ledger_path), f"w{n}", str(runs), str(gate)],
            env=subprocess_env,
            stderr=subprocess.PIPE,
        )
        for n in range(writers)
    ]
    gate.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()

    result = ledger.verify(ledger_path)
    assert result.ok, result.problem
    assert result.checked == writers * runs * 2
    book = ledger.load(ledger_path)
    paths = {str(i.content["path"]) for i in book.items.values()}
    expected = {
        f"w{n}/{i}{s}.docx" for n in range(writers) for i in range(runs) for s in ("", "-附件")
    }
    assert paths == expected
    # each run's two files are consecutive: one transaction, never interleaved
    for item in book.items.values():
        if item.content["path"].endswith("-附件.docx"):
            first = book.items[item.id - 1].content["path"]
            assert first == item.content["path"].replace("-附件", "")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_writer_killed_before_commit_leaves_the_ledger_as_it_was(ledger_path, subprocess_env):
    ledger.record_scan(
        ledger_path,
        scan_result(file_result("a.docx"), file_result("b.docx")),
        reviewer="王芳",
        category=None,
    )
    before = ledger.verify(ledger_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ledger_path)],
        env=subprocess_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        # while it holds the write lock, readers still see the committed ledger
        assert len(ledger.load(ledger_path).items) == 2
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    after = ledger.verify(ledger_path)
    assert after.ok
    assert after.checked == before.checked == 2
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'head_id'").fetchone() == ("2",)
    assert conn.execute("SELECT count(*) FROM entries WHERE body LIKE '%killed%'").fetchone() == (
        0,
    )
    conn.close()
    # the lock died with the process: the next write goes straight through
    start = time.monotonic()
    assert ledger.record_scan(
        ledger_path, scan_result(file_result("c.docx")), reviewer="王芳", category=None
    ) == [3]
    assert time.monotonic() - start < 5
    assert ledger.verify(ledger_path).ok
