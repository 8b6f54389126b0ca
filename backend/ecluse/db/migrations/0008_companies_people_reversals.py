from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0007_fiscal_year_lock')]

    initial = False

    operations = [
        ops.AddField(
            model_name='AuditLog',
            name='origin',
            field=fields.CharField(default='', description='Where the change came from: the client\'s address for the API, "cli" for a command.', db_default='', max_length=64),
        ),
        ops.AddField(
            model_name='Company',
            name='address',
            field=fields.CharField(default='', description="Postal address, as written on the company's letters (lines separated by newlines).", db_default='', max_length=500),
        ),
        ops.AddField(
            model_name='Company',
            name='archived_at',
            field=fields.DatetimeField(null=True, description='Set when a firm administrator archives the company: hidden from everyone, its data kept.', auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Company',
            name='country',
            field=fields.CharField(default='FR', description='ISO 3166 alpha-2.', db_default='FR', max_length=2),
        ),
        ops.AddField(
            model_name='Entry',
            name='reversal_of_id',
            field=fields.BigIntField(null=True, description="The entry this one reverses (reverseImport): its lines are the original's, sides swapped."),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['reversal_of_id']),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='reversal_date',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='reversed_at',
            field=fields.DatetimeField(null=True, description='A posted import undone by reversal (reverseImport): when, by whom, and the date its opposite entries', auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='reversed_by_id',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='User',
            name='is_firm_admin',
            field=fields.BooleanField(default=False, description='A firm administrator creates and archives companies and users and grants any role (a flag, not a role).', db_default=False),
        ),
        ops.AddField(
            model_name='User',
            name='reset_expires_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='User',
            name='reset_token_hash',
            field=fields.CharField(null=True, unique=True, description="SHA-256 of the one-time token that sets a password (a new user's first, or a reset), and its expiry.", max_length=64),
        ),
    ]

