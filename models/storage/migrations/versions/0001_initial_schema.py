"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 07:47:32.364337
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=300), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("language_hint", sa.String(length=16), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("pipeline_version", sa.String(length=40), nullable=False),
        sa.Column("result_json", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_content_hash"), ["content_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_articles_language"), ["language"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published_date"), ["published_date"], unique=False)

    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("folded_name", sa.String(length=300), nullable=False),
        sa.Column("surname_key", sa.String(length=120), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("team", sa.String(length=300), nullable=True),
        sa.Column("sport", sa.String(length=120), nullable=True),
        sa.Column("nationality", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("athletes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_athletes_folded_name"), ["folded_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_athletes_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_athletes_surname_key"), ["surname_key"], unique=False)

    op.create_table(
        "jobs",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("processed", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("article_ids", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "races",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=240), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("folded_name", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=20), nullable=True),
        sa.Column("category", sa.String(length=120), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("folded_name", "start_date"),
    )
    with op.batch_alter_table("races", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_races_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_races_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_races_folded_name"), ["folded_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_races_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_races_start_date"), ["start_date"], unique=False)

    op.create_table(
        "article_athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["athlete_id"], ["athletes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "athlete_id"),
    )
    with op.batch_alter_table("article_athletes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_athletes_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_athletes_athlete_id"), ["athlete_id"], unique=False)

    op.create_table(
        "fixtures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("when", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("event", sa.String(length=300), nullable=True),
        sa.Column("athletes", sa.JSON(), nullable=False),
        sa.Column("athlete_ids", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("fixtures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fixtures_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fixtures_date"), ["date"], unique=False)

    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["race_id"], ["races.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_links_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_links_race_id"), ["race_id"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["athlete_id"], ["athletes.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_athlete_id"), ["athlete_id"], unique=False)

    op.create_table(
        "results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=True),
        sa.Column("athlete_name", sa.String(length=300), nullable=False),
        sa.Column("event", sa.String(length=300), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("time", sa.Float(), nullable=True),
        sa.Column("gap", sa.Float(), nullable=True),
        sa.Column("gap_to", sa.String(length=300), nullable=True),
        sa.Column("medal", sa.String(length=20), nullable=True),
        sa.Column("competition", sa.String(length=300), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["athlete_id"], ["athletes.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_results_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_results_athlete_id"), ["athlete_id"], unique=False)

    op.create_table(
        "stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=300), nullable=False),
        sa.Column("finish", sa.String(length=300), nullable=False),
        sa.Column("distance_km", sa.Float(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["race_id"], ["races.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("race_id", "number"),
    )
    with op.batch_alter_table("stages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stages_race_id"), ["race_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stages_race_id"))

    op.drop_table("stages")
    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_results_athlete_id"))
        batch_op.drop_index(batch_op.f("ix_results_article_id"))

    op.drop_table("results")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_athlete_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_article_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_links_race_id"))
        batch_op.drop_index(batch_op.f("ix_links_article_id"))

    op.drop_table("links")
    with op.batch_alter_table("fixtures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fixtures_date"))
        batch_op.drop_index(batch_op.f("ix_fixtures_article_id"))

    op.drop_table("fixtures")
    with op.batch_alter_table("article_athletes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_athletes_athlete_id"))
        batch_op.drop_index(batch_op.f("ix_article_athletes_article_id"))

    op.drop_table("article_athletes")
    with op.batch_alter_table("races", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_races_start_date"))
        batch_op.drop_index(batch_op.f("ix_races_slug"))
        batch_op.drop_index(batch_op.f("ix_races_folded_name"))
        batch_op.drop_index(batch_op.f("ix_races_end_date"))
        batch_op.drop_index(batch_op.f("ix_races_category"))

    op.drop_table("races")
    op.drop_table("jobs")
    with op.batch_alter_table("athletes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_athletes_surname_key"))
        batch_op.drop_index(batch_op.f("ix_athletes_slug"))
        batch_op.drop_index(batch_op.f("ix_athletes_folded_name"))

    op.drop_table("athletes")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published_date"))
        batch_op.drop_index(batch_op.f("ix_articles_language"))
        batch_op.drop_index(batch_op.f("ix_articles_content_hash"))

    op.drop_table("articles")
