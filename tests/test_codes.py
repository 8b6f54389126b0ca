"""Every code the backend can emit (parse errors and findings, domain and user errors, GraphQL and HTTP error
codes) has a label in French and in English in the web app (frontend/src/i18n/messages.ts, `issueCode`).

The codes are read from the source, not from a list kept by hand: every UPPER_SNAKE string literal of
backend/ecluse, minus the values of its enums and the few literals below that are not codes. A second,
narrower scan reads the code argument of the calls that raise or build an error; each code it finds must be
in the broad set, so an exclusion can never hide a real code. Notification kinds (PARSE_DONE…) are UPPER_SNAKE
literals too: the web app says them with noteText, so a key of its `note` map counts as their text.

Beyond a label, every error and finding a batch can carry is said in full in both languages from its code and
parameters (`issueText`): each code formats/messages.py writes the English of, and the few a failed batch
carries from elsewhere (FAILURE_CODES).
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend" / "ecluse"
MESSAGES = ROOT / "frontend" / "src" / "i18n" / "messages.ts"

#: What a code looks like: UPPER_SNAKE, or one upper-case word of 4 letters or more (CHRONOLOGY).
CODE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,}")

#: UPPER_SNAKE literals of the backend that are not codes (each one read where it is used).
NOT_CODES = frozenset(
    {
        # Field names of the files read (TRA columns, FEC column names compared upper-cased), used as the
        # `column` of a ParseError or to look a column up, never as its code.
        "AUXILIAIRE_OU_SECTION", "CODE", "DATECOMPTABLE", "ECHEANCE", "GENERAL", "NUMEROPIECE", "SENS",
        "TYPE_CPTE", "TYPE_ECRITURE", "DEBIT", "CREDIT", "MONTANT",
        # Date forms shown in a message (formats/custom/parser.py, formats/dates.py, formats/tra/fields.py).
        "YYYY", "YYYYMMDD", "JJMMAAAA",
        # Unicode normal form (formats/fec.py).
        "NFKD",
        # SQLite pragma values and the Tortoise settings variable (db/config.py).
        "MEMORY", "NORMAL", "TORTOISE_ORM",
        # HTTP: a method and a header value (api/csrf.py, app.py, web/guards.py).
        "POST", "DENY",
        # The demo companies' short codes (demo.py).
        "BMARTIN", "ADURAND",
        # Environment variables the command reads for its language (cli/words.py).
        "ECLUSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG",
    }
)  # fmt: skip

#: Calls that carry a code, and the position of their code argument.
CODE_ARGUMENT = {
    "ParseError": 2,
    "of": 2,
    "DomainError": 0,
    "UserError": 0,
    "Refusal": 1,
    "error_response": 1,
}


def _sources() -> list[ast.Module]:
    files = [p for p in sorted(BACKEND.rglob("*.py")) if "migrations" not in p.relative_to(BACKEND).parts]
    assert len(files) > 50, f"backend sources not found under {BACKEND}"
    return [ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files]


def _is_enum(node: ast.ClassDef) -> bool:
    names = {
        b.id if isinstance(b, ast.Name) else b.attr
        for b in node.bases
        if isinstance(b, ast.Name | ast.Attribute)
    }
    return bool(names & {"Enum", "StrEnum", "IntEnum"})


def _strings(node: ast.expr | None, constants: dict[str, str]) -> set[str]:
    """The strings an expression can evaluate to: a literal, a module constant, either branch of `… if …
    else …` or of `or`, the default of getattr (the test of a condition is not a value)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name):
        return {constants[node.id]} if node.id in constants else set()
    if isinstance(node, ast.IfExp):
        return _strings(node.body, constants) | _strings(node.orelse, constants)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_strings(v, constants) for v in node.values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
        return _strings(node.args[2], constants) if len(node.args) == 3 else set()
    return set()


