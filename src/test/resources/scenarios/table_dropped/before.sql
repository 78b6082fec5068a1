CREATE TABLE author (id bigint PRIMARY KEY, name varchar(255) NOT NULL);
CREATE TABLE legacy_audit (id bigint PRIMARY KEY, author_id bigint REFERENCES author (id), happened timestamp(6) with time zone, what text);
CREATE INDEX ix_legacy_audit_author ON legacy_audit (author_id);
INSERT INTO author VALUES (1, 'Ada');
INSERT INTO legacy_audit VALUES (1, 1, now(), 'created');
