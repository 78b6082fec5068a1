CREATE TABLE event (id bigint, name varchar(255));
INSERT INTO event SELECT g, 'event ' || g FROM generate_series(1, 500) g;
ANALYZE event;
