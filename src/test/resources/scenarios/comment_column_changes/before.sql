CREATE TABLE customer (id bigint PRIMARY KEY, email varchar(255), phone varchar(255), fax varchar(255));
COMMENT ON COLUMN customer.phone IS 'Old phone';
COMMENT ON COLUMN customer.fax IS 'Going away';
