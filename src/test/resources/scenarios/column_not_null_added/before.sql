CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));
INSERT INTO users VALUES (1, 'ada@example.org');
