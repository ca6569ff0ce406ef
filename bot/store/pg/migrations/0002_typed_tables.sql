-- Typed tables for what grows or is queried: the call log, the managers' audit, tip schedules
-- and post claims. A field a column cannot hold exactly (another type, a null, a field added
-- later) stays in `extra`, so every document comes back as it was stored. Each table numbers
-- its own keys (call #1 is the first call), from after the documents moved into it.
CREATE SEQUENCE calls_seq;
CREATE TABLE calls (
    key text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('calls_seq'),
    created_at timestamptz,
    agent text,
    team text,
    contact text,
    category text,
    outcome text,
    heat integer,
    follow_up_due timestamptz,
    follow_up_done_at timestamptz,
    updated_at timestamptz,
    reference text,
    notes text,
    masked boolean,
    extra jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX calls_by_time ON calls (created_at, seq);
CREATE INDEX calls_by_agent ON calls (agent, created_at, seq);
CREATE INDEX calls_open_follow_ups ON calls (follow_up_due)
    WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL;
CREATE INDEX calls_order ON calls (seq);

CREATE SEQUENCE report_audit_seq;
CREATE TABLE report_audit (
    key text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('report_audit_seq'),
    at timestamptz,
    "user" text,
    command text,
    filter text,
    text text,
    matched integer,
    extra jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX report_audit_by_time ON report_audit (at, seq);
CREATE INDEX report_audit_order ON report_audit (seq);

CREATE SEQUENCE tip_schedules_seq;
CREATE TABLE tip_schedules (
    key text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('tip_schedules_seq'),
    channel text,
    at text,
    zone text,
    set_by text,
    since timestamptz,
    paused text,
    extra jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX tip_schedules_order ON tip_schedules (seq);

CREATE SEQUENCE post_claims_seq;
CREATE TABLE post_claims (
    key text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('post_claims_seq'),
    kind text,
    target text,
    claimed_at timestamptz,
    extra jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX post_claims_by_time ON post_claims (claimed_at);
CREATE INDEX post_claims_order ON post_claims (seq);
