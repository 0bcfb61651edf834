"""Storage: the database file, its schema, and every SQL statement (one repository per group of tables)."""
