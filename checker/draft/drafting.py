"""One entry point for drafting: answers file or mapping → validated answers → Draft → .docx / Markdown."""
from __future__ import annotations

from checker.draft.clauses import Draft, build  # noqa: F401
from checker.draft.questionnaire import Answers, load_answers, validate  # noqa: F401
from checker.draft.writer import to_docx, to_markdown  # noqa: F401


def draft_docx(data: dict) -> bytes:
    """The .docx for a questionnaire mapping (InputError naming each wrong field)."""
    return to_docx(build(validate(data)))
