from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0006_fec_siren_check')]

    initial = False

    operations = [
        ops.AddField(
            model_name='FiscalYear',
            name='locked',
            field=fields.BooleanField(default=False, db_default=False, description='Nothing is imported into or posted in a locked year until an admin unlocks it (a closing is final).'),
        ),
    ]
