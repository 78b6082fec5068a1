CREATE TABLE warehouse (id bigint PRIMARY KEY);
