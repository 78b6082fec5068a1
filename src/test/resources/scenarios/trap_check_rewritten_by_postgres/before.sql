CREATE TABLE task (
  id bigint PRIMARY KEY,
  state varchar(255) CHECK (state IN ('OPEN', 'DONE')),
  priority smallint CHECK (priority BETWEEN 0 AND 2),
  CONSTRAINT ck_task_id CHECK (id > 0)
);
