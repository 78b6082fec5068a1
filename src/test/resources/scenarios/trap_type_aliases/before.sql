CREATE TABLE account (
  id int8 NOT NULL PRIMARY KEY,
  name varchar(255),
  active bool NOT NULL,
  visits int4,
  ratio float8,
  created timestamptz(6),
  small int2,
  code char(3),
  amount decimal(10, 2)
);
