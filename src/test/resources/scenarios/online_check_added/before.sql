CREATE TABLE item (id bigint PRIMARY KEY, price integer);
INSERT INTO item SELECT g, g FROM generate_series(1, 500) g;
ANALYZE item;
