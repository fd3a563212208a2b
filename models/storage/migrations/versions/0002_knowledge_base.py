"""knowledge base: competitions, events, merged results with their supporting articles; athlete edits

Existing articles are kept as they are; `models.storage.knowledge.catch_up` (run by `migrate` after the upgrade)
rebuilds athletes, events and merged results from their stored extraction results.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 20:17:38.634477
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "competitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=240), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("folded_name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("race_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["race_id"], ["races.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("folded_name", "year"),
    )
    with op.batch_alter_table("competitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_competitions_folded_name"), ["folded_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_competitions_race_id"), ["race_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_competitions_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_competitions_year"), ["year"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("discipline", sa.String(length=120), nullable=True),
        sa.Column("stage", sa.Integer(), nullable=True),
        sa.Column("round", sa.String(length=20), nullable=True),
        sa.Column("standings", sa.String(length=20), nullable=True),
        sa.Column("gender", sa.String(length=10), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_source", sa.String(length=20), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["competition_id"], ["competitions.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_competition_id"), ["competition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date"), ["date"], unique=False)
        batch_op.create_index("ix_events_identity", ["discipline", "stage", "standings"], unique=False)

    op.create_table(
        "event_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=True),
        sa.Column("athlete_key", sa.String(length=320), nullable=False),
        sa.Column("athlete_name", sa.String(length=300), nullable=False),
        sa.Column("athlete_folded", sa.String(length=300), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("time", sa.Float(), nullable=True),
        sa.Column("gap", sa.Float(), nullable=True),
        sa.Column("gap_to", sa.String(length=300), nullable=True),
        sa.Column("medal", sa.String(length=20), nullable=True),
        sa.Column("support", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["athlete_id"], ["athletes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "athlete_key"),
    )
    with op.batch_alter_table("event_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_results_athlete_folded"), ["athlete_folded"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_results_athlete_id"), ["athlete_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_results_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_results_medal"), ["medal"], unique=False)

    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("headline", sa.Text(), server_default="", nullable=False))

    with op.batch_alter_table("athletes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("excluded_names", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("merged_slugs", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("edited", sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.add_column(sa.Column("discipline", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("stage", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("round", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("standings", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("gender", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fact_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_results_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_results_fact_id"), ["fact_id"], unique=False)
        batch_op.create_foreign_key("fk_results_event_id_events", "events", ["event_id"], ["id"], ondelete="SET NULL")
        batch_op.create_foreign_key(
            "fk_results_fact_id_event_results", "event_results", ["fact_id"], ["id"], ondelete="SET NULL"
        )
    op.execute("UPDATE articles SET headline = title WHERE title IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.drop_constraint("fk_results_fact_id_event_results", type_="foreignkey")
        batch_op.drop_constraint("fk_results_event_id_events", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_results_fact_id"))
        batch_op.drop_index(batch_op.f("ix_results_event_id"))
        batch_op.drop_column("fact_id")
        batch_op.drop_column("event_id")
        batch_op.drop_column("confidence")
        batch_op.drop_column("date")
        batch_op.drop_column("gender")
        batch_op.drop_column("standings")
        batch_op.drop_column("round")
        batch_op.drop_column("stage")
        batch_op.drop_column("discipline")

    with op.batch_alter_table("athletes", schema=None) as batch_op:
        batch_op.drop_column("edited")
        batch_op.drop_column("merged_slugs")
        batch_op.drop_column("excluded_names")

    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("headline")

    with op.batch_alter_table("event_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_results_medal"))
        batch_op.drop_index(batch_op.f("ix_event_results_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_results_athlete_id"))
        batch_op.drop_index(batch_op.f("ix_event_results_athlete_folded"))

    op.drop_table("event_results")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_identity")
        batch_op.drop_index(batch_op.f("ix_events_date"))
        batch_op.drop_index(batch_op.f("ix_events_competition_id"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("competitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_competitions_year"))
        batch_op.drop_index(batch_op.f("ix_competitions_slug"))
        batch_op.drop_index(batch_op.f("ix_competitions_race_id"))
        batch_op.drop_index(batch_op.f("ix_competitions_folded_name"))

    op.drop_table("competitions")
    op.drop_table("store_meta")
