"""Limits every GraphQL operation meets before it is validated or run, so that no single request stalls the
server (the probes: 300,000 `__typename` aliases held /health for 31 s; 1,000 aliases of a 500-line page took
61 s and 1 GB).

One schema extension, `RequestLimits`, checks in this order, each as cheap as the one before allows:

1. the document's size in bytes, before anything reads it (`QUERY_TOO_LARGE`, limit `documentBytes`);
2. brackets open at once in its text, a linear scan that spares the recursive parser (`QUERY_TOO_COMPLEX`,
   `nesting`);
3. tokens, by graphql-core's own `max_tokens` parse option, as strawberry's `MaxTokensLimiter` sets it
   (`QUERY_TOO_LARGE`, `tokens`); the parse goes through strawberry's `ParserCache` LRU;
4. after the parse, one walk of each operation with fragments expanded (each fragment measured once, so a
   fragment that spreads another twice, twenty times over, costs twenty steps, not a million): fields nested
   in fields (`depth`), spreads nested in spreads (`nesting`), aliases (`aliases`), one response name
   selected again and again in one selection set, which graphql-core's overlap rule compares pairwise
   (`fieldRepeats`), and the estimated cost (`cost`): every field counts 1, and what it selects counts once
   per item of its page — `first` from the document, the variables or the argument's default,
   at most `MAX_PAGE` — or `graphql_list_cost` for a list without one (a connection's `edges` and `nodes`
   are the page already counted; so are the lists of any page type that has a `pageInfo`, such as the
   entry grid's `refused`; a list that declares its most items counts those, `ITEMS`); a scalar that holds a row of values counts as many as it declares (`VALUES`:
   the grid's `rows`, so that a grid page costs what the same page of `entries` costs);
5. the variables, before graphql-core coerces them: a list argument with a payload cap (`CAPPED_LISTS`:
   `submitEntries(entries)`) that is over its cap is set aside, so that its resolver refuses it without
   anything being coerced. (The JSON body holding the variables was bounded before it was decoded: bytes,
   nesting and number of values, in app.py and web/guards.py.)

A refused operation gets one error with `extensions = {code, limit, maximum, found}`, is not validated and
never runs; strawberry's `ValidationCache` is skipped for it (`LimitedValidationCache`), so only documents
within the limits are ever cached as valid. strawberry's `QueryDepthLimiter` and `MaxAliasesLimiter` are not
used: they walk fragments again at every spread (18 nested pairs of spreads took 1 s, doubling with each) and
run inside validation, after graphql-core's quadratic overlap rule has started.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
)
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from ecluse.api.pagination import MAX_PAGE
from ecluse.settings import Settings, get_settings

TOO_LARGE = "QUERY_TOO_LARGE"
TOO_COMPLEX = "QUERY_TOO_COMPLEX"
CODES = frozenset({TOO_LARGE, TOO_COMPLEX})
#: What `first: null` means to a resolver (api/pagination.page_size).
DEFAULT_PAGE = 50
#: The metadata key of a field that holds several values in one scalar: how many it counts (`values_of`).
VALUES = "ecluse-values"
#: The metadata key of a list field that never holds more than so many items (`items_of`).
ITEMS = "ecluse-items"


@dataclass(frozen=True, slots=True)
class Limits:
    document_bytes: int
    tokens: int
    nesting: int
    depth: int
    aliases: int
    field_repeats: int
    cost: int
    list_cost: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(
            document_bytes=settings.graphql_max_document_bytes,
            tokens=settings.graphql_max_tokens,
            nesting=settings.graphql_max_nesting,
            depth=settings.graphql_max_depth,
            aliases=settings.graphql_max_aliases,
            field_repeats=settings.graphql_max_field_repeats,
            cost=settings.graphql_max_cost,
            list_cost=settings.graphql_list_cost,
        )


_MESSAGES = {
    "documentBytes": "The GraphQL document is {found} bytes long; at most {maximum} are accepted. Send values "
    "as variables, and large documents of entries as a file.",
    "tokens": "The GraphQL document has more than {maximum} tokens. Send values as variables.",
    "nesting": "The GraphQL document nests {found} levels deep; at most {maximum} are accepted.",
    "depth": "The operation selects fields {found} levels deep; at most {maximum} are accepted.",
    "aliases": "The operation uses {found} aliases; at most {maximum} are accepted.",
    "fieldRepeats": "The operation selects the same field {found} times in one place; at most {maximum} are "
    "accepted.",
    "cost": "The operation could resolve about {found} values; at most {maximum} are accepted. Ask for "
    "smaller pages (`first`) or fewer fields.",
}


def refusal(limit: str, maximum: int, found: int) -> GraphQLError:
    """The error of a refused operation: a stable code, the limit's name, its maximum and what was found."""
    code = TOO_LARGE if limit in ("documentBytes", "tokens") else TOO_COMPLEX
    shown = found if found < 10**15 else 10**15  # a fragment bomb's cost has hundreds of digits
    return GraphQLError(
        _MESSAGES[limit].format(found=f"{shown:,}", maximum=f"{maximum:,}"),
        extensions={"code": code, "limit": limit, "maximum": maximum, "found": shown},
    )


