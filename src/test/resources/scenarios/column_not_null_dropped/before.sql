CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, phone varchar(32) NOT NULL);
