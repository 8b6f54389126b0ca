"""Every sample file the tests read has its expected parse beside it (tests/golden.py says where and how).

A change in what a parser returns fails here with a diff of the golden text; when the change is meant,
`python -m pytest tests/formats/test_golden.py --update-golden` rewrites the golden files (review the diff
before committing). Where a sample's project publishes figures (or a person counted them), the golden text is
held to them too, with or without the flag.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests import golden
from tests.corpus import FEC_CORPUS, ROOT, fec_check_files, fec_samples

EXAMPLES = ROOT / "docs" / "examples"

#: Every sample file and the format its parser is opened with. The FEC corpus is listed by folder (a file
#: copied there is covered at once); the documentation's examples by name.
SAMPLES: dict[Path, str] = {
    **{path: "FEC" for path in fec_samples()},
    **{path: "FEC" for path in fec_check_files()},
    EXAMPLES / "123456782FEC20261231.txt": "FEC",
    EXAMPLES / "123456782FEC20261231_montant_sens.txt": "FEC",
    EXAMPLES / "fec_with_errors.txt": "FEC",
    EXAMPLES / "EXEMPLE.TRA": "TRA",
    EXAMPLES / "entries.json": "JSON",
    ROOT / "tests" / "fixtures" / "custom" / "ventes-lefevre.csv": "CUSTOM",  # its layout in a sidecar
}
IDS = [str(path.relative_to(ROOT)) for path in SAMPLES]


def test_every_sample_is_listed() -> None:
    # 8 FEC corpus files, 24 FEC check files (5 of them a public validator's), 5 documentation examples, 1 custom
    assert len(SAMPLES) == 38
    assert all(path.is_file() for path in SAMPLES)
    samples_in_examples = {p for p in EXAMPLES.iterdir() if p.suffix.lower() in (".txt", ".tra", ".json")}
    assert samples_in_examples == {p for p in SAMPLES if p.parent == EXAMPLES}


def test_no_stray_golden_file() -> None:
    """A golden or expectation file whose sample is gone (renamed, deleted) is an error, not a leftover."""
    names = {p.name for p in SAMPLES}
    folders = {golden.golden_dir(p) for p in SAMPLES}
    strays = []
    for folder in folders:
        for path in folder.iterdir():
            sample, dot, kind = path.name.rpartition(".")[0].rpartition(".")
            if sample not in names or f"{dot}{kind}" not in (".golden", ".expected", ".settings"):
                strays.append(path)
    assert strays == []


@pytest.mark.parametrize(("sample", "fmt"), list(SAMPLES.items()), ids=IDS)
def test_golden(sample: Path, fmt: str, update_golden: bool) -> None:
    text = golden.parse_sample(sample, fmt)
    path = golden.golden_file(sample)
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file for {sample}: run pytest {__file__} --update-golden"
    kept = path.read_text(encoding="utf-8")
    if kept != text:
        diff = difflib.unified_diff(
            kept.splitlines(), text.splitlines(), f"{path.name} (golden)", f"{sample.name} (parsed now)",
            lineterm="", n=1,
        )  # fmt: skip
        pytest.fail("the parse differs from the golden file (--update-golden if meant):\n" + "\n".join(diff))
    expected = golden.expectations(sample)
    if expected is not None:
        assert golden.check_expected(kept, expected) == []


def test_samples_with_published_figures() -> None:
    """The samples whose project publishes figures (or that a person counted) are all held to them."""
    with_figures = sorted(p.name for p in SAMPLES if golden.expectations(p) is not None)
    assert len(with_figures) == 38, with_figures


def test_expectations_catch_a_wrong_parse() -> None:
    """The check itself can fail: one amount changed in a golden text breaks its published total."""
    sample = FEC_CORPUS / "rezdevops-fec-check__fec-minimal-conforme.txt"
    kept = golden.golden_file(sample).read_text(encoding="utf-8")
    expected = golden.expectations(sample)
    assert expected is not None and golden.check_expected(kept, expected) == []
    wrong = kept.replace("debit=120000", "debit=12000", 1)
    assert wrong != kept
    problems = golden.check_expected(wrong, expected)
    assert any(p.startswith("debit:") for p in problems), problems
