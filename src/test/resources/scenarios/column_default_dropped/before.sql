CREATE TABLE task (id bigint PRIMARY KEY, state varchar(20) DEFAULT 'new', created timestamp(6) with time zone DEFAULT now());
