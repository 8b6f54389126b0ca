from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('models', '0010_notification_params')]

    initial = False

    # The account index keeps dated lines only (ledger/models.py EntryLine): on SQLite a line is dated when its
    # entry is posted, so staging no longer maintains it. Lines already staged keep their date (harmless: the
    # books read posted entries only).
    operations = [
        ops.RemoveIndex(
            model_name='EntryLine',
            name=None,
            fields=['company_id', 'account_id', 'entry_date', 'entry_id', 'id'],
        ),
        ops.RunSQL(
            [
                "CREATE INDEX entry_lines_dated_by_account ON entry_lines "
                "(company_id, account_id, entry_date, entry_id, id) WHERE entry_date IS NOT NULL",
            ],
            reverse_sql=["DROP INDEX entry_lines_dated_by_account"],
        ),
    ]
