CREATE TABLE shop (id bigint PRIMARY KEY, name varchar(255));
