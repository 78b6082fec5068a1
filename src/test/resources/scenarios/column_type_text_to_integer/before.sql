CREATE TABLE stock (id bigint PRIMARY KEY, quantity text);
INSERT INTO stock VALUES (1, '42'), (2, NULL);
