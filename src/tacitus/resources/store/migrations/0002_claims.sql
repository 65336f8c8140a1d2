-- tacitus store schema, migration 0002_claims. Source: written for tacitus. Licence: MIT (tacitus).
-- Claims: each fact of an event (its toll, who did it) as one source states it, with how sure
-- the text is (model.Claim). Portable SQL: the same file runs on DuckDB and PostgreSQL 15.
-- Offsets are character offsets into articles.text (start_char inclusive, end_char exclusive).

CREATE TABLE claims (
    article_id TEXT NOT NULL,
    seq INTEGER NOT NULL,              -- order of the claim within its article
    kind TEXT NOT NULL,                -- toll | responsibility
    event_id TEXT,                     -- the event the fact is about; NULL if none was coded
    source TEXT,                       -- JSON PARTY who asserts it; NULL = the outlet's own voice
    source_text TEXT,                  -- the source as written ("provincial officials")
    certainty INTEGER NOT NULL,        -- 3 asserted, 2 attributed, 1 hedged, 0 denied
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    rule TEXT NOT NULL,                -- the rule(s) that read the claim
    killed BIGINT,                     -- toll claims
    injured BIGINT,
    qualifier TEXT,                    -- exact | at least | about | up to | more than
    actor TEXT,                        -- responsibility claims: JSON PARTY said to have done it
    hedges TEXT[] NOT NULL,            -- the words that lowered the certainty
    quote_id TEXT,                     -- the quote that states it
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_event ON claims (event_id);
