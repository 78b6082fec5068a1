CREATE TABLE memo (id bigint PRIMARY KEY, body varchar);
INSERT INTO memo VALUES (1, 'kept as is');