class Refused(Exception):
    def __init__(self, limit: str, maximum: int, found: int) -> None:
        super().__init__(limit)
        self.error = refusal(limit, maximum, found)


# --- before parsing ---------------------------------------------------------------------------------------

#: Strings (block strings first) and comments, whose brackets do not nest anything. Each alternative starts
#: on a different character, so the match never backtracks.
_INERT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n\r]|\\.)*"|#[^\n\r]*', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^{}()\[\]]+")
_STEP = {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}


def text_nesting(text: str) -> int:
    """The most brackets open at once in a GraphQL document, outside strings and comments (linear)."""
    brackets = _NOT_BRACKET.sub("", _INERT.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


# --- after parsing ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Measure:
    """What a selection set costs, relative to where it is used."""

    depth: int = 0  # fields nested in fields below it
    nesting: int = 0  # fields, fragments and spreads nested below it
    aliases: int = 0
    cost: int = 0
    names: Counter[str] = field(default_factory=Counter)  # response names it adds to its selection set


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: Mapping[str, Any],
        limits: Limits,
    ) -> None:
        self.schema = schema
        self.limits = limits
        self.variables = variables
        self.defaults: dict[str, Any] = {}
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.done: dict[str, _Measure] = {}

    def operation(self, op: OperationDefinitionNode) -> _Measure:
        self.defaults = {
            d.variable.name.value: d.default_value.value
            for d in op.variable_definitions or ()
            if isinstance(d.default_value, IntValueNode)
        }
        root = self.schema.get_root_type(op.operation)
        return self.selections(op.selection_set, root, 1)

    def selections(self, node: SelectionSetNode, parent: GraphQLNamedType | None, level: int) -> _Measure:
        """Measure a selection set that sits `level` structures deep (for the recursion guard)."""
        if level > self.limits.nesting:
            raise Refused("nesting", self.limits.nesting, level)
        out = _Measure()
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                self.field(selection, parent, level, out)
            elif isinstance(selection, InlineFragmentNode):
                cond = selection.type_condition
                inner_type = self.schema.get_type(cond.name.value) if cond else parent
                self.merge(out, self.selections(selection.selection_set, inner_type, level + 1))
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragment(selection.name.value, level)
                if fragment is not None:
                    self.merge(out, fragment)
        repeated = max(out.names.values(), default=0)
        if repeated > self.limits.field_repeats:
            raise Refused("fieldRepeats", self.limits.field_repeats, repeated)
        return out

    def fragment(self, name: str, level: int) -> _Measure | None:
        if name in self.done:
            found = self.done[name]
            if level + found.nesting > self.limits.nesting:
                raise Refused("nesting", self.limits.nesting, level + found.nesting)
            return found
        definition = self.fragments.get(name)
        if definition is None:
            return None  # validation names it
        inner_type = self.schema.get_type(definition.type_condition.name.value)
        # A cycle (refused by validation later) keeps nesting until the guard stops it.
        measure = self.selections(definition.selection_set, inner_type, level + 1)
        self.done[name] = measure
        return measure

    @staticmethod
    def merge(out: _Measure, inner: _Measure) -> None:
        out.depth = max(out.depth, inner.depth)
        out.nesting = max(out.nesting, inner.nesting + 1)
        out.aliases += inner.aliases
        out.cost += inner.cost
        out.names.update(inner.names)

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, level: int, out: _Measure) -> None:
        out.names[(node.alias or node.name).value] += 1
        definition = _field(parent, node.name.value)
        inner = _Measure()
        multiplier = 1
        if node.selection_set is not None:
            inner_type = get_named_type(definition.type) if definition else None
            inner = self.selections(node.selection_set, inner_type, level + 1)
            multiplier = self.multiplier(node, definition, parent)
        out.depth = max(out.depth, inner.depth + 1)
        out.nesting = max(out.nesting, inner.nesting + 1)
        out.aliases += inner.aliases + (1 if node.alias else 0)
        out.cost += values_of(definition) + multiplier * inner.cost

    def multiplier(
        self, node: FieldNode, definition: GraphQLField | None, parent: GraphQLNamedType | None
    ) -> int:
        """How many times the field's selection is resolved: its page size, or a list's usual length."""
        if definition is None:
            return 1
        if "first" in definition.args:
            return self.page(node, "first", definition)
        if isinstance(get_nullable_type(definition.type), GraphQLList):
            in_connection = isinstance(parent, GraphQLObjectType) and "pageInfo" in parent.fields
            return 1 if in_connection else items_of(definition) or self.limits.list_cost
        return 1

    def page(self, node: FieldNode, name: str, definition: GraphQLField) -> int:
        argument = next((a for a in node.arguments or () if a.name.value == name), None)
        value: Any
        if argument is None:
            value = definition.args[name].default_value
        elif isinstance(argument.value, VariableNode):
            var = argument.value.name.value
            value = self.variables[var] if var in self.variables else self.defaults.get(var)
        elif isinstance(argument.value, IntValueNode):
            value = argument.value.value
        else:
            value = None if argument.value.kind == "null_value" else MAX_PAGE
        if value is None or not isinstance(value, (int, str)) or isinstance(value, bool):
            return DEFAULT_PAGE if value is None else MAX_PAGE
        try:
            number = int(value)
        except ValueError:
            return MAX_PAGE  # coercion refuses it later
        return max(0, min(number, MAX_PAGE))


