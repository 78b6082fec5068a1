CREATE SEQUENCE pet_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE pet (
  id bigint NOT NULL PRIMARY KEY,
  version integer NOT NULL,
  birth_date date,
  owner_id bigint REFERENCES owner (id),
  name varchar(30) NOT NULL
);
INSERT INTO owner VALUES (1, 'Madison', 'George', 'Franklin');
INSERT INTO pet VALUES (1, 0, '2010-09-07', 1, 'Leo');
