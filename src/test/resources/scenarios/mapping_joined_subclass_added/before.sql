CREATE TABLE vehicle (id bigint PRIMARY KEY, maker varchar(255));