def _positional(tree: ast.Module) -> set[str]:
    """Codes where the code is written: an error's code argument, `code=…`, a `"code": …` entry, an
    assignment to `code`, a comparison with `….code`."""
    constants = {
        t.id: s.value.value
        for s in tree.body
        if isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant) and isinstance(s.value.value, str)
        for t in s.targets
        if isinstance(t, ast.Name)
    }
    found: set[str] = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Call):
            name = n.func.id if isinstance(n.func, ast.Name) else getattr(n.func, "attr", "")
            at = CODE_ARGUMENT.get(name)
            if at is not None and len(n.args) > at:
                found |= _strings(n.args[at], constants)
            for kw in n.keywords:
                if kw.arg == "code":
                    found |= _strings(kw.value, constants)
        elif isinstance(n, ast.Dict):
            for key, value in zip(n.keys, n.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "code":
                    found |= _strings(value, constants)
        elif isinstance(n, ast.Assign | ast.AnnAssign):
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            if any(isinstance(t, ast.Name) and t.id == "code" for t in targets):
                found |= _strings(n.value, constants)
        elif isinstance(n, ast.Compare) and isinstance(n.left, ast.Attribute) and n.left.attr == "code":
            for right in n.comparators:
                found |= _strings(right, constants)
    return found


@functools.cache
def _scan() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(UPPER_SNAKE literals, enum values, codes found by position) of the whole backend."""
    literals: set[str] = set()
    enums: set[str] = set()
    positional: set[str] = set()
    for tree in _sources():
        for n in ast.walk(tree):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and CODE.fullmatch(n.value):
                literals.add(n.value)
            elif isinstance(n, ast.ClassDef) and _is_enum(n):
                for s in n.body:
                    if isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant):
                        enums.add(str(s.value.value))
        positional |= _positional(tree)
    return frozenset(literals), frozenset(enums), frozenset(positional)


def backend_codes() -> set[str]:
    literals, enums, _ = _scan()
    return set(literals - enums - NOT_CODES)


# --- the web app's texts ------------------------------------------------------------------------------------


def _block(text: str, start: int) -> str:
    """The body of the `{…}` object literal opening at or after `start`: strings, template literals (with
    their `${…}`) and comments are stepped over, so the braces they hold do not count."""
    i = text.index("{", start)
    stack, j = ["{"], i + 1
    while stack:
        assert j < len(text), f"{MESSAGES}: the object literal at offset {i} is not closed"
        c = text[j]
        if stack[-1] == "`":  # inside a template literal
            if c == "\\":
                j += 1
            elif c == "`":
                stack.pop()
            elif text.startswith("${", j):
                stack.append("${")
                j += 1
        elif c in "\"'":
            string = re.compile(rf"{c}(?:[^{c}\\\n]|\\.)*{c}").match(text, j)
            assert string, f"{MESSAGES}: unclosed string at offset {j}"
            j = string.end() - 1
        elif c == "`":
            stack.append("`")
        elif text.startswith("//", j):
            j = text.index("\n", j)
        elif text.startswith("/*", j):
            j = text.index("*/", j) + 1
        elif c == "{":
            stack.append("{")
        elif c == "}":
            stack.pop()
        j += 1
    return text[i + 1 : j - 1]


def _map(lang: str, name: str, text: str | None = None) -> str:
    """The body of the `name: {…}` map in the `const <lang>` block of messages.ts (or of `text`)."""
    text = MESSAGES.read_text(encoding="utf-8") if text is None else text
    heads = list(re.finditer(r"^const (fr|en)\b[^=]*=\s*\{", text, re.M))
    assert [h[1] for h in heads] == ["fr", "en"], f"{MESSAGES}: expected `const fr = {{` then `const en = {{`"
    start = heads[0].start() if lang == "fr" else heads[1].start()
    end = heads[1].start() if lang == "fr" else len(text)
    found = re.search(rf"^\s*{name}\s*:\s*\{{", text[start:end], re.M)
    assert found, f"{MESSAGES}: no `{name}: {{` map in the {lang} block"
    return _block(text, start + found.start())


#: One `CODE: "label",` of issueCode, after the blanks and comments before it.
_PAIR = re.compile(
    r"""(?:\s+|//[^\n]*|/\*.*?\*/)*["']?([A-Z][A-Z0-9_]*)["']?\s*:\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*,?""",
    re.S,
)
_REST = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)


