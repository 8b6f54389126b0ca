"""Cegid TRA parser ("format standard" STD and "étendu" ETE), streaming and pure.

A TRA file is fixed-position text: a `***` header, `***XXX` parameter records (master data), then movement
lines of 222 characters (more in ETE files: only the first 222 are read, the rest stays in the raw text).
Positions are character positions of the decoded line, so a file re-saved as UTF-8 reads the same, and
lines are right-padded first (transfer tools trim trailing spaces). Layout and policy: docs/formats/tra.md.

Choices worth knowing:
- an entry is the run of consecutive lines with the same JOURNAL, DATECOMPTABLE, TYPE_PIECE and NUMEROPIECE;
  a key that comes back after other entries is refused (ENTRY_NOT_CONTIGUOUS) while it is remembered (the
  last 4,096 to 8,192 entries: memory stays bounded); a line whose DATECOMPTABLE cannot be read belongs to
  the entry with the same JOURNAL, TYPE_PIECE and NUMEROPIECE around it, and a line too short to hold SENS
  and MONTANT1 joins the entry being read (their keys cannot be trusted);
- TYPE_CPTE `A` lines are analytic: they are folded into the general line they follow (same GENERAL), which
  takes their section (one section) or is split into one line per section; they never count in the balance.
  Only the first axis read is kept (a finding names the others); every axis must add up to its line;
- only normal entries (TYPE_ECRITURE `N`) are imported;
- a negative MONTANT1 (the side is SENS's job) is recorded on the other side with a NEGATIVE_AMOUNT
  finding, as the FEC parser does; a '.' decimal separator is read with a DOT_DECIMAL finding;
- findings are capped at FINDINGS_PER_CODE per code, then one summary finding (line 0) gives the count.

The package, by concern: `fields` (dates, amounts), `header` (the header line and the parameter records),
`parser` (`TraFile`: the movement lines), `closing` (a finished entry: Entry or RejectedEntry).
"""

from ecluse.formats.tra.fields import read_amount, read_date
from ecluse.formats.tra.header import read_header
from ecluse.formats.tra.parser import TraFile, open_tra

__all__ = ["TraFile", "open_tra", "read_amount", "read_date", "read_header"]
