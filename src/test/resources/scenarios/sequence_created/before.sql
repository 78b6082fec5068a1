CREATE TABLE invoice (id bigint PRIMARY KEY, total integer);
