CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, fax varchar(40) DEFAULT 'none', legacy_score integer);
CREATE INDEX ix_users_fax ON users (fax);
INSERT INTO users VALUES (1, 'ada@example.org', '555', 7);
