CREATE TABLE line (id bigint PRIMARY KEY, qty integer, price integer, total integer GENERATED ALWAYS AS (qty * price) STORED);
INSERT INTO line (id, qty, price) VALUES (1, 2, 5);
