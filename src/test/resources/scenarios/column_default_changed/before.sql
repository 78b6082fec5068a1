CREATE TABLE task (id bigint PRIMARY KEY, state varchar(20) DEFAULT 'new', priority integer DEFAULT 1);
