CREATE TABLE task (id bigint PRIMARY KEY, state varchar(255) CHECK (state IN ('OPEN', 'DONE')));
