"""Where the ledger lives: ``--ledger PATH`` > ``SECSCAN_LEDGER`` > config > per-user data dir.

The default follows each platform's convention for application data that is not a cache and
not a setting: ``$XDG_DATA_HOME`` (else ``~/.local/share``) on Linux and other Unix,
``~/Library/Application Support`` on macOS, ``%LOCALAPPDATA%`` on Windows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "SECSCAN_LEDGER"
FILE_NAME = "ledger.sqlite"


def default_path(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The per-user default ledger file for `platform` (default: this one)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = Path(env["LOCALAPPDATA"]) if env.get("LOCALAPPDATA") else home / "AppData" / "Local"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        # the XDG spec says a relative value is invalid and must be ignored
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / "secscan" / FILE_NAME


def locate(
    cli_value: str | None, config_value: str | None = None, env: Mapping[str, str] | None = None
) -> tuple[Path, str]:
    """The ledger path and where it came from: "option", "env", "config" or "default"."""
    env = os.environ if env is None else env
    candidates = ((cli_value, "option"), (env.get(ENV_VAR), "env"), (config_value, "config"))
    for value, source in candidates:
        if value:
            return Path(value).expanduser(), source
    return default_path(env), "default"
