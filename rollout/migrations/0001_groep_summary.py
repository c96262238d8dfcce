"""The per-groep summary table, filled from the existing rows.

The fill uses ``rollout.summary.rebuild_groepen`` (today's models, not the historical ones): it reads
only columns that exist at this point, and an empty database costs nothing. Later, run
``manage.py rebuild_rollout_summary`` instead of editing this migration.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from rollout import summary

    summary.rebuild_groepen()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('schools', '0007_household_language'),
        ('feedback', '0004_year_survey_sent_to_default'),
        ('lessons', '0004_h5p_coordinator_permissions'),
    ]

    operations = [
        migrations.CreateModel(
            name='GroepSummary',
            fields=[
                ('groep', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='schools.groep')),
                ('deliveries', models.PositiveIntegerField(default=0)),
                ('minutes', models.PositiveIntegerField(default=0)),
                ('lessons_given', models.PositiveIntegerField(default=0, help_text='Different live lessons given.')),
                ('planned', models.PositiveIntegerField(default=0)),
                ('planned_given', models.PositiveIntegerField(default=0)),
                ('households_started', models.PositiveIntegerField(default=0)),
                ('households_finished', models.PositiveIntegerField(default=0)),
                ('module_responses', models.PositiveIntegerField(default=0)),
                ('module_grade_sum', models.PositiveIntegerField(default=0)),
                ('lesson_responses', models.PositiveIntegerField(default=0)),
                ('lesson_grade_sum', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
