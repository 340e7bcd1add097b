"""Parse untrusted XML (OOXML parts, XMP packets) with entities, DTDs and the network off.

OOXML and XMP never need a DTD, so any DOCTYPE is refused outright: that closes billion-laughs
expansion and external entities (file reads, network) before libxml2 sees them, and the parser
is configured so that even a DOCTYPE we failed to spot cannot expand or fetch anything.
"""

from __future__ import annotations

from typing import Any

from secscan.errors import ExtractError

# "<!D" opens a DOCTYPE, "<!E" an entity declaration; comments ("<!-") and CDATA ("<![") pass.
_DOCTYPE_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!D", "<!E")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def parse(data: bytes, name: str) -> Any:
    """The root element of `data`; ExtractError when it has a DTD or is not well formed."""
    from lxml import etree  # lazy: the text-only path never imports lxml

    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise ExtractError("xml_dtd", name=name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractError("corrupt", detail=f"{name}: {exc}") from None
    if root is None:
        raise ExtractError("corrupt", detail=f"{name}: empty XML")
    if root.getroottree().docinfo.doctype:
        raise ExtractError("xml_dtd", name=name)
    return root
