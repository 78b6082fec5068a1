CREATE TABLE product (id bigint PRIMARY KEY, price numeric(10,2), stock integer);
