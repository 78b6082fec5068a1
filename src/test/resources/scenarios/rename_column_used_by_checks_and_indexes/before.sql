CREATE TABLE orders (
  id bigint PRIMARY KEY,
  amount numeric(10,2) NOT NULL CHECK (amount >= 0),
  state varchar(255) CHECK (state IN ('OPEN', 'DONE')),
  closed boolean
);
CREATE INDEX ix_orders_open ON orders (amount) WHERE closed IS FALSE;
INSERT INTO orders VALUES (1, 10.50, 'OPEN', false);
