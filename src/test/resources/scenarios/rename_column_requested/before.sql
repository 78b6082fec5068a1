CREATE TABLE users (id bigint PRIMARY KEY, full_name varchar(255) NOT NULL);
INSERT INTO users VALUES (1, 'Ada Lovelace');
