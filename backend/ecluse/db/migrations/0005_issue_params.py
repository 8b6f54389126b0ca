from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_line_due_dates')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ImportIssue',
            name='params',
            field=fields.JSONField(null=True, description="The values the message speaks of, by name (formats/messages.py), for rendering in the user's language.", encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
