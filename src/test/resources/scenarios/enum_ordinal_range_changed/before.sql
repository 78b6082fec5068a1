CREATE TABLE task (id bigint PRIMARY KEY, priority smallint CHECK (priority BETWEEN 0 AND 2));
INSERT INTO task VALUES (1, 2);
