CREATE SEQUENCE invoice_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE invoice (id bigint PRIMARY KEY, total integer);
