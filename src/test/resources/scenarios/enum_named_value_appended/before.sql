CREATE TYPE mood AS ENUM ('HAPPY', 'OK');
CREATE TABLE users (id bigint PRIMARY KEY, mood mood);
INSERT INTO users VALUES (1, 'OK');
