"""Settings: flags > SECSCAN_* environment > .secscan.toml > pyproject [tool.secscan] > defaults.

The result is one frozen `Config`, passed down explicitly. Unknown keys are errors, never
silently ignored. Paths in a config file are relative to that file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

from secscan.errors import ConfigError
from secscan.extract.limits import Limits
from secscan.model import Severity

CONFIG_NAME = ".secscan.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    lang: str = "zh"
    fail_on: Severity = Severity.BLOCK
    rules: tuple[str, ...] = ()  # extra rule directories
    builtin_rules: bool = True
    exclude: tuple[str, ...] = ()
    ledger: str | None = None
    reviewer: str | None = None
    baseline: str | None = None
    jobs: int = 0  # 0: as many as cores, for large runs
    limits: Limits = field(default_factory=Limits)
    source: str | None = None  # the config file read, if any


_KEYS = {f.name for f in dataclasses.fields(Config)} - {"source"}
_LIMIT_KEYS = {f.name for f in dataclasses.fields(Limits)}
_ENV = {
    "SECSCAN_LANG": "lang",
    "SECSCAN_FAIL_ON": "fail_on",
    "SECSCAN_RULES": "rules",
    "SECSCAN_LEDGER": "ledger",
    "SECSCAN_REVIEWER": "reviewer",
    "SECSCAN_BASELINE": "baseline",
    "SECSCAN_JOBS": "jobs",
}


def find_config_file(start: str) -> tuple[str, bool] | None:
    """The nearest .secscan.toml, or pyproject.toml with [tool.secscan], from `start` upward
    (stopping at the top of a git work tree)."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate, False
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _mentions_secscan(pyproject):
            return pyproject, True
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            return None
        folder = parent


def _mentions_secscan(pyproject: str) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            return b"[tool.secscan" in handle.read()
    except OSError:
        return False


def load_config(
    flags: Mapping[str, Any] | None = None,
    *,
    config_path: str | None = None,
    cwd: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Merge every source of settings into one Config; `flags` hold only what was given."""
    values: dict[str, Any] = {}
    source = None
    found: tuple[str, bool] | None
    if config_path is not None:
        found = (config_path, os.path.basename(config_path) == "pyproject.toml")
        if not os.path.isfile(config_path):
            raise ConfigError("config_error", path=config_path, reason="文件不存在 / not found")
    else:
        found = find_config_file(cwd or os.getcwd())
    if found is not None:
        source = str(found[0])
        values.update(_read_file(*found))
    env = os.environ if environ is None else environ
    for var, key in _ENV.items():
        if env.get(var):
            values[key] = _from_env(key, env[var], var)
    for key, value in (flags or {}).items():
        if value is not None:
            values[key] = value
    return _build(values, source)


def _read_file(path: str, in_pyproject: bool) -> dict[str, Any]:
    import tomllib  # only when a config file exists

    try:
        with open(path, "rb") as handle:
            doc = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("config_error", path=str(path), reason=str(exc)) from None
    table = doc.get("tool", {}).get("secscan", {}) if in_pyproject else doc
    if not isinstance(table, dict):
        raise ConfigError("config_error", path=str(path), reason="[tool.secscan] 应为表")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError("config_error", path=str(path), reason=f"未知配置项 / unknown key: {unknown[0]}")
    values = dict(table)
    base = os.path.dirname(os.path.abspath(path))
    if "rules" in values:
        rules = values["rules"]
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError("config_error", path=str(path), reason="rules 应为目录列表")
        values["rules"] = tuple(os.path.join(base, r) for r in rules)
    for key in ("ledger", "baseline"):
        if isinstance(values.get(key), str):
            values[key] = os.path.join(base, values[key])
    if "limits" in values:
        limits = values["limits"]
        if not isinstance(limits, dict) or set(limits) - _LIMIT_KEYS:
            bad = sorted(set(limits) - _LIMIT_KEYS) if isinstance(limits, dict) else ["limits"]
            raise ConfigError("config_error", path=str(path), reason=f"未知限制项 / unknown limit: {bad[0]}")
        values["limits"] = limits
    return values


def _from_env(key: str, raw: str, var: str) -> Any:
    if key == "rules":
        return tuple(p for p in raw.split(os.pathsep) if p)
    if key == "jobs":
        try:
            return int(raw)
        except ValueError:
            raise ConfigError("config_value", key=var, reason="应为整数 / must be an integer") from None
    return raw


def _build(values: dict[str, Any], source: str | None) -> Config:
    lang = values.get("lang", "zh")
    if lang not in ("zh", "en"):
        raise ConfigError("config_value", key="lang", reason="应为 zh 或 en / must be zh or en")
    try:
        fail_on = Severity(values.get("fail_on", "block"))
    except ValueError:
        raise ConfigError("config_value", key="fail_on", reason="应为 block 或 warn / block or warn") from None
    limits = values.get("limits", Limits())
    if isinstance(limits, dict):
        try:
            limits = Limits(**limits)
        except TypeError as exc:
            raise ConfigError("config_value", key="limits", reason=str(exc)) from None
    jobs = values.get("jobs", 0)
    if not isinstance(jobs, int) or jobs < 0:
        raise ConfigError("config_value", key="jobs", reason="应为非负整数 / a non-negative integer")
    return Config(
        lang=lang,
        fail_on=fail_on,
        rules=tuple(values.get("rules", ())),
        builtin_rules=bool(values.get("builtin_rules", True)),
        exclude=tuple(values.get("exclude", ())),
        ledger=values.get("ledger"),
        reviewer=values.get("reviewer"),
        baseline=values.get("baseline"),
        jobs=jobs,
        limits=limits,
        source=source,
    )
