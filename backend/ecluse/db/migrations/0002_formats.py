from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AnalyticSection',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('company', fields.ForeignKeyField('models.Company', source_field='company_id', db_constraint=True, to_field='id', related_name='analytic_sections', on_delete=OnDelete.CASCADE)),
                ('code', fields.CharField(max_length=40)),
                ('label', fields.CharField(default='', max_length=200)),
                ('created_by_batch_id', fields.IntField(null=True)),
            ],
            options={'table': 'analytic_sections', 'app': 'models', 'unique_together': (('company', 'code'),), 'pk_attr': 'id', 'table_description': 'An analytic section or project, named by code on entry lines.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ImportLayout',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('company_id', fields.IntField(db_index=True)),
                ('name', fields.CharField(max_length=100)),
                ('definition', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('updated_by_id', fields.IntField(null=True)),
            ],
            options={'table': 'import_layouts', 'app': 'models', 'unique_together': (('company_id', 'name'),), 'pk_attr': 'id', 'table_description': "A company's saved description of a custom file (CSV or fixed-width): formats/layout.py's Layout."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Company',
            name='account_ranges',
            field=fields.JSONField(default=list, description='Account number ranges per kind (G general, D customer, C supplier), for layouts that find the kind', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Company',
            name='code',
            field=fields.CharField(null=True, description='How files name the company in a company column (custom layouts, JSON), besides its SIREN.', max_length=40),
        ),
        ops.AddField(
            model_name='EntryLine',
            name='analytic',
            field=fields.CharField(default='', max_length=40),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='layout_definition',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='layout_id',
            field=fields.IntField(null=True, description='The custom layout it was read with, and a copy of its definition at that time (layouts change).'),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='parent_batch_id',
            field=fields.IntField(null=True, description='A file with a company column feeds several companies: one batch each, linked to the first.'),
        ),
        ops.AddField(
            model_name='ImportBatch',
            name='resent_of_id',
            field=fields.IntField(null=True, description='The first batch whose rejected lines this file re-sends (the root of a chain of re-sends).'),
        ),
        ops.AddField(
            model_name='Journal',
            name='kind',
            field=fields.CharField(default='', description='bank, purchases, sales, general, other, or "" when unknown (then guessed from the code).', max_length=12),
        ),
    ]
