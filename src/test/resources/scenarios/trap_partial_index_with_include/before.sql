CREATE TABLE account (id bigint PRIMARY KEY, email varchar(255), code varchar(255), deleted boolean);
CREATE INDEX ix_account_live ON account (email) INCLUDE (code) WHERE deleted IS FALSE;
