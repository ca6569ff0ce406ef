-- The first schema: every collection as JSONB documents. Deployments from before versioned
-- migrations already have it, hence IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS coach_documents (
    collection text NOT NULL,
    key text NOT NULL,
    seq bigserial,
    doc jsonb NOT NULL,
    PRIMARY KEY (collection, key)
);
CREATE INDEX IF NOT EXISTS coach_documents_order ON coach_documents (collection, seq);