def values_of(definition: GraphQLField | None) -> int:
    """What a field counts: 1, or the values one scalar of it holds, as its definition declares them
    (`metadata={VALUES: n}`): a row of the entry grid is a dozen values in one JSON scalar."""
    declared = definition.extensions.get("strawberry-definition") if definition else None
    metadata = getattr(declared, "metadata", None) or {}
    return int(metadata.get(VALUES, 1))


def items_of(definition: GraphQLField) -> int | None:
    """The most items a list field holds, when its definition declares it (`metadata={ITEMS: n}`): a
    batch's `errorCodes` are 5 at most."""
    declared = definition.extensions.get("strawberry-definition")
    metadata = getattr(declared, "metadata", None) or {}
    return int(metadata[ITEMS]) if ITEMS in metadata else None


def _field(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None


def check_document(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any] | None, limits: Limits
) -> GraphQLError | None:
    """The first limit an operation of the parsed document exceeds, or None."""
    walker = _Walker(schema, document, variables or {}, limits)
    try:
        for definition in document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            measure = walker.operation(definition)
            for limit, maximum, found in (
                ("depth", limits.depth, measure.depth),
                ("aliases", limits.aliases, measure.aliases),
                ("cost", limits.cost, measure.cost),
            ):
                if found > maximum:
                    return refusal(limit, maximum, found)
    except Refused as exc:
        return exc.error
    return None


def check_text(query: str, limits: Limits) -> GraphQLError | None:
    """The limits checked on the document's text, before it is parsed."""
    size = len(query) if query.isascii() else len(query.encode("utf-8", "surrogatepass"))
    if size > limits.document_bytes:
        return refusal("documentBytes", limits.document_bytes, size)
    nesting = text_nesting(query)
    if nesting > limits.nesting:
        return refusal("nesting", limits.nesting, nesting)
    return None


#: List arguments whose resolver refuses more than a setting's number of items with a payload error. A longer
#: list in the variables is replaced by an empty one before graphql-core coerces it (coercing 1,000 entries
#: takes about half a second), and its length noted on the request's context for the resolver (`items_sent`).
CAPPED_LISTS = {("submitEntries", "entries"): "submit_entries_max"}
_SENT = "_ecluse_items_sent"


def items_sent(context: object, argument: str) -> int | None:
    """How many items the client sent for a capped list argument that was set aside, if one was."""
    sent: dict[str, int] = getattr(context, _SENT, {})
    return sent.get(argument)


