"""The pipeline's folders import only downward: ingest → structure → classify → facts → rules → report.

docs/architecture.md draws the same order; a lower stage never imports a higher one, so each stage can be
read and tested with only what comes before it.
"""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "checker"

# Rank of each part of the package; a module may import only from parts of equal or lower rank.
RANKS = {
    "model": 0, "errors": 0, "library": 0, "text": 0,
    "ingest": 1, "structure": 2, "classify": 3, "facts": 4, "rules": 5, "kinds": 6, "report": 6,
    "engine": 7, "seal_evidence": 7, "review": 8, "draft": 8, "batch": 8,
    "evaluate": 9, "stylematrix": 9, "docs": 9, "cli": 9, "__init__": 9, "__main__": 9,
}


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        yield ".".join(rel.parts), path


def imports_of(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            if node.module == "checker":
                for alias in node.names:
                    yield f"checker.{alias.name}"
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("checker."):
                    yield alias.name


def test_every_part_has_a_rank():
    unknown = {part_of(m) for m, _ in modules()} - RANKS.keys()
    assert not unknown, f"new top-level part(s) {unknown}: give them a rank here and in docs/architecture.md"


@pytest.mark.parametrize("module,path", list(modules()), ids=[m for m, _ in modules()])
def test_no_import_from_a_higher_stage(module, path):
    own = RANKS[part_of(module)]
    upward = [imp for imp in imports_of(path) if RANKS.get(part_of(imp), 0) > own]
    assert not upward, f"{module} (rank {own}) imports higher stage(s): {upward}"


def test_the_check_detects_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from checker.engine import check\n", encoding="utf-8")
    assert [i for i in imports_of(bad) if RANKS[part_of(i)] > RANKS["rules"]] == ["checker.engine"]
