CREATE TABLE setting (id bigint PRIMARY KEY, payload varchar(2000));
INSERT INTO setting VALUES (1, '{"theme": "dark"}');
