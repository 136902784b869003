"""The document model: frozen pydantic types shared by every stage, with no I/O and no NLP."""

from jdcheck.model.blocks import Block, RawDocument, SourceInfo
from jdcheck.model.document import (
    Acknowledgment,
    AgreementBlock,
    ApprovalBlock,
    Clause,
    DateField,
    Document,
    Evidence,
    Jurisdiction,
    NameField,
    OrderRef,
    Section,
    Signatory,
    SignatureField,
    TextField,
)
from jdcheck.model.findings import CATEGORIES, Finding, severity_rank
from jdcheck.model.results import FileError, FileResult, ScanResult, Suppressed
from jdcheck.model.settings import Settings, Waiver
from jdcheck.model.span import Diagnostic, Span
from jdcheck.model.summary import Summary, summarize

SCHEMA_VERSION = "1.0"

__all__ = [
    "CATEGORIES",
    "Finding",
    "Settings",
    "severity_rank",
    "SCHEMA_VERSION",
    "Acknowledgment",
    "AgreementBlock",
    "ApprovalBlock",
    "Block",
    "Clause",
    "DateField",
    "Diagnostic",
    "Document",
    "Evidence",
    "FileError",
    "FileResult",
    "Jurisdiction",
    "NameField",
    "OrderRef",
    "RawDocument",
    "ScanResult",
    "Section",
    "SignatureField",
    "Signatory",
    "SourceInfo",
    "Span",
    "TextField",
    "Summary",
    "Suppressed",
    "Waiver",
    "summarize",
]
