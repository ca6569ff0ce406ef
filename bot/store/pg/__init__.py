"""PostgreSQL for several instances: the URL and its redaction, the connection pool, the
versioned schema (migrations/*.sql) and the SQL behind the call-log queries.

`bot.store.postgres.PgStore` is the Store built from these pieces.
"""
