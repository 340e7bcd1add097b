"""Plan the quality corpus: genre skeletons, negatives, and where each plant goes.

Everything is drawn from one seeded `random.Random`, so the plan (and the truth written from it)
is the same on every run. Slots cycle per format so that every part of a file (header, comment,
revision, annotation, attribute …) receives its share of plants.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.corpus.plants import MAKERS, Plant, bad_id, make_uscc
from bench.corpus.prose import CITIES, GENRES, NAMES, NEGATIVES, TOPICS, UNITS

PLAN = (
    ("txt", 30),
    ("md", 30),
    ("html-utf8", 30),
    ("html-gb18030", 30),
    ("docx", 60),
    ("pdf", 40),
)
CLEAN_SHARE = 0.2  # documents with no plant at all: they must pass
SEED = 20261128

# Where a plant may go in each format, cycled so that every part gets its share. "body" covers
# running text, the 版头 lines, tables and (docx) text boxes.
SLOTS: dict[str, tuple[str, ...]] = {
    "txt": ("body",),
    "md": ("body",),
    "html": ("body", "attribute", "body", "hidden", "comment"),
    "docx": ("body", "header", "comment", "body", "revision", "footer", "hidden", "textbox"),
    "pdf": ("body", "annotation", "body", "redact"),
}
PART_OF = {"textbox": "body", "redact": "hidden"}
# Parts of a file that hold one plant at most (the builders give one comment, one header …).
SINGLE = frozenset({"header", "footer", "comment", "annotation", "redact"})
REVIEWER = "李某"  # author of the planted comment
EDITOR = "周某"  # author of the planted tracked deletion


@dataclass
class Item:
    """A truth record: what must be found, where."""

    category: str
    part: str
    severity: str
    variant: str
    text: str | None  # None: a finding about the part itself (comments present, author name)


@dataclass
class Doc:
    file: str
    kind: str  # txt | md | html | docx | pdf
    encoding: str | None
    genre: str
    top: list[str] = field(default_factory=list)
    title: str = ""
    title_suffix: str = ""
    opening: str = ""
    paras: list[str] = field(default_factory=list)
    split_runs: list[tuple[str, ...]] = field(default_factory=list)  # docx: paragraphs as runs
    table: list[list[str]] = field(default_factory=list)
    table_planted: bool = False
    end: list[str] = field(default_factory=list)
    signature: str = ""
    extra: dict[str, list[str]] = field(default_factory=dict)  # part slot -> texts
    items: list[Item] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)


def fill(template: str, rng: random.Random, city: str, unit: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS),
        city=city,
        unit=unit,
        year=2025,
        next=2026,
        n=rng.randint(3, 19),
        name=rng.choice(NAMES),
    )


def skeleton(rng: random.Random, file: str, kind: str, encoding: str | None) -> Doc:
    genre = rng.choice(sorted(GENRES))
    bank = GENRES[genre]
    city, unit = rng.choice(CITIES), rng.choice(UNITS)
    doc = Doc(file=file, kind=kind, encoding=encoding, genre=genre)
    doc.title = fill(rng.choice(bank["title"]), rng, city, unit)
    doc.opening = fill(rng.choice(bank["open"]), rng, city, unit)
    body = rng.sample(bank["body"], k=min(len(bank["body"]), rng.randint(4, 7)))
    doc.paras = [fill(s, rng, city, unit) for s in body]
    negatives = rng.sample(NEGATIVES, k=rng.randint(2, 4))
    if rng.random() < 0.35:
        negatives.append(f"{city}{unit}统一社会信用代码：{make_uscc(rng)}。")
    if rng.random() < 0.3:
        negatives.append(f"档案编号：{bad_id(rng)}。")
    for sentence in negatives:
        doc.paras.insert(rng.randint(0, len(doc.paras)), sentence)
    doc.negatives = negatives
    if genre in ("统计表", "人事任免") or rng.random() < 0.3:
        doc.table = [["序号", "单位", "项目", "完成率", "备注"]] + [
            [str(i), rng.choice(CITIES), rng.choice(TOPICS), f"{rng.randint(80, 120)}%", "—"]
            for i in range(1, rng.randint(3, 6))
        ]
    doc.signature = f"{city}{unit}"
    return doc


def place(doc: Doc, plant: Plant, slot: str, rng: random.Random) -> None:
    """Put `plant` into `doc` at `slot` and record what must be found."""
    part = PART_OF.get(slot, slot)
    carried = plant.sentence or plant.text
    if slot != "body":
        text = plant.text.replace("\n", "")
        plant = Plant(
            plant.category, plant.severity, text, plant.variant, plant.sentence.replace("\n", "")
        )
        doc.extra.setdefault(slot, []).append(plant.sentence or plant.text)
        _structure_items(doc, slot)
    elif plant.where == "top":
        doc.top.append(carried)
        if plant.runs:
            doc.split_runs.append(plant.runs)
    elif plant.where == "title":
        doc.title_suffix = carried
    elif plant.where == "table" and not _fits_table(doc, plant):
        doc.paras.insert(rng.randint(0, len(doc.paras)), carried)  # the table holds other plants
    elif plant.where == "table":
        if plant.category == "pii" and (not doc.table or doc.table[0][3] != _column(plant)):
            doc.table = [["序号", "姓名", "性别", _column(plant), "所在单位"]]
        table = doc.table or [["序号", "单位", "项目", "完成率", "备注"]]
        doc.table_planted = True
        if plant.category == "pii":
            row = [rng.choice(NAMES), rng.choice("男女"), plant.text, rng.choice(CITIES)]
        else:
            row = [rng.choice(CITIES), rng.choice(TOPICS), f"{rng.randint(80, 120)}%", plant.text]
        table.append([str(len(table)), *row])
        doc.table = table
    elif plant.where == "end":
        doc.end.append(carried)
    else:
        doc.paras.insert(rng.randint(0, len(doc.paras)), carried)
    doc.items.append(Item(plant.category, part, plant.severity, plant.variant, plant.text))


def _column(plant: Plant) -> str:
    return "手机号码" if plant.variant.startswith("mobile") else "身份证号"


def _fits_table(doc: Doc, plant: Plant) -> bool:
    """A planted table row needs a table of its kind, or one that no plant has used yet."""
    if not doc.table_planted:
        return True
    wanted = _column(plant) if plant.category == "pii" else "完成率"
    return doc.table[0][3] == wanted


def _structure_items(doc: Doc, slot: str) -> None:
    """The findings a hidden part brings by itself (rules/structure.toml)."""
    if doc.kind == "docx" and slot in ("comment", "revision"):
        doc.items.append(Item("hidden-content", slot, "warn", "structure", None))
        doc.items.append(Item("metadata", slot, "warn", "structure-author", None))
    elif doc.kind == "docx" and slot == "hidden":
        doc.items.append(Item("hidden-content", "hidden", "warn", "structure", None))
    elif doc.kind == "pdf" and slot == "annotation":
        doc.items.append(Item("hidden-content", "annotation", "warn", "structure", None))
    elif doc.kind == "pdf" and slot == "redact":
        doc.items.append(Item("hidden-content", "hidden", "warn", "structure", None))


def fits(plant: Plant, slot: str, kind: str) -> bool:
    """Plants that make sense in a slot: an attribute holds a link or a mark, not an ID."""
    if slot == "attribute":
        return (
            plant.category in ("internal-address", "classification-mark")
            and plant.where != "title"
        )
    if slot == "textbox":
        return plant.category != "internal-address"
    if plant.where == "table" and slot != "body":
        return False
    return not (plant.variant == "star-split" and kind == "pdf" and slot != "body")


def plan_documents(rng: random.Random) -> list[Doc]:
    docs: list[Doc] = []
    makers = list(MAKERS)
    turn = 0
    for kind_spec, count in PLAN:
        kind, _, enc = kind_spec.partition("-")
        encoding = {"utf8": "utf-8", "gb18030": "gb18030"}.get(
            enc, "utf-8" if kind in ("txt", "md") else None
        )
        slots = SLOTS[kind]
        for _ in range(count):
            number = len(docs) + 1
            suffix = {"txt": "txt", "md": "md", "html": "html", "docx": "docx", "pdf": "pdf"}[kind]
            doc = skeleton(rng, f"{kind_spec}/doc{number:03d}.{suffix}", kind, encoding)
            if rng.random() >= CLEAN_SHARE:
                used: set[str] = set()
                for _ in range(rng.randint(1, 4)):
                    slot = slots[turn % len(slots)]
                    plant = makers[turn % len(makers)](rng)
                    turn += 1
                    if (slot in used and slot in SINGLE) or not fits(plant, slot, kind):
                        slot = "body"
                    if plant.where == "title" and doc.title_suffix:
                        continue
                    used.add(slot)
                    place(doc, plant, slot, rng)
                    if turn % len(makers) == 0:
                        rng.shuffle(makers)
            docs.append(doc)
    return docs


def verdict(doc: Doc) -> str:
    ranks = {"warn": 1, "block": 2}
    worst = max((ranks[i.severity] for i in doc.items), default=0)
    return ("pass", "warn", "block")[worst]
