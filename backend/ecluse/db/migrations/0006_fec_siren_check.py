from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_issue_params')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Company',
            name='fec_siren_must_match',
            field=fields.BooleanField(default=False, db_default=False, description='A FEC file whose name carries another SIREN is refused (FAILED) instead of imported with a finding.'),
        ),
    ]
