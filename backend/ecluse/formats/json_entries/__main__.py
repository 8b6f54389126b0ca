"""Writes the JSON Schema of the JSON entries document to standard output:

python -m ecluse.formats.json_entries > docs/formats/ecluse-entries.schema.json
"""

import json
import sys

from ecluse.formats.json_entries.schema import json_schema

sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
