-- tacitus store schema, migration 0001_initial. Source: written for tacitus. Licence: MIT (tacitus).
-- Applied in one transaction by tacitus.store.migrations and recorded in schema_migrations.
-- Portable SQL: DuckDB and PostgreSQL 15 both run this file as it is (no DuckDB-only types).
-- Offsets are character offsets into articles.text (start_char inclusive, end_char exclusive).

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,            -- sha256 of the whitespace-folded text
    source VARCHAR,
    published DATE,
    title VARCHAR,
    url VARCHAR,
    language VARCHAR NOT NULL,
    path VARCHAR,
    external_id VARCHAR,
    dateline_place VARCHAR,
    text VARCHAR NOT NULL,
    article_warnings VARCHAR[] NOT NULL, -- warnings raised while reading the input
    warnings VARCHAR[] NOT NULL,         -- warnings of the whole pipeline run
    framing VARCHAR NOT NULL,            -- JSON list of FRAMING (loaded labels in the text)
    sentiment VARCHAR NOT NULL,          -- JSON list of SENTIMENT (tone toward each party)
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,              -- order of the event within its article
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[] NOT NULL,
    cameo VARCHAR NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    quad_class INTEGER NOT NULL,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    status VARCHAR NOT NULL,
    date DATE,
    date_precision VARCHAR,
    killed BIGINT,
    injured BIGINT,
    toll_qualifier VARCHAR,            -- NULL when the report gives no toll at all
    attribution_source VARCHAR,
    attribution_hedged BOOLEAN NOT NULL,
    attribution_quote_id VARCHAR,
    confidence DOUBLE PRECISION NOT NULL,
    provenance VARCHAR NOT NULL        -- JSON object: coded field -> rule that produced it
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE parties (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,             -- actor | recipient
    text VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    party_id VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    kind VARCHAR NOT NULL,
    PRIMARY KEY (event_id, role)
);

CREATE TABLE places (
    event_id VARCHAR PRIMARY KEY,
    text VARCHAR NOT NULL,
    name VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geonameid BIGINT,
    precision VARCHAR,
    start_char BIGINT,
    end_char BIGINT
);

CREATE TABLE evidence (
    event_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    PRIMARY KEY (event_id, seq)
);

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    id VARCHAR NOT NULL,
    speaker VARCHAR,                   -- JSON PARTY or NULL
    text VARCHAR NOT NULL,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    direct BOOLEAN NOT NULL,
    about VARCHAR NOT NULL,            -- JSON list of PARTY
    event_ids VARCHAR[] NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE incidents (
    id VARCHAR PRIMARY KEY,            -- sha256 of 'incident' + the smallest member event id
    family VARCHAR,
    type VARCHAR NOT NULL,
    date_first DATE,
    date_last DATE,
    first_report DATE,
    last_report DATE,
    n_events INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    killed_min BIGINT,
    killed_max BIGINT,
    killed_most_cited BIGINT,
    injured_min BIGINT,
    injured_max BIGINT,
    injured_most_cited BIGINT,
    country VARCHAR,
    admin1 VARCHAR,
    location VARCHAR,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    actor VARCHAR,
    recipient VARCHAR
);

CREATE TABLE incident_events (
    event_id VARCHAR PRIMARY KEY,
    incident_id VARCHAR NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events (incident_id);

CREATE TABLE failures (
    id VARCHAR PRIMARY KEY,            -- sha256 of path, line and message: a re-run adds nothing
    path VARCHAR NOT NULL,
    line INTEGER,
    message VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);

-- One row per event with its article, parties, place, first evidence sentence and incident: the
-- native export and what `tacitus events` filters. Written with each batch (incident_id kept in
-- step with incident_events), so that queries over millions of events need no joins.
CREATE TABLE events_flat (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, incident_id VARCHAR, seq INTEGER NOT NULL,
    type VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[] NOT NULL, cameo VARCHAR NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL, quad_class INTEGER NOT NULL,
    acled_event_type VARCHAR, acled_sub_event_type VARCHAR, status VARCHAR NOT NULL,
    date DATE, date_precision VARCHAR,
    actor_text VARCHAR, actor_name VARCHAR, actor_id VARCHAR, actor_country VARCHAR,
    actor_sector VARCHAR, actor_kind VARCHAR,
    recipient_text VARCHAR, recipient_name VARCHAR, recipient_id VARCHAR,
    recipient_country VARCHAR, recipient_sector VARCHAR, recipient_kind VARCHAR,
    location_text VARCHAR, location_name VARCHAR, location_country VARCHAR,
    location_admin1 VARCHAR, location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION,
    location_geonameid BIGINT, location_precision VARCHAR,
    killed BIGINT, injured BIGINT, toll_qualifier VARCHAR,
    attribution_source VARCHAR, attribution_hedged BOOLEAN NOT NULL, attribution_quote_id VARCHAR,
    confidence DOUBLE PRECISION NOT NULL,
    evidence VARCHAR,                  -- the first evidence sentence
    provenance VARCHAR NOT NULL,
    source VARCHAR, published DATE, title VARCHAR, url VARCHAR, path VARCHAR,
    ingested_at TIMESTAMP NOT NULL
);
