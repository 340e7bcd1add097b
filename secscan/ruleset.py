"""Read and validate rules/*.toml into an immutable RuleSet with a version and a sha256.

The schema is documented in rules/README.md. Unknown keys are errors, and every error names the
file, the rule and the field (`RuleError`), so a 保密办 editing its own keyword list sees at once
what is wrong. Shipped rules are package data (`secscan/rules` in the wheel, `rules/` in a
checkout); `--rules DIR` adds a directory whose rules extend the set or replace a rule by id.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

from secscan.errors import RuleError
from secscan.model import Category, Part, Severity

KINDS_OF_MATCH = ("keywords", "pattern", "validator", "observation")
_RULE_KEYS = {
    "id", "name", "name_en", "category", "severity", "message", "message_en",
    *KINDS_OF_MATCH, "triggers", "boundary", "context", "allow", "parts", "examples",
    "counter_examples",
}  # fmt: skip
_CONTEXT_KEYS = {"require", "forbid", "window"}
_FILE_KEYS = {"meta", "rule"}
_META_KEYS = {"version", "description"}
_ID = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
_VERSION = re.compile(r"^\d{4}\.\d{1,2}\.\d{1,2}(?:\.\d+)?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    window: int = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    id: str
    name: str
    name_en: str
    category: Category
    severity: Severity
    message: str
    message_en: str
    keywords: tuple[str, ...] = ()
    pattern: str | None = None
    triggers: tuple[str, ...] = ()
    validator: str | None = None
    observation: str | None = None
    boundary: str = "none"
    context: Context = Context()
    allow: tuple[str, ...] = ()
    parts: frozenset[Part] | None = None
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    source: str = ""
    # The phrases above folded like the text (normalise.fold_keyword), computed once when the
    # file is parsed and kept in the cached rule set: folding them costs more start-up time
    # than the automaton itself.
    folded_keywords: tuple[str, ...] = ()
    folded_triggers: tuple[str, ...] = ()
    folded_allow: tuple[str, ...] = ()
    folded_require: tuple[str, ...] = ()
    folded_forbid: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Not run when a cached rule set is unpickled: the folded phrases come back with it.
        for name, phrases in (
            ("folded_keywords", self.keywords),
            ("folded_triggers", self.triggers),
            ("folded_allow", self.allow),
            ("folded_require", self.context.require),
            ("folded_forbid", self.context.forbid),
        ):
            if phrases and not getattr(self, name):
                object.__setattr__(self, name, _folded(phrases))

    def localized_name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name

    def localized_message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSet:
    version: str
    sha256: str
    rules: tuple[Rule, ...]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def shipped_rules_dir() -> str:
    """Where the shipped rule files are: `secscan/rules` in the wheel, `rules/` in a checkout.

    (os.path rather than pathlib: pathlib costs ~3 ms of the hook's start-up.)
    """
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "rules")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(here), "rules")


def load_ruleset(extra_dirs: Sequence[str] = (), *, builtin: bool = True) -> RuleSet:
    """Load the shipped rules (unless `builtin` is False) and every rules/*.toml in extra_dirs."""
    files: list[str] = []
    dirs = ([shipped_rules_dir()] if builtin else []) + [os.fspath(d) for d in extra_dirs]
    for d in dirs:
        if not os.path.isdir(d):
            raise RuleError(d, None, None, "不是目录 / not a directory")
        names = sorted(n for n in os.listdir(d) if n.endswith(".toml"))
        files.extend(os.path.join(d, n) for n in names)
    if not files:
        raise RuleError(", ".join(str(d) for d in dirs) or "-", None, None, "没有规则文件 / no rule files")
    return build_ruleset(files)


def build_ruleset(files: Iterable[str]) -> RuleSet:
    """Parse and validate `files`, or reuse the parse cached for exactly these bytes."""
    digest = hashlib.sha256()
    contents = []
    for path in files:
        with open(path, "rb") as handle:
            raw = handle.read()
        digest.update(os.path.basename(path).encode() + b"\0" + raw + b"\0")
        contents.append((path, raw))
    sha = digest.hexdigest()
    cached = _cache_path(sha, contents)
    try:
        with open(cached, "rb") as handle:
            ruleset = pickle.loads(handle.read())
        if isinstance(ruleset, RuleSet) and ruleset.sha256 == sha:
            return ruleset
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    ruleset = _parse_all(contents, sha)
    with contextlib.suppress(OSError):  # a read-only cache directory only costs speed
        import tempfile

        os.makedirs(os.path.dirname(cached), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cached), prefix=".ruleset-")
        with os.fdopen(fd, "wb") as out:
            out.write(pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cached)
    return ruleset


def _cache_path(sha: str, contents: list[tuple[str, bytes]]) -> str:
    """The cache key covers the rule bytes, their paths (messages name them), this parser and
    the fold (the cached rules carry folded phrases)."""
    from secscan import normalise
    from secscan.segment import cache_dir

    key = hashlib.sha256(sha.encode())
    for source in (__file__, normalise.__file__, normalise.TABLE_FILE):
        with open(source, "rb") as handle:
            key.update(handle.read())
    for path, _raw in contents:
        key.update(path.encode() + b"\0")
    return os.path.join(cache_dir(), f"ruleset-{key.hexdigest()[:32]}.pickle")


def _parse_all(contents: list[tuple[str, bytes]], sha: str) -> RuleSet:
    versions: list[str] = []
    rules: dict[str, Rule] = {}
    for path, raw in contents:
        version, file_rules = parse_file(path, raw)
        versions.append(version)
        for rule in file_rules:
            rules[rule.id] = rule  # a later directory replaces a rule by id
    version = max(versions, key=_version_key)
    return RuleSet(version=version, sha256=sha, rules=tuple(rules.values()))


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


def parse_file(path: str, raw: bytes) -> tuple[str, list[Rule]]:
    import tomllib  # only on a cache miss

    where = str(path)
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RuleError(where, None, None, "文件不是 UTF-8 编码 / not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(where, None, None, f"TOML 语法错误 / TOML syntax: {exc}") from None
    _reject_unknown(where, None, None, doc, _FILE_KEYS)
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise RuleError(where, None, "meta", "应为表 / must be a table")
    _reject_unknown(where, None, "meta", meta, _META_KEYS)
    version = meta.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise RuleError(where, None, "meta.version", "应为 YYYY.M.D 形式的版本 / must be YYYY.M.D")
    entries = doc.get("rule", [])
    if not isinstance(entries, list):
        raise RuleError(where, None, "rule", "应为 [[rule]] 数组 / must be an array of tables")
    seen: set[str] = set()
    rules = []
    for entry in entries:
        rule = parse_rule(where, entry)
        if rule.id in seen:
            raise RuleError(where, rule.id, "id", "规则编号重复 / duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    return version, rules


def parse_rule(where: str, entry: Any) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(where, None, None, "规则应为表 / a rule must be a table")
    rid = entry.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise RuleError(where, str(rid) if rid else None, "id", "应为小写字母、数字和连字符 / lower-case a-z0-9 and '-'")
    _reject_unknown(where, rid, None, entry, _RULE_KEYS)
    get = _Getter(where, rid, entry)
    kinds = [k for k in KINDS_OF_MATCH if k in entry]
    if len(kinds) != 1:
        raise RuleError(where, rid, "keywords|pattern|validator|observation", "必须且只能有其中一项 / exactly one is required")
    kind = kinds[0]
    keywords = get.str_list("keywords") if kind == "keywords" else ()
    if kind == "keywords" and not keywords:
        raise RuleError(where, rid, "keywords", "不能为空 / must not be empty")
    pattern = get.text("pattern") if kind == "pattern" else None
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RuleError(where, rid, "pattern", f"正则表达式错误 / bad regex: {exc}") from None
    triggers = get.str_list("triggers", required=False)
    if triggers and kind != "pattern":
        raise RuleError(where, rid, "triggers", "只能与 pattern 同用 / only with pattern")
    validator = get.text("validator") if kind == "validator" else None
    if validator is not None:
        from secscan.detectors import DETECTORS

        if validator not in DETECTORS:
            known = ", ".join(sorted(DETECTORS))
            raise RuleError(where, rid, "validator", f"未知的检测器 / unknown detector (known: {known})")
    boundary = get.choice("boundary", ("word", "none"), "word" if kind == "keywords" else "none")
    examples = get.str_list("examples", required=kind != "observation")
    counter = get.str_list("counter_examples", required=kind != "observation")
    context = get.context()
    allow = get.str_list("allow", required=False)
    return Rule(
        id=rid,
        name=get.text("name"),
        name_en=get.text("name_en"),
        category=get.enum("category", Category),
        severity=get.enum("severity", Severity),
        message=get.text("message"),
        message_en=get.text("message_en"),
        keywords=keywords,
        pattern=pattern,
        triggers=triggers,
        validator=validator,
        observation=get.text("observation") if kind == "observation" else None,
        boundary=boundary,
        context=context,
        allow=allow,
        parts=get.parts(),
        examples=examples,
        counter_examples=counter,
        source=where,
    )


def _folded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    from secscan.normalise import fold_keyword

    return tuple(fold_keyword(p) for p in phrases)


def _reject_unknown(where: str, rid: str | None, field: str | None, table: dict[str, Any], known: set[str]) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        name = f"{field}.{unknown[0]}" if field else unknown[0]
        raise RuleError(where, rid, name, "未知字段 / unknown field")


class _Getter:
    """Typed access to one rule's fields; every failure names file, rule and field."""

    def __init__(self, where: str, rid: str, entry: dict[str, Any]) -> None:
        self.where, self.rid, self.entry = where, rid, entry

    def fail(self, field: str, reason: str) -> RuleError:
        return RuleError(self.where, self.rid, field, reason)

    def text(self, field: str) -> str:
        value = self.entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "必填，应为非空字符串 / required non-empty string")
        return value

    def str_list(self, field: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.entry.get(field)
        if value is None:
            if required:
                raise self.fail(field, "必填，应为非空字符串列表 / required list of strings")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(field, "应为非空字符串列表 / must be a list of non-empty strings")
        if required and not value:
            raise self.fail(field, "不能为空 / must not be empty")
        return tuple(value)

    def choice(self, field: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.entry.get(field, default)
        if value not in allowed:
            raise self.fail(field, f"应为 {' | '.join(allowed)} / must be one of {', '.join(allowed)}")
        return str(value)

    def enum(self, field: str, enum: type[Category] | type[Severity]) -> Any:
        value = self.entry.get(field)
        try:
            return enum(str(value)) if isinstance(value, str) else enum("")
        except ValueError:
            allowed = " | ".join(e.value for e in enum)
            raise self.fail(field, f"应为 {allowed} / must be one of {allowed}") from None

    def context(self) -> Context:
        value = self.entry.get("context")
        if value is None:
            return Context()
        if not isinstance(value, dict):
            raise self.fail("context", "应为表 / must be a table")
        _reject_unknown(self.where, self.rid, "context", value, _CONTEXT_KEYS)
        sub = _Getter(self.where, self.rid, value)
        window = value.get("window", 20)
        if not isinstance(window, int) or not 1 <= window <= 200:
            raise self.fail("context.window", "应为 1–200 的整数 / must be an integer 1-200")
        ctx = Context(
            require=sub.str_list("require", required=False),
            forbid=sub.str_list("forbid", required=False),
            window=window,
        )
        if not ctx.require and not ctx.forbid:
            raise self.fail("context", "require 与 forbid 至少一项 / needs require or forbid")
        return ctx

    def parts(self) -> frozenset[Part] | None:
        value = self.entry.get("parts")
        if value is None:
            return None
        names = self.str_list("parts")
        try:
            return frozenset(Part(n) for n in names)
        except ValueError:
            allowed = " | ".join(p.value for p in Part)
            raise self.fail("parts", f"应为 {allowed} / must be among {allowed}") from None
