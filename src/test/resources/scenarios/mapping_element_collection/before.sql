CREATE TABLE person (id bigint PRIMARY KEY, name varchar(255));
INSERT INTO person VALUES (1, 'Ada');
