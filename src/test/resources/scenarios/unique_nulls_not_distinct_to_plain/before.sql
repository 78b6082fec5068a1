CREATE TABLE account (id bigint PRIMARY KEY, code varchar(255), region varchar(255),
  CONSTRAINT uq_account_code_region UNIQUE NULLS NOT DISTINCT (code, region));
