CREATE TABLE price (id bigint PRIMARY KEY, amount numeric(10,2) DEFAULT 0.00, qty integer DEFAULT '1', ratio double precision DEFAULT 1.50);
