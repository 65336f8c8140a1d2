-- tacitus store, PostgreSQL-only migration postgres/0001_indexes. Source: written for tacitus.
-- Licence: MIT (tacitus). Applied after the shared migrations, recorded in schema_migrations.
-- DuckDB skips row groups by their min/max and needs none of these; a PostgreSQL table without
-- them is read in full by every filtered query and by every batch's incident linking.

-- `tacitus events --country ... --since/--until` and the incident candidates of a batch.
CREATE INDEX events_flat_country_date ON events_flat (location_country, date);
CREATE INDEX events_flat_date ON events_flat (date);
-- Members of the incidents a batch extends; the events of one article (HTTP article view).
CREATE INDEX events_flat_incident ON events_flat (incident_id);
CREATE INDEX events_flat_article ON events_flat (article_id);
