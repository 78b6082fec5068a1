CREATE TABLE task (id bigint PRIMARY KEY, state varchar(255) CHECK (state IN ('OPEN', 'BLOCKED', 'DONE')));
INSERT INTO task VALUES (1, 'OPEN');
