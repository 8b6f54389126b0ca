from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0009_line_dates_default_journals')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Notification',
            name='params',
            field=fields.JSONField(null=True, description="What the message speaks of, as of the change (dossier, counts, the error's code): clients say it in the", encoder=JSON_DUMPS, decoder=loads),
        ),
    ]
