"""Where the sample files the tests read live: in the repository (tests/fixtures/corpus), so that a fresh
clone with nothing beside it passes; the team's corpus beside the checkout (../shared/corpus) is an extra
run when present."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEC_CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "fec"
#: Small FEC files with one defect each (or one valid oddity), one per check of docs/formats/fec.md.
FEC_CHECKS = ROOT / "tests" / "fixtures" / "fec_checks"
#: The shared corpus: beside the checkout (a CI clone), else none.
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def fec_samples() -> list[Path]:
    """The FEC sample files, sorted (their golden/ folder of expected parses aside, tests/golden.py)."""
    return sorted(p for p in FEC_CORPUS.iterdir() if p.is_file())


def fec_check_files() -> list[Path]:
    """The one-check FEC files, sorted."""
    return sorted(FEC_CHECKS.glob("*.txt"))
