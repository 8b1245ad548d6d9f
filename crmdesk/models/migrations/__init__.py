"""Alembic migrations, shipped inside the package and run by database.open_database()."""

# The newest revision. open_database() compares the database against it with one SELECT, so a
# start-up on a current schema never imports Alembic (~0.2 s). A test keeps it in step.
HEAD = "0016"
