-- The outbox and the idempotency keys are queues: rows are inserted, stamped and purged all day.
-- PostgreSQL's default (vacuum after 20 % of a table has changed) lets millions of dead rows pile
-- up in a busy outbox first, and the relay's scan for unsent rows wades through them. Vacuum
-- these two tables after 1 % (at least 5,000 rows), without the cost-based pauses.
alter table outbox set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.02);
alter table idempotency_key set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