def labels(lang: str) -> dict[str, str]:
    """issueCode of one language: code → label, the labels that are empty left out."""
    body, at, found = _map(lang, "issueCode"), 0, {}
    while (pair := _PAIR.match(body, at)) is not None:
        found[pair[1]] = pair[2][1:-1]
        at = pair.end()
    rest = body[at:]
    assert not _REST.sub("", rest), (
        f"{MESSAGES}: {lang}.issueCode must map codes to string literals; cannot read {rest.strip()[:80]!r}"
    )
    return {code: label for code, label in found.items() if label.strip()}


#: The key of an entry of an object literal, after the blanks and comments before it.
_KEY = re.compile(r"""(?:\s+|//[^\n]*|/\*.*?\*/)*["']?([A-Za-z_$][\w$]*)["']?\s*:""", re.S)


def _keys(body: str) -> set[str]:
    """The keys of an object literal's body, at its own level: nested objects, calls, strings, template
    literals (with their `${…}`) and comments are stepped over, so what they hold is never taken for a key."""
    keys: set[str] = set()
    stack: list[str] = []
    j, entry = 0, True
    while j < len(body):
        if entry and not stack:
            entry = False
            if (key := _KEY.match(body, j)) is not None:
                keys.add(key[1])
                j = key.end()
                continue
        c = body[j]
        if stack and stack[-1] == "`":  # inside a template literal
            if c == "\\":
                j += 1
            elif c == "`":
                stack.pop()
            elif body.startswith("${", j):
                stack.append("${")
                j += 1
        elif c in "\"'":
            string = re.compile(rf"{c}(?:[^{c}\\\n]|\\.)*{c}").match(body, j)
            assert string, f"{MESSAGES}: unclosed string at offset {j} of a map"
            j = string.end() - 1
        elif c == "`":
            stack.append("`")
        elif body.startswith("//", j):
            j = body.find("\n", j) if "\n" in body[j:] else len(body)
        elif body.startswith("/*", j):
            j = body.index("*/", j) + 1
        elif c in "{([":
            stack.append(c)
        elif c in "})]":
            stack.pop()
        elif c == "," and not stack:
            entry = True
        j += 1
    return keys


def sentences(lang: str, text: str | None = None) -> set[str]:
    """The codes of `issueText` in one language: those the web app says in full from their params."""
    return _keys(_map(lang, "issueText", text))


def notification_kinds(lang: str) -> set[str]:
    """Keys of the `note` map: notification kinds, which the web app says with noteText, not issueCode."""
    return set(re.findall(r"^\s*([A-Z][A-Z0-9_]*)\s*:", _map(lang, "note"), re.M))


def layout_reasons(lang: str) -> set[str]:
    """Why a layout is refused (BAD_LAYOUT's `reason` param): keys of `lay.problem`, and INVALID_OPTION, said
    by `lay.invalid` from the kind of error. Said at the option they name, not by issueCode."""
    return set(re.findall(r"^\s*([A-Z][A-Z0-9_]*)\s*:", _map(lang, "problem"), re.M)) | {"INVALID_OPTION"}


# --- the tests ----------------------------------------------------------------------------------------------


def test_every_code_the_backend_can_emit_has_a_label_in_both_languages() -> None:
    codes = backend_codes()
    assert len(codes) >= 100, sorted(codes)
    missing = {
        lang: sorted(codes - labels(lang).keys() - notification_kinds(lang) - layout_reasons(lang))
        for lang in ("fr", "en")
    }
    assert missing == {"fr": [], "en": []}, "codes without a label in messages.ts (issueCode): " + "; ".join(
        f"{lang}: {', '.join(unlabelled)}" for lang, unlabelled in missing.items() if unlabelled
    )


