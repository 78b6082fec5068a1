CREATE TABLE task (id bigint PRIMARY KEY, state varchar(20), priority integer, created timestamp(6) with time zone);
