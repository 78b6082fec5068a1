-- A database another tool built and still keeps its records in; Retort adopts it.
CREATE TABLE author (id bigint PRIMARY KEY, name varchar(255));
CREATE TABLE databasechangelog (
  id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL,
  dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL, exectype varchar(10) NOT NULL,
  md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255),
  liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10));
CREATE TABLE databasechangeloglock (
  id integer PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255));
-- Flyway under a configured table name: known by its columns.
CREATE TABLE deploy_history (
  installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
  type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
  execution_time integer NOT NULL, success boolean NOT NULL);
CREATE TABLE shedlock (name varchar(64) PRIMARY KEY, lock_until timestamp, locked_at timestamp, locked_by varchar(255));
CREATE TABLE batch_job_instance (job_instance_id bigint PRIMARY KEY, job_name varchar(100));
CREATE SEQUENCE batch_job_seq;
-- No entity and no other tool: this one is proposed for dropping, as before.
CREATE TABLE legacy_note (id bigint PRIMARY KEY);
