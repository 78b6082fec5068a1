CREATE TABLE member (id bigint PRIMARY KEY, email varchar(255), club varchar(40), num integer);
