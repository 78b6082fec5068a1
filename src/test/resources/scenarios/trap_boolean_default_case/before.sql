CREATE TABLE flag (id bigint PRIMARY KEY, enabled boolean NOT NULL DEFAULT TRUE, hidden boolean DEFAULT False);
