CREATE TABLE setting (id bigint NOT NULL, name varchar(255));
