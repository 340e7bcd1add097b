"""secscan: 保密审查自查 — confidentiality self-audit of drafts before they go on a government website.

Public API: `scan_paths`, `scan_bytes`, `load_ruleset`, the model types and `__version__`.
"""

from __future__ import annotations

__version__ = "0.1.0"
