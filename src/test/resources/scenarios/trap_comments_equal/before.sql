CREATE TABLE customer (id bigint PRIMARY KEY, email varchar(255), region varchar(255));
COMMENT ON TABLE customer IS 'People who buy things';
COMMENT ON COLUMN customer.email IS 'Primary e-mail';
COMMENT ON COLUMN customer.region IS 'Region it''s billed in';
