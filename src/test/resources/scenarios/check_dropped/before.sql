CREATE TABLE product (id bigint PRIMARY KEY, price numeric(10,2), CONSTRAINT ck_product_price CHECK (price > 0));
