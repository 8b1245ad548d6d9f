"""Alembic migrations, shipped inside the package and run by database.open_database()."""
