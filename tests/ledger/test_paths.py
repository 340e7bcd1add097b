"""Where the ledger lives: --ledger > SECSCAN_LEDGER > config > the per-user data directory."""

from __future__ import annotations

from pathlib import Path

from secscan import ledger
from secscan.ledger.paths import default_path, locate


def test_option_beats_env_beats_config(monkeypatch, tmp_path):
    monkeypatch.setenv("SECSCAN_LEDGER", str(tmp_path / "env.sqlite"))
    assert ledger.resolve_path("cli.sqlite", "cfg.sqlite") == Path("cli.sqlite")
    assert ledger.resolve_path(None, "cfg.sqlite") == tmp_path / "env.sqlite"
    monkeypatch.delenv("SECSCAN_LEDGER")
    assert ledger.resolve_path(None, "cfg.sqlite") == Path("cfg.sqlite")


def test_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locate("~/审查/台账.sqlite", env={}) == (tmp_path / "审查" / "台账.sqlite", "option")


def test_default_is_the_per_user_data_directory():
    assert default_path({"HOME": "/home/wf"}, "linux") == Path(
        "/home/wf/.local/share/secscan/ledger.sqlite"
    )
    xdg = {"HOME": "/home/wf", "XDG_DATA_HOME": "/data/wf"}
    assert default_path(xdg, "linux") == Path("/data/wf/secscan/ledger.sqlite")
    # a relative XDG_DATA_HOME is invalid by the spec and ignored
    rel = {"HOME": "/home/wf", "XDG_DATA_HOME": "data"}
    assert default_path(rel, "linux") == Path("/home/wf/.local/share/secscan/ledger.sqlite")
    win = {"USERPROFILE": r"C:\Users\wf", "LOCALAPPDATA": r"C:\Users\wf\AppData\Local"}
    assert (
        default_path(win, "win32")
        == Path(r"C:\Users\wf\AppData\Local") / "secscan" / "ledger.sqlite"
    )
    assert default_path({"HOME": "/Users/wf"}, "darwin") == Path(
        "/Users/wf/Library/Application Support/secscan/ledger.sqlite"
    )
    assert locate(None, None, env={"HOME": "/home/wf"})[1] == "default"
