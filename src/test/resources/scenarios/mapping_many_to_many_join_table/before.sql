CREATE TABLE student (id bigint PRIMARY KEY, name varchar(255));
CREATE TABLE course (id bigint PRIMARY KEY, title varchar(255));
