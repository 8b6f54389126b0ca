from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0012_batch_line_counts')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ImportIssue',
            name='entry_first_line',
            field=fields.IntField(null=True, description='An error that refused an entry: the first and last lines of that entry (all refused with it).'),
        ),
        ops.AddField(
            model_name='ImportIssue',
            name='entry_last_line',
            field=fields.IntField(null=True),
        ),
    ]

