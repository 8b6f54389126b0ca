from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_hardening')]

    initial = False

    operations = [
        ops.AddField(
            model_name='EntryLine',
            name='due_date',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='EntryLine',
            name='invoice_ref',
            field=fields.CharField(default='', max_length=100),
        ),
    ]
