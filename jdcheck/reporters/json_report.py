"""JSON output of a scan or of one parsed document."""

from __future__ import annotations

import json
from typing import Any

from jdcheck.model import Document, ScanResult, summarize


def document_json(doc: Document) -> str:
    """The full model of one document."""
    return doc.model_dump_json(indent=2)


def scan_payload(result: ScanResult) -> dict[str, Any]:
    """The scan as plain data: per file a summary or an error."""
    files = []
    for f in result.files:
        entry: dict[str, Any] = {"path": f.path}
        if f.error is not None:
            entry["error"] = f.error.model_dump()
        if f.document is not None:
            entry["sha256"] = f.document.source.sha256
            entry["summary"] = summarize(f.document)
        files.append(entry)
    return {"schema_version": result.schema_version, "files": files,
            "totals": {"files": len(result.files), "unreadable": len(result.unreadable)}}


def scan_json(result: ScanResult) -> str:
    """JSON text of the scan."""
    return json.dumps(scan_payload(result), ensure_ascii=False, indent=2)
