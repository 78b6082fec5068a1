CREATE TABLE payment (id bigint PRIMARY KEY, kind varchar(31) NOT NULL CHECK (kind IN ('Payment', 'CardPayment')),
  amount integer, card_number varchar(19));
INSERT INTO payment VALUES (1, 'CardPayment', 10, '4111');
