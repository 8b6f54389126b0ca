from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0011_dated_lines_index')]

    initial = False

    # Existing batches: the lines of refused entries are those kept for download; the staged lines are counted
    # where they still are (a rejected batch's were deleted: what it read less what it refused); line_count
    # becomes their sum (it counted header, parameter and a sibling batch's lines too).
    operations = [
        ops.AddField(
            model_name='ImportBatch',
            name='refused_line_count',
            field=fields.IntField(default=0, description='Lines of the refused entries (the rejected-lines download holds them).'),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='staged_line_count',
            field=fields.IntField(default=0, description="Entry lines staged (then posted), for this batch's company only."),
        ),
        ops.RunSQL(
            [
                "UPDATE import_batches SET refused_line_count = "
                "(SELECT COUNT(*) FROM import_rejected_lines r WHERE r.batch_id = import_batches.id)",
                "UPDATE import_batches SET staged_line_count = CASE WHEN status <> 'REJECTED' THEN "
                "(SELECT COUNT(*) FROM entry_lines l JOIN entries e ON e.id = l.entry_id "
                "WHERE l.batch_id = import_batches.id AND e.reversal_of_id IS NULL) "
                "WHEN line_count > refused_line_count THEN line_count - refused_line_count ELSE 0 END",
                "UPDATE import_batches SET line_count = staged_line_count + refused_line_count "
                "WHERE status NOT IN ('RECEIVED', 'PARSING', 'FAILED')",
            ],
            reverse_sql=ops.RunSQL.noop,
        ),
    ]
