CREATE TABLE customer (id bigint PRIMARY KEY, name varchar(255) NOT NULL, email varchar(255));
CREATE TABLE purchase (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
ALTER TABLE purchase ADD CONSTRAINT fk_purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id);
CREATE INDEX ix_customer_email ON customer (email);
INSERT INTO customer VALUES (1, 'Ada', 'ada@example.org');
INSERT INTO purchase VALUES (10, 1);
