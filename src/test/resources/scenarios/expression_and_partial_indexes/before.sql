CREATE TABLE person (id bigint PRIMARY KEY, email varchar(255), deleted_at timestamp(6) with time zone);
CREATE INDEX ix_person_email_lower ON person (lower(email));
CREATE INDEX ix_person_live ON person (email) WHERE deleted_at IS NULL;
