CREATE TABLE customer (id bigint PRIMARY KEY, name varchar(255) NOT NULL, email varchar(255));
