CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));
INSERT INTO users SELECT g, 'user' || g || '@example.org' FROM generate_series(1, 500) g;
ANALYZE users;
