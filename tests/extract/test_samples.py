"""samples/ is what tools/make_samples.py writes, and its leaks are where they should be."""

from __future__ import annotations

import importlib.util

from secscan.extract import decide_format, extract
from secscan.extract.limits import Limits
from secscan.model import Observation, Part, Segment
from tests.conftest import ROOT, SAMPLES


def load_tool():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "tools/make_samples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(name: str) -> list[Segment | Observation]:
    data = (SAMPLES / name).read_bytes()
    limits = Limits()
    return list(extract(data, decide_format(data, name)[0], limits, limits.deadline()))


def test_samples_are_up_to_date():
    assert load_tool().main(["--check"]) == 0


def test_leaky_samples_carry_their_leaks_and_clean_twins_do_not():
    leaks = {
        "leaky-notice.docx": {"comments", "revisions", "hidden-text", "author"},
        "leaky-notice.pdf": {"covered-text", "annotation"},
        "leaky-page-gbk.html": {"hidden-element"},
    }
    for name, kinds in leaks.items():
        found = {i.kind for i in read(name) if isinstance(i, Observation)}
        assert kinds <= found, name
        twin = {i.kind for i in read(name.replace("leaky", "clean")) if isinstance(i, Observation)}
        assert not kinds & twin, name
    html = "\n".join(i.text for i in read("leaky-page-gbk.html") if isinstance(i, Segment))
    assert "http://192.168.1.20/oa/" in html
    docx = read("leaky-notice.docx")
    assert any(
        i.part is Part.REVISION and "秘密★1年" in i.text for i in docx if isinstance(i, Segment)
    )