def test_the_codes_written_as_an_error_code_are_all_seen() -> None:
    """The broad scan misses none of the codes passed where a code goes: the exclusions hide no code."""
    _, _, positional = _scan()
    assert len(positional) >= 80, sorted(positional)
    assert {
        "UNBALANCED_ENTRY",
        "NOT_FOUND",
        "BAD_USER_INPUT",
        "QUERY_TOO_LARGE",
        "INTERNAL_SERVER_ERROR",
    } <= positional
    assert sorted(c for c in positional if not CODE.fullmatch(c)) == [], "a code that is not UPPER_SNAKE"
    assert sorted(positional - backend_codes()) == []


def test_every_exclusion_is_a_literal_of_the_backend() -> None:
    """The list of literals that are not codes stays as short as the source needs."""
    literals, enums, _ = _scan()
    assert sorted(NOT_CODES - literals) == [], "no longer in the backend: drop it from NOT_CODES"
    assert sorted(NOT_CODES & enums) == [], "already an enum value: drop it from NOT_CODES"


def test_the_labels_are_read_from_both_languages() -> None:
    fr, en = labels("fr"), labels("en")
    assert fr["UNBALANCED_ENTRY"] == "Écriture déséquilibrée"
    assert en["UNBALANCED_ENTRY"] == "Unbalanced entry"
    assert fr.keys() == en.keys()
    assert {
        "PARSE_DONE",
        "PARSE_DONE_WITH_ERRORS",
        "PARSE_FAILED",
        "VALIDATED",
        "REJECTED",
    } <= notification_kinds("fr") & notification_kinds("en")


# --- the English of parse errors is derived from their code and parameters ----------------------------------


