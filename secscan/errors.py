"""Exception tree. The library raises these; only `secscan.cli` turns them into exit codes.

Each error carries a message key (see `secscan.messages`) and its parameters, so that the CLI
can say it in Chinese or, with ``--lang en``, in English.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any


class SecscanError(Exception):
    """Base of every expected error; `key` names the message in `secscan.messages`."""

    exit_code = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str = "zh") -> str:
        from secscan.messages import text

        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class UsageError(SecscanError):
    """A bad flag or argument (exit 2)."""


class ConfigError(SecscanError):
    """A broken config file or value (exit 2)."""


class RuleError(SecscanError):
    """A broken rule file: names the file, the rule and the field (exit 2)."""

    def __init__(self, path: str, rule_id: str | None, field: str | None, reason: str) -> None:
        super().__init__(
            "rule_error", path=path, rule=rule_id or "-", field=field or "-", reason=reason
        )
        self.path, self.rule_id, self.field, self.reason = path, rule_id, field, reason


class ExtractError(SecscanError):
    """A file that cannot be read fully: its status becomes error, the run goes on (exit 1)."""

    exit_code = 1


class LedgerError(SecscanError):
    """The ledger cannot be read or written; never leaves a partial write (exit 2)."""


class GitError(SecscanError):
    """git is missing, this is no repository, a revision is unknown, or the staged content
    could not be read (exit 2: the check did not happen, which is neither a pass nor a leak)."""


class BaselineError(SecscanError):
    """A baseline file that cannot be read or is not a secscan baseline (exit 2, not 1:
    "a leak was found" and "the tool could not run" must stay distinguishable).
    `reason` is itself a message key, rendered in the same language as the whole line."""

    def __init__(self, path: str, reason: str, /, **params: Any) -> None:
        super().__init__("baseline_error", path=path, reason=reason)
        self.path, self.reason, self.reason_params = path, reason, params

    def render(self, lang: str = "zh") -> str:
        from secscan.messages import text

        why = text(self.reason, lang, **self.reason_params)
        return text("baseline_error", lang, path=self.path, reason=why)


class HookError(SecscanError):
    """The git hook cannot be installed or removed as asked (a foreign hook in the way; exit 2)."""
