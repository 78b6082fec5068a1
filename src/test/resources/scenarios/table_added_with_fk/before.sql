CREATE TABLE author (id bigint PRIMARY KEY, name varchar(255) NOT NULL);
