from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0013_issue_entry_lines')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ImportBatch',
            name='error_codes',
            field=fields.JSONField(default=list, description='The codes that refused entries, most frequent first (5 at most), each with its count: [[code, n], …].'),
        ),
    ]