def _parse_error_calls() -> list[tuple[str, ast.Call]]:
    """(file, call) for every `ParseError(…)` and `ParseError.of(…)` of the backend."""
    found = []
    for path in sorted(BACKEND.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if (isinstance(func, ast.Name) and func.id == "ParseError") or (
                isinstance(func, ast.Attribute)
                and func.attr == "of"
                and isinstance(func.value, ast.Name)
                and func.value.id == "ParseError"
            ):
                found.append((str(path.relative_to(BACKEND)), node))
    return found


def test_no_parse_error_is_built_from_a_sentence() -> None:
    """Every parse error and finding goes through ParseError.of: its message is written from its code and
    parameters (formats/messages.py), so the web app can say the same in French from the parameters."""
    calls = _parse_error_calls()
    assert len(calls) >= 100, len(calls)
    direct = sorted(
        f"{where}:{call.lineno}"
        for where, call in calls
        if isinstance(call.func, ast.Name) and where != "formats/records.py"
    )
    assert direct == [], "ParseError built with a message of its own (use ParseError.of)"


def test_every_code_given_to_parse_error_of_has_an_english_template() -> None:
    from ecluse.formats.messages import has_text

    codes = {
        call.args[2].value
        for _, call in _parse_error_calls()
        if isinstance(call.func, ast.Attribute)
        and len(call.args) > 2
        and isinstance(call.args[2], ast.Constant)
        and isinstance(call.args[2].value, str)
    }
    assert len(codes) >= 80, sorted(codes)
    assert sorted(code for code in codes if not has_text(code)) == []


def test_every_code_the_backend_can_emit_is_documented_for_partners() -> None:
    """A partner developer finds every code in docs/ (docs/api.md and the format pages)."""
    docs = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md")))
    assert sorted(code for code in backend_codes() if f"`{code}`" not in docs) == []


# --- every error and finding is said in the user's language from its code and params ----------------------

#: Codes a batch's errors carry that are raised outside formats/messages.py (imports/receive.py, stage.py):
#: the first error of a file kept FAILED before it was read, which the console and the notifications say.
FAILURE_CODES = frozenset(
    {"EMPTY_FILE", "UNKNOWN_FORMAT", "UNSUPPORTED_FORMAT", "LAYOUT_REQUIRED", "IDEMPOTENCY_CONFLICT", "INTERNAL_ERROR",
     "NO_DEFAULT_JOURNAL"}
)  # fmt: skip


def _templated() -> set[str]:
    """The codes formats/messages.py writes the English of: the keys of its template table."""
    from ecluse.formats.messages import _TEXTS, has_text

    codes = set(_TEXTS)
    assert all(has_text(code) for code in codes)
    return codes


def missing_sentences(text: str | None = None) -> dict[str, list[str]]:
    """Per language, the codes of errors and findings that messages.ts (or `text`) has no sentence for."""
    codes = _templated() | FAILURE_CODES
    return {lang: sorted(codes - sentences(lang, text)) for lang in ("fr", "en")}


def test_every_error_and_finding_has_a_sentence_in_both_languages() -> None:
    """A person reads every error and finding in their language, rendered from its code and parameters
    (errorText.ts `issueDetailText`): each code messages.py writes the English of has an `issueText` entry in
    French and in English; the server's `message` is only a fallback for rows older than their parameters."""
    assert len(_templated()) >= 100, sorted(_templated())
    missing = missing_sentences()
    assert missing == {"fr": [], "en": []}, (
        "codes without a sentence in messages.ts (issueText): "
        + "; ".join(f"{lang}: {', '.join(codes)}" for lang, codes in missing.items() if codes)
    )


def test_a_missing_sentence_is_found() -> None:
    """The check reads the keys of issueText only: a code taken out of one language is named, and a code
    written inside a sentence or a nested map is no key."""
    text = MESSAGES.read_text(encoding="utf-8")
    en_at = re.search(r"^const en\b", text, re.M)
    assert en_at is not None
    head, tail = text[: en_at.start()], text[en_at.start() :]
    key = re.search(r"^\s*IMPORT_ORDER: \(p\) =>", tail[tail.index("issueText: {") :], re.M)
    assert key is not None
    at = tail.index("issueText: {") + key.start()
    doctored = head + tail[:at] + "\n    IMPORT_ORDER_GONE: (p) =>" + tail[at + len(key[0]) :]
    assert missing_sentences(doctored) == {"fr": [], "en": ["IMPORT_ORDER"]}
    both = sentences("fr") & sentences("en")
    assert {"UNBALANCED_ENTRY", "BAD_AMOUNT", "REQUIRED", "RANGES_OVERLAP"} <= both
    assert not sentences("fr") & {"text", "has", "date", "amount", "reason", "debit", "G", "D", "C"}


CLI_LABELS = BACKEND / "cli" / "issue_labels.py"


def _cli_labels_source() -> str:
    """backend/ecluse/cli/issue_labels.py as the web app's labels make it."""
    import json

    head = CLI_LABELS.read_text(encoding="utf-8").split("LABELS: dict", 1)[0]
    out = [head.rstrip("\n"), "", "LABELS: dict[str, dict[str, str]] = {"]
    for lang in ("fr", "en"):
        out.append(f'    "{lang}": {{')
        found = labels(lang)
        for code in sorted(found):
            raw = found[code]
            text = json.loads(f'"{raw}"') if "\\" in raw else raw  # a TS escape (\u202f…) as its character
            out.append(f"        {json.dumps(code)}: {json.dumps(text, ensure_ascii=False)},")
        out.append("    },")
    out.append("}")
    return "\n".join(out) + "\n"


def test_the_command_line_says_the_labels_of_the_web_app() -> None:
    """What `ecluse import` prints of an error is the web app's label of its code, in the same words."""
    assert CLI_LABELS.read_text(encoding="utf-8") == _cli_labels_source(), (
        "regenerate: python -m tests.test_codes --cli-labels"
    )


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--cli-labels"]:
        CLI_LABELS.write_text(_cli_labels_source(), encoding="utf-8")
