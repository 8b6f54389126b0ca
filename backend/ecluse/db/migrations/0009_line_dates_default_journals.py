from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0008_companies_people_reversals')]

    initial = False

    operations = [
        ops.AddField(
            model_name='EntryLine',
            name='entry_date',
            field=fields.DateField(null=True, description="Its entry's date, copied when the line is written (entries never change date): an account's ledger"),
        ),
        # Existing lines take their entry's date; the new index is built after, over filled rows.
        ops.RunSQL(
            [
                "UPDATE entry_lines SET entry_date = "
                "(SELECT e.date FROM entries e WHERE e.id = entry_lines.entry_id)",
            ],
            reverse_sql=ops.RunSQL.noop,
        ),
        ops.RemoveIndex(
            model_name='EntryLine',
            name=None,
            fields=['company_id', 'account_id'],
        ),
        ops.AddIndex(
            model_name='EntryLine',
            index=Index(fields=['company_id', 'account_id', 'entry_date', 'entry_id', 'id']),
        ),
        ops.AddField(
            model_name='Journal',
            name='is_default',
            field=fields.BooleanField(default=False, description="The company's default journal of its kind (at most one per kind: a partial unique index, migration", db_default=False),
        ),
        # One default journal per kind, held by the database (two people setting one at once cannot both win).
        ops.RunSQL(
            [
                "CREATE UNIQUE INDEX journals_one_default_per_kind ON journals (company_id, kind) "
                "WHERE is_default",
            ],
            reverse_sql=["DROP INDEX journals_one_default_per_kind"],
        ),
    ]
