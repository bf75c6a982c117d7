"""Qt item models for the tables: filtering and sorting happen here, over precomputed rows."""
