"""Custom-layout parser: CSV or fixed-width files of financial entries, read as a saved `Layout` says.

Streaming and pure, like the FEC parser: lines come block by block from `LineReader`, each data line is
read into one to three `EntryLine`s (the line itself, the VAT line and the contra line it may generate),
and consecutive lines are grouped into entries: a change of any `groupBy` value (or of the company), or a
customer/supplier line when `thirdPartyStartsEntry` is set, starts a new entry. An entry with one bad line,
or that does not balance, is refused whole with the raw text of its lines.

Choices worth knowing (docs/formats/custom.md explains each with an example):
- CSV lines are split one physical line at a time (the csv module only for lines holding the quote
  character): a quoted field may hold the separator but not a line break (BAD_QUOTING);
- generated lines (VAT, contra, the fixed contra's balancing line) carry the line number and the labels
  of the line they come from; the VAT amount's sign is ignored, its side comes from the line;
- an entry takes the journal, number and company of its first line; lines of one entry must share a date.

The package, by concern: `parser` (`CustomFile`: the layout compiled, lines read and grouped), `values`
(amounts, dates, CSV splitting errors), `accounts` (accounts, third parties, VAT and contra lines),
`closing` (a finished entry: Entry or RejectedEntry).
"""

from ecluse.formats.custom.parser import CustomFile, open_custom
from ecluse.formats.custom.values import parse_layout_amount

__all__ = ["CustomFile", "open_custom", "parse_layout_amount"]
