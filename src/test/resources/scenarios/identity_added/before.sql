CREATE TABLE ticket (id bigint PRIMARY KEY, title varchar(255));
INSERT INTO ticket VALUES (1, 'first'), (2, 'second');