def cap_lists(
    document: DocumentNode, variables: dict[str, Any] | None, settings: Settings, context: object
) -> dict[str, Any] | None:
    """The variables with each over-long capped list emptied and its length noted on the context (the same
    dict when there is none, or no context to note it on: the resolver then refuses the list itself)."""
    if not variables or context is None:
        return variables
    cut = dict(variables)
    for definition in document.definitions:
        if (
            not isinstance(definition, OperationDefinitionNode)
            or definition.operation != OperationType.MUTATION
        ):
            continue
        for selection in definition.selection_set.selections:
            if not isinstance(selection, FieldNode):
                continue
            for argument in selection.arguments or ():
                setting = CAPPED_LISTS.get((selection.name.value, argument.name.value))
                if setting is None or not isinstance(argument.value, VariableNode):
                    continue
                name = argument.value.name.value
                value = cut.get(name)
                if isinstance(value, list) and len(value) > int(getattr(settings, setting)):
                    cut[name] = []
                    sent = getattr(context, _SENT, {})
                    sent[argument.name.value] = len(value)
                    setattr(context, _SENT, sent)
    return cut


def _placeholder(operation_name: str | None) -> DocumentNode:
    """A document that stands in for a refused one: strawberry finds its operation and runs nothing."""
    selection = SelectionSetNode(
        selections=(FieldNode(name=NameNode(value="__typename"), arguments=(), directives=()),)
    )
    operation = OperationDefinitionNode(
        operation=OperationType.QUERY,
        name=NameNode(value=operation_name) if operation_name else None,
        variable_definitions=(),
        directives=(),
        selection_set=selection,
    )
    return DocumentNode(definitions=(operation,))


@lru_cache(maxsize=8)
def _extra_rules(introspection: bool) -> tuple[Any, ...]:
    # The same tuple every time: ValidationCache keys on it.
    return () if introspection else (NoSchemaIntrospectionCustomRule,)


class RequestLimits(SchemaExtension):
    """Size, nesting and tokens before the parse; depth, aliases, repeats and cost after it (see above).

    It parses the document itself, through strawberry's shared `ParserCache` LRU, so that the size and
    nesting checks come before any parse or cache look-up; a document that does not parse is left to
    strawberry, which parses it again and reports the syntax error its usual way."""

    def __init__(self, parser_cache_size: int = 512) -> None:
        super().__init__()
        self._parse = ParserCache(maxsize=parser_cache_size).cached_parse_document

    def _settings(self) -> Settings:
        settings = getattr(self.execution_context.context, "settings", None)
        return settings if isinstance(settings, Settings) else get_settings()

    def on_operation(self) -> Iterator[None]:
        settings = self._settings()
        ctx = self.execution_context
        ctx.parse_options["max_tokens"] = settings.graphql_max_tokens
        ctx.validation_rules = ctx.validation_rules + _extra_rules(settings.graphql_introspection)
        yield

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None and isinstance(ctx.query, str):
            settings = self._settings()
            limits = Limits.of(settings)
            error = check_text(ctx.query, limits)
            if error is None:
                try:
                    document = self._parse(ctx.query, **ctx.parse_options)
                except GraphQLSyntaxError as exc:
                    if "tokens" in exc.message and "Parsing aborted" in exc.message:
                        error = refusal("tokens", limits.tokens, limits.tokens + 1)
                else:
                    ctx.graphql_document = document
                    error = check_document(ctx.schema._schema, document, ctx.variables, limits)
                    if error is None:
                        ctx.variables = cap_lists(document, ctx.variables, settings, ctx.context)
            if error is not None:
                self.refuse(error)
        yield

    def refuse(self, error: GraphQLError) -> None:
        """Stop here: strawberry skips validation when errors are already set and returns them."""
        ctx = self.execution_context
        name = ctx.operation_name if isinstance(ctx.operation_name, str) else None
        ctx.graphql_document = _placeholder(name)
        ctx.pre_execution_errors = [error]


class LimitedValidationCache(ValidationCache):
    """strawberry's ValidationCache, skipped for a document already refused by a limit."""

    def on_validate(self) -> Iterator[None]:
        if self.execution_context.pre_execution_errors:
            yield
            return
        yield from super().on_validate()
