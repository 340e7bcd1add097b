#!/bin/sh
# secscan pre-commit hook: installed by `secscan hook install`, removed by `secscan hook uninstall`.
# secscan-hook-marker: 5c1f0e6a (secscan recognises its own hook by this line; keep it)
#
# Checks the staged content (the blobs in the index, not the working tree) of every page and
# attachment the commit adds, modifies or renames; a finding at or above --fail-on (default:
# block) stops the commit. Reviewed findings in .secscan-baseline.json at the top of the
# repository only inform. A hook that was here before runs first (pre-commit.legacy).
INSTALL_PYTHON=@PYTHON@

HERE="$(cd "$(dirname "$0")" && pwd)"
status=0
if [ -x "$HERE/pre-commit.legacy" ]; then
    "$HERE/pre-commit.legacy" "$@" || status=$?
fi

set -- scan --staged
if [ -f .secscan-baseline.json ]; then
    set -- "$@" --baseline .secscan-baseline.json
fi

if [ -x "$INSTALL_PYTHON" ]; then
    "$INSTALL_PYTHON" -m secscan "$@" || status=$?
elif command -v secscan > /dev/null 2>&1; then
    secscan "$@" || status=$?
else
    echo "secscan: 错误: 找不到 secscan（安装钩子时的 Python：$INSTALL_PYTHON），提交已阻止 / secscan not found, commit blocked" >&2
    exit 1
fi
exit $status
