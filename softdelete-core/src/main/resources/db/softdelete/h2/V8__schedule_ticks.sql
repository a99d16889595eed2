-- softdelete library schema, version 8: schedule ticks.
-- One row per named schedule (e.g. a retention policy enqueued by cron). An instance that reaches a
-- tick moves last_tick forward WHERE last_tick < that tick, and enqueues the tick's jobs in the same
-- transaction: of all instances reaching the same tick, exactly one enqueues.
CREATE TABLE IF NOT EXISTS ${softdelete_prefix}schedule_ticks (
    schedule_name VARCHAR(200) NOT NULL PRIMARY KEY,
    last_tick     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by    VARCHAR(200),
    claimed_at    TIMESTAMP WITH TIME ZONE
);
