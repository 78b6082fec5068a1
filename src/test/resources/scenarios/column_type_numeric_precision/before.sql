CREATE TABLE price (id bigint PRIMARY KEY, amount numeric(10,2), rate numeric(8,4));
INSERT INTO price VALUES (1, 12345678.90, 1.2345);
