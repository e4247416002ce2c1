-- Partner search uses PostgreSQL's cube and earthdistance. An extension is installed once per database,
-- while every context lives in a schema of its own (and tests create a schema per test), so both go to a
-- schema of their own, "extensions", shared by every context that needs them. Queries call them qualified
-- and add "extensions" to search_path for their transaction only: earthdistance 1.1 (PostgreSQL 15)
-- names cube() and earth() unqualified in its SQL functions.
-- Two schemas migrating at once would race on CREATE EXTENSION IF NOT EXISTS (the second fails on a
-- duplicate key): the advisory lock, held until COMMIT, makes the second wait and then find them.
BEGIN;
SELECT pg_advisory_xact_lock(4242001);
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA extensions;
COMMIT;
