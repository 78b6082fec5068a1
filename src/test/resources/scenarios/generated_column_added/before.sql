CREATE TABLE line (id bigint PRIMARY KEY, qty integer, price integer);
INSERT INTO line VALUES (1, 2, 5);
