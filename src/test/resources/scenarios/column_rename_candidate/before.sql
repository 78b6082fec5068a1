CREATE TABLE users (id bigint PRIMARY KEY, full_name varchar(255) NOT NULL);
