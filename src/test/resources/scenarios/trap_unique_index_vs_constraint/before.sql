CREATE TABLE member (id bigint PRIMARY KEY, email varchar(255), handle varchar(255));
CREATE UNIQUE INDEX ux_member_email ON member (email);
ALTER TABLE member ADD CONSTRAINT member_handle_key UNIQUE (handle);
