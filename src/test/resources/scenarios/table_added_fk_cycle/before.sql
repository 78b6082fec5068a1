CREATE TABLE placeholder (id bigint PRIMARY KEY);
