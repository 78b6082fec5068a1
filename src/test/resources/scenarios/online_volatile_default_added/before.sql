CREATE TABLE account (id bigint PRIMARY KEY, name varchar(255));
INSERT INTO account SELECT g, 'account ' || g FROM generate_series(1, 500) g;
ANALYZE account;
