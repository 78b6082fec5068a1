CREATE SEQUENCE owner_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE owner (
  id bigint NOT NULL PRIMARY KEY,
  city varchar(80),
  first_name varchar(30) NOT NULL,
  last_name varchar(30) NOT NULL
);
-- Hibernate 6 gives a Set<String> element collection no key at all (7.4 makes it unique).
CREATE TABLE owner_tags (
  owner_id bigint NOT NULL REFERENCES owner (id),
  tags varchar(255)
);
