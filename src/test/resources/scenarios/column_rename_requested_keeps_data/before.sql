CREATE TABLE customer (id bigint PRIMARY KEY, name varchar(255));
CREATE TABLE orders (id bigint PRIMARY KEY, cust_id bigint NOT NULL, note varchar(255));
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (cust_id) REFERENCES customer (id);
CREATE INDEX ix_orders_customer ON orders (cust_id);
INSERT INTO customer VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO orders VALUES (100, 1, 'first'), (101, 2, 'second');
