from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import UniqueConstraint

class RemoveInlineUnique(ops.RemoveConstraint):
    """SQLite keeps a UNIQUE constraint declared in CREATE TABLE as an index that cannot be dropped: the
    table is remade from the new state instead (SQLite's documented way to alter a table)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is not None and state_editor.DIALECT == "sqlite":
            model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
            await state_editor._remake_table(model)
            for fields in model._meta.indexes:  # the remade table has none of its indexes
                await state_editor.add_index(model, fields if isinstance(fields, Index) else Index(fields=fields))
            return
        await super().database_forward(app_label, old_state, new_state, state_editor)


class Migration(migrations.Migration):
    dependencies = [('models', '0002_formats')]

    initial = False

    operations = [
        ops.CreateModel(
            name='LoginThrottle',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=128)),
                ('failures', fields.IntField(default=0)),
                ('window_start', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('blocked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'login_throttle', 'app': 'models', 'pk_attr': 'key', 'table_description': 'Failed logins counted per key: an (account, client address) pair, or a client address alone.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Worker',
            fields=[
                ('id', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=64)),
                ('kind', fields.CharField(max_length=20)),
                ('host', fields.CharField(default='', max_length=200)),
                ('pid', fields.IntField(default=0)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'workers', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A process that runs jobs (an `ecluse worker`, or an API process running them in-process), with the'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Company',
            name='ledger_credit',
            field=fields.BigIntField(default=0),
        ),
        ops.AddField(
            model_name='Company',
            name='ledger_debit',
            field=fields.BigIntField(default=0, description='Running totals of the posted ledger (minor units), moved in the posting transaction: a batch that'),
        ),
        RemoveInlineUnique(
            model_name='ImportBatch',
            name=None,
            fields=['company_id', 'idempotency_key'],
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='idempotency_scope',
            field=fields.CharField(null=True, description='Whose idempotency key it is ("user:<id>", "key:<id>", "cli"): keys belong to their sender, so one', max_length=40),
        ),
        ops.AddConstraint(
            model_name='ImportBatch',
            constraint=UniqueConstraint(fields=('company_id', 'idempotency_scope', 'idempotency_key'), name=None),
        ),
        ops.AddField(
            model_name='Job',
            name='lease_until',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Job',
            name='worker_id',
            field=fields.CharField(null=True, description='The process running it, and until when its lease holds: renewed by a heartbeat while the job runs,', max_length=64),
        ),
        ops.AddIndex(
            model_name='Job',
            index=Index(fields=['state', 'lease_until']),
        ),
        # Existing rows: keys belong to whoever sent the batch; the ledger totals start from what is posted.
        ops.RunSQL(
            [
                "UPDATE import_batches SET idempotency_scope = CASE "
                "WHEN submitted_by_key_id IS NOT NULL THEN 'key:' || submitted_by_key_id "
                "WHEN submitted_by_user_id IS NOT NULL THEN 'user:' || submitted_by_user_id ELSE 'cli' END "
                "WHERE idempotency_key IS NOT NULL",
                "UPDATE companies SET "
                "ledger_debit = COALESCE((SELECT SUM(l.debit) FROM entry_lines l JOIN entries e "
                "ON e.id = l.entry_id WHERE e.company_id = companies.id AND e.state = 'posted'), 0), "
                "ledger_credit = COALESCE((SELECT SUM(l.credit) FROM entry_lines l JOIN entries e "
                "ON e.id = l.entry_id WHERE e.company_id = companies.id AND e.state = 'posted'), 0)",
            ],
            reverse_sql=ops.RunSQL.noop,
        ),
    ]
