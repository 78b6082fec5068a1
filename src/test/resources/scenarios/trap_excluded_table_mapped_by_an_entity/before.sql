CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));
CREATE TABLE legacy_audit (id integer PRIMARY KEY, what text, at timestamp);
