CREATE SEQUENCE invoice_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE invoice (id bigint PRIMARY KEY, total integer);
SELECT nextval('invoice_seq');
